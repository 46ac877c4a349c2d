import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  type PDFObject,
  PDFRawStream,
  PDFRef,
} from 'pdf-lib';

/** Code → text of a font's ToUnicode CMap (bfchar and bfrange entries). */
function unicodeMap(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  const hexText = (hex: string) =>
    String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((unit) => Number.parseInt(unit, 16)));
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, text] of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      map.set((code ?? '').toUpperCase(), hexText(text ?? ''));
    }
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, from, to, start] of (block[1] ?? '').matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g,
    )) {
      const first = Number.parseInt(from ?? '0', 16);
      const base = Number.parseInt(start ?? '0', 16);
      for (let code = first; code <= Number.parseInt(to ?? '0', 16); code++) {
        map.set(code.toString(16).toUpperCase().padStart(4, '0'), String.fromCharCode(base + code - first));
      }
    }
  }
  return map;
}

function streamText(document: PDFDocument, object: PDFObject | undefined): string {
  const stream = object instanceof PDFRef ? document.context.lookup(object) : object;
  if (!(stream instanceof PDFRawStream)) return '';
  return Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
}

/**
 * The text of each page of a PDF written with embedded (Identity-H) fonts, as a reader would copy it: the
 * glyph codes of every `<…> Tj` mapped back through the current font's ToUnicode table, one line per Tj.
 */
export async function pdfText(bytes: Uint8Array): Promise<{ pages: string[]; fonts: string[] }> {
  const document = await PDFDocument.load(bytes);
  const fonts = new Set<string>();
  const pages = document.getPages().map((page) => {
    const maps = new Map<string, Map<string, string>>();
    const fontDict = page.node.Resources()?.lookup(PDFName.of('Font'), PDFDict);
    for (const [name, ref] of fontDict?.entries() ?? []) {
      const font = document.context.lookup(ref, PDFDict);
      const base = font.lookup(PDFName.of('BaseFont'));
      const descendants = font.lookup(PDFName.of('DescendantFonts'), PDFArray);
      const descriptor = document.context
        .lookup(descendants.get(0), PDFDict)
        .lookup(PDFName.of('FontDescriptor'), PDFDict);
      if (descriptor.get(PDFName.of('FontFile2'))) fonts.add(String(base).replace(/^\//, ''));
      maps.set(name.toString(), unicodeMap(streamText(document, font.get(PDFName.of('ToUnicode')))));
    }
    const contents = page.node.Contents();
    const parts = contents instanceof PDFArray ? contents.asArray() : [contents];
    const program = parts.map((part) => streamText(document, part)).join('\n');
    const lines: string[] = [];
    let current = new Map<string, string>();
    for (const match of program.matchAll(/(\/\S+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj/g)) {
      if (match[1]) current = maps.get(match[1]) ?? new Map();
      else lines.push((match[2]?.match(/.{4}/g) ?? []).map((code) => current.get(code.toUpperCase()) ?? '?').join(''));
    }
    return lines.join('\n');
  });
  return { pages, fonts: [...fonts] };
}
