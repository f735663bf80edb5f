/**
 * Changes to the pdfjs worker's source, for speed only: what it returns stays the same.
 *
 * pdfjs keeps its caches per document and spends most of a report's time re-deriving the same
 * things, and WPS subset fonts (tens of thousands of empty glyph slots, sparse ToUnicode maps,
 * width ranges over every slot) hit its slowest loops. None of these spots is reachable from
 * outside the module, so the worker is loaded from its source text with these exact replacements.
 * Each must match exactly once, or the worker is loaded unchanged (a newer pdfjs is then only
 * slower, never different). test/pdf/worker-patches.test.ts checks both: every patch matches, and
 * text, operator lists, rebuilt font programs and the reader's output are identical with and
 * without them (scripts/pdfjs-digest.ts).
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

interface Patch {
  why: string;
  find: string;
  replace: string;
}

export const WORKER_PATCHES: Patch[] = [
  {
    why:
      'built-in CMaps (UniGB-UCS2-H, Adobe-GB1-UCS2, ...) are parsed from the packed files for every document: ' +
      'about 20-40 ms each, twice or more per document using a non-embedded Chinese font. Parse each once per process: ' +
      'a parsed CMap is only read afterwards (a usecmap child copies from it)',
    find: 'async function createBuiltInCMap(name, fetchBuiltInCMap) {',
    replace: `const processBuiltInCMaps = new Map();
function createBuiltInCMap(name, fetchBuiltInCMap) {
  let parsed = processBuiltInCMaps.get(name);
  if (!parsed) {
    parsed = parseBuiltInCMap(name, fetchBuiltInCMap);
    processBuiltInCMaps.set(name, parsed);
    parsed.catch(() => processBuiltInCMaps.delete(name));
  }
  return parsed;
}
async function parseBuiltInCMap(name, fetchBuiltInCMap) {`,
  },
  {
    why:
      'TrueType glyph locations: WPS keeps every glyph slot in its subsets (20-50 thousand a font, nearly all empty, ' +
      '~180 thousand a report), and pdfjs builds an object per slot, sorts them twice with a comparator, calls ' +
      'sanitizeGlyph (which allocates) for every slot and marks empty ones in a dictionary: ~30 ms a report. When ' +
      'the locations are in order (almost always; a stable sort of ordered entries changes nothing), take them from ' +
      'a typed array, skip the slots sanitizeGlyph would reject on its first test without calling it, and mark ' +
      'missing glyphs in a byte array (read only through !missingGlyphs[id]). Out-of-order locations take the ' +
      'original code unchanged',
    find: `      let i, j;
      const locaEntries = [];
      for (i = 0, j = 0; i < numGlyphs + 1; i++, j += itemSize) {`,
    replace: `      let i, j;
      let missingGlyphs, writeOffset = 0;
      let locaInOrder = numGlyphs > 0;
      const locaOffsets = locaInOrder ? new Int32Array(numGlyphs + 1) : null;
      for (i = 0, j = 0; locaInOrder && i < numGlyphs + 1; i++, j += itemSize) {
        let offset = itemDecode(locaData, j);
        if (offset > oldGlyfDataLength) {
          offset = oldGlyfDataLength;
        }
        locaOffsets[i] = offset;
        if (i > 0 && offset < locaOffsets[i - 1]) {
          locaInOrder = false;
        }
      }
      if (locaInOrder) {
        let lastEnd = locaOffsets[numGlyphs];
        if (locaOffsets[numGlyphs - 1] !== 0 && lastEnd === 0) {
          lastEnd = oldGlyfDataLength;
        }
        missingGlyphs = new Uint8Array(numGlyphs);
        itemEncode(locaData, 0, writeOffset);
        for (i = 0, j = itemSize; i < numGlyphs; i++, j += itemSize) {
          const start = locaOffsets[i];
          const end = i === numGlyphs - 1 ? lastEnd : locaOffsets[i + 1];
          if (start < 0 || start >= oldGlyfDataLength || end > oldGlyfDataLength || end - start <= 12) {
            missingGlyphs[i] = 1;
          } else {
            const glyphProfile = sanitizeGlyph(oldGlyfData, start, end, newGlyfData, writeOffset, hintsValid);
            if (glyphProfile.length === 0) {
              missingGlyphs[i] = 1;
            }
            if (glyphProfile.sizeOfInstructions > maxSizeOfInstructions) {
              maxSizeOfInstructions = glyphProfile.sizeOfInstructions;
            }
            writeOffset += glyphProfile.length;
          }
          itemEncode(locaData, j, writeOffset);
        }
      } else {
      const locaEntries = [];
      for (i = 0, j = 0; i < numGlyphs + 1; i++, j += itemSize) {`,
  },
  {
    why: 'the other half of the glyph-location patch above: the original code, now the out-of-order branch',
    find: `      const missingGlyphs = Object.create(null);
      let writeOffset = 0;
      itemEncode(locaData, 0, writeOffset);
      for (i = 0, j = itemSize; i < numGlyphs; i++, j += itemSize) {
        const glyphProfile = sanitizeGlyph(oldGlyfData, locaEntries[i].offset, locaEntries[i].endOffset, newGlyfData, writeOffset, hintsValid);
        const newLength = glyphProfile.length;
        if (newLength === 0) {
          missingGlyphs[i] = true;
        }
        if (glyphProfile.sizeOfInstructions > maxSizeOfInstructions) {
          maxSizeOfInstructions = glyphProfile.sizeOfInstructions;
        }
        writeOffset += newLength;
        itemEncode(locaData, j, writeOffset);
      }`,
    replace: `      missingGlyphs = Object.create(null);
      itemEncode(locaData, 0, writeOffset);
      for (i = 0, j = itemSize; i < numGlyphs; i++, j += itemSize) {
        const glyphProfile = sanitizeGlyph(oldGlyfData, locaEntries[i].offset, locaEntries[i].endOffset, newGlyfData, writeOffset, hintsValid);
        const newLength = glyphProfile.length;
        if (newLength === 0) {
          missingGlyphs[i] = true;
        }
        if (glyphProfile.sizeOfInstructions > maxSizeOfInstructions) {
          maxSizeOfInstructions = glyphProfile.sizeOfInstructions;
        }
        writeOffset += newLength;
        itemEncode(locaData, j, writeOffset);
      }
      }`,
  },
  {
    why:
      'a ToUnicode CMap of a subset font maps a few hundred codes spread up to ~20-30 thousand: CMap.forEach ' +
      'probes every index of that sparse (dictionary-mode) array, ~0.6 ms a font. When a probe of 32 evenly spaced ' +
      'indices finds almost nothing, enumerate the present keys instead: the same indices in the same ascending ' +
      'order, as numbers, skipping undefined values as before (non-index keys are skipped, as the loop never ' +
      'reached them)',
    find: `    const length = map.length;
    if (length <= 0x10000) {
      for (let i = 0; i < length; i++) {
        if (map[i] !== undefined) {
          callback(i, map[i]);
        }
      }`,
    replace: `    const length = map.length;
    let probablySparse = length > 1024;
    for (let p = 0, found = 0; probablySparse && p < 32; p++) {
      if (map[Math.floor((p * length) / 32)] !== undefined && ++found > 2) {
        probablySparse = false;
      }
    }
    if (length <= 0x10000 && probablySparse) {
      for (const key in map) {
        const i = +key;
        if (i >= 0 && i < length && String(i) === key && map[i] !== undefined) {
          callback(i, map[i]);
        }
      }
    } else if (length <= 0x10000) {
      for (let i = 0; i < length; i++) {
        if (map[i] !== undefined) {
          callback(i, map[i]);
        }
      }`,
  },
  {
    why:
      'readToUnicode preallocates new Array(cmap.length) (~0.8 ms for 20 thousand slots, per font) and then fills a ' +
      'few hundred of them; start from [] and give it the same length once filled',
    find: `        const map = new Array(cmap.length);`,
    replace: `        const map = [];`,
  },
  {
    why: 'the other half of the readToUnicode patch above: the same length as before',
    find: `          map[charCode] = String.fromCodePoint(...str);
        });
        return new ToUnicodeMap(map);`,
    replace: `          map[charCode] = String.fromCodePoint(...str);
        });
        map.length = Math.max(map.length, cmap.length);
        return new ToUnicodeMap(map);`,
  },
  {
    why:
      'extractWidths decides "monospace" with for...in over the widths array: WPS writes ranges such as ' +
      '[871 28574 1000], so 28 thousand string keys a font. When the keys can only be array indices (composite ' +
      'font, every W start and end between 0 and 2^32-2), a counted loop visits the same entries in the same order ' +
      '(holes read undefined and are skipped as falsy, as before); otherwise Object.keys gives what for...in gave',
    find: `    let glyphsWidths = [];
    let defaultWidth = 0;`,
    replace: `    let glyphsWidths = [];
    let widthKeysAreIndices = true;
    let defaultWidth = 0;`,
  },
  {
    why: 'the extractWidths patch above: note a W entry that could write a key that is not an array index',
    find: `          let start = xref.fetchIfRef(widths[i++]);
          if (!Number.isInteger(start)) {
            break;
          }
          const code = xref.fetchIfRef(widths[i]);`,
    replace: `          let start = xref.fetchIfRef(widths[i++]);
          if (!Number.isInteger(start)) {
            break;
          }
          const code = xref.fetchIfRef(widths[i]);
          if (start < 0 || start + (Array.isArray(code) ? code.length : 0) > 0xfffffffe || (Number.isInteger(code) && code > 0xfffffffe)) {
            widthKeysAreIndices = false;
          }`,
  },
  {
    why: 'the extractWidths patch above: the counted loop',
    find: `    for (const glyph in glyphsWidths) {
      const glyphWidth = glyphsWidths[glyph];`,
    replace: `    const widthKeys = properties.composite && widthKeysAreIndices && Array.isArray(glyphsWidths) ? null : Object.keys(glyphsWidths);
    const widthCount = widthKeys ? widthKeys.length : glyphsWidths.length;
    for (let k = 0; k < widthCount; k++) {
      const glyph = widthKeys ? widthKeys[k] : k;
      const glyphWidth = glyphsWidths[glyph];`,
  },
  {
    why:
      'getTextContent clones its text state on every q operator with Object.create(this): each clone gets a prototype ' +
      'of its own, so V8 gives every state a new hidden class and the text loop runs megamorphic. TextState has only ' +
      'own fields (all copied by Object.assign) and methods on its class, so the class prototype inherits the same',
    find: `    const clone = Object.assign(Object.create(this), this);
    clone.textMatrix = this.textMatrix.slice();`,
    replace: `    const clone = Object.assign(Object.create(TextState.prototype), this);
    clone.textMatrix = this.textMatrix.slice();`,
  },
  {
    why:
      'pdfjs inflates each Flate stream through a web DecompressionStream (zlib on the thread pool, a promise and ' +
      'stream chunks per stream): Chromium PDFs hold hundreds of tiny Type3 glyph streams, where that costs twice the ' +
      'rest of the read. For streams under 16 KB take the path pdfjs itself falls back to when DecompressionStream ' +
      'fails, its own inflater; larger ones (images, font programs) keep native zlib',
    find: `    const bytes = this.stream.isAsync ? await this.stream.asyncGetBytes() : this.stream.getBytes();
    try {`,
    replace: `    const bytes = this.stream.isAsync ? await this.stream.asyncGetBytes() : this.stream.getBytes();
    if (bytes && bytes.length < 16384) return { decompressed: null, compressed: bytes };
    try {`,
  },
];

/** The patched source, or undefined when a patch does not match exactly once. */
export function patchWorkerSource(source: string, fileUrl: string): string | undefined {
  let out = source;
  for (const p of WORKER_PATCHES) {
    const at = out.indexOf(p.find);
    if (at < 0 || out.indexOf(p.find, at + 1) >= 0) return undefined;
    out = out.slice(0, at) + p.replace + out.slice(at + p.find.length);
  }
  // loaded from a data: URL, the module must still resolve what it locates from its own file
  out = out.split('import.meta.url').join(JSON.stringify(fileUrl));
  // stack traces and profiles name the file, not a megabyte-long data: URL
  return `${out}\n//# sourceURL=${fileUrl}?patched\n`;
}

/** Import the worker module at `path` with the patches applied, or unchanged if they do not apply. */
export async function importPatchedWorker(path: string): Promise<unknown> {
  try {
    const fileUrl = pathToFileURL(path).href;
    const patched = patchWorkerSource(await readFile(path, 'utf8'), fileUrl);
    if (patched !== undefined) return await import(`data:text/javascript;base64,${Buffer.from(patched).toString('base64')}`);
  } catch {
    // fall through to the unchanged module
  }
  return import(pathToFileURL(path).href);
}
