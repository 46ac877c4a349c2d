/**
 * A new A4 PDF with DejaVu Sans embedded (subset, regular and bold): the PDF standard fonts only know Latin-1 and
 * would garble œ, ’ and many names. The font files are read once per process.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont } from 'pdf-lib';

export const A4 = { width: 595.28, height: 841.89 };

const require = createRequire(import.meta.url);
let fonts: { regular: Uint8Array; bold: Uint8Array } | null = null;

function fontFiles() {
  fonts ??= {
    regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  };
  return fonts;
}

export async function newPdfWithFonts(): Promise<{ document: PDFDocument; regular: PDFFont; bold: PDFFont }> {
  const document = await PDFDocument.create();
  document.registerFontkit(fontkit);
  const files = fontFiles();
  const regular = await document.embedFont(files.regular, { subset: true });
  const bold = await document.embedFont(files.bold, { subset: true });
  return { document, regular, bold };
}
