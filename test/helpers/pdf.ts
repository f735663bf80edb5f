/**
 * Minimal PDFs written by the tests: pages of content streams in Helvetica (/F1), optionally
 * with greyscale images (/Im1 …), an xref table and uncompressed page streams.
 */

export interface TestImage {
  width: number;
  height: number;
  /** Flate-compressed 8-bit greyscale pixels */
  pixels: Uint8Array;
}

export interface TestPage {
  content: string;
  images?: TestImage[];
}

/** A show of `t` at (x, y) in Helvetica. */
export const text = (x: number, y: number, t: string, size = 10) => `BT /F1 ${size} Tf ${x} ${y} Td (${t}) Tj ET\n`;

export function helveticaPdf(pages: TestPage[]): Uint8Array {
  const objs: (string | Uint8Array)[][] = [];
  const add = (...body: (string | Uint8Array)[]) => objs.push(body);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(''); // the page tree, once the pages' numbers are known
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const kids: number[] = [];
  for (const page of pages) {
    const xobjects = (page.images ?? []).map((img, i) => {
      add(`<< /Type /XObject /Subtype /Image /Width ${img.width} /Height ${img.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${img.pixels.length} >>\nstream\n`, img.pixels, '\nendstream');
      return `/Im${i + 1} ${objs.length} 0 R`;
    });
    add(`<< /Length ${page.content.length} >>\nstream\n${page.content}\nendstream`);
    const contents = objs.length;
    const resources = `/Font << /F1 3 0 R >>${xobjects.length ? ` /XObject << ${xobjects.join(' ')} >>` : ''}`;
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << ${resources} >> /Contents ${contents} 0 R >>`);
    kids.push(objs.length);
  }
  objs[1] = [`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`];

  const parts: Uint8Array[] = [];
  let size = 0;
  const push = (b: string | Uint8Array) => {
    const bytes = typeof b === 'string' ? Buffer.from(b, 'latin1') : b;
    parts.push(bytes);
    size += bytes.length;
  };
  push('%PDF-1.4\n');
  const offsets = objs.map((body, i) => {
    const at = size;
    push(`${i + 1} 0 obj\n`);
    body.forEach(push);
    push('\nendobj\n');
    return at;
  });
  const xref = size;
  push(`xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`);
  push(`trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return new Uint8Array(Buffer.concat(parts));
}
