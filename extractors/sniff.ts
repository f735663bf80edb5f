import type { Format } from './model.ts';

export interface Sniffed {
  /** the format the content shows */
  format: Format;
  /** the format the file name's extension suggests, when it has a known one */
  byExtension: Format | null;
}

/** Decide the format from the bytes (magic numbers, markup), not from the name. Placeholder. */
export function sniffFormat(bytes: Uint8Array, fileName: string): Sniffed {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  const byExtension: Format | null = ext === 'pdf' ? 'pdf' : ext === 'docx' ? 'docx' : ext === 'txt' ? 'text' : ext === 'html' || ext === 'htm' ? 'html' : null;
  if (bytes.length === 0) return { format: 'empty', byExtension };
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return { format: 'pdf', byExtension };
  return { format: byExtension ?? 'unknown', byExtension };
}
