/**
 * A top-to-bottom PDF page writer for the report, with DejaVu Sans embedded (subset): the PDF standard fonts only
 * know Latin-1 and would garble œ, ’ and many names. Draws text, label/value rows, tables and bar charts, opening a
 * new page when the current one is full.
 */
import type { PDFDocument, PDFFont, PDFPage, RGB } from 'pdf-lib';
import { rgb } from 'pdf-lib';
import { A4, newPdfWithFonts } from '../../core/pdf-document.js';

export const PAGE = A4;
export const MARGIN = 50;
export const GREY = rgb(0.4, 0.4, 0.4);
export const COLORS = {
  blue: rgb(0.11, 0.49, 0.84),
  teal: rgb(0.07, 0.6, 0.52),
  red: rgb(0.88, 0.19, 0.19),
  orange: rgb(0.99, 0.49, 0.08),
  grey: rgb(0.55, 0.55, 0.55),
  track: rgb(0.93, 0.93, 0.93),
};
const SIZE = 10;
const LINE = 14;

/** Text without what a PDF line cannot hold. */
function printable(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  return text.replace(/[\u0000-\u001f\u007f]/g, ' ');
}

export interface Bar {
  label: string;
  value: number;
  /** What is written after the bar (the value by default). */
  text?: string;
  color?: RGB;
}

export class ReportPdfWriter {
  page!: PDFPage;
  y = 0;
  /** Advance width of each character at size 1, per font: fontkit lays out every measured string, which made a
   * month of 500 breaches take seconds; a sum of cached widths (no kerning) is close enough to wrap and cut. */
  private readonly widths = new Map<PDFFont, Map<string, number>>();

  private constructor(
    readonly document: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.newPage();
  }

  static async create(): Promise<ReportPdfWriter> {
    const { document, regular, bold } = await newPdfWithFonts();
    return new ReportPdfWriter(document, regular, bold);
  }

  newPage(): void {
    this.page = this.document.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - MARGIN;
  }

  ensure(height: number): void {
    if (this.y - height < MARGIN + 20) this.newPage();
  }

  /** The width of a text at a size, from cached character widths. */
  measure(text: string, size: number, font: PDFFont = this.regular): number {
    let cache = this.widths.get(font);
    if (!cache) {
      cache = new Map();
      this.widths.set(font, cache);
    }
    let total = 0;
    for (const char of text) {
      let width = cache.get(char);
      if (width === undefined) {
        width = font.widthOfTextAtSize(char, 1);
        cache.set(char, width);
      }
      total += width;
    }
    return total * size;
  }

  /** Cuts a text to a width, with an ellipsis. */
  fit(text: string, width: number, size = SIZE, bold = false): string {
    const font = bold ? this.bold : this.regular;
    let out = printable(text);
    if (this.measure(out, size, font) <= width) return out;
    while (out.length > 1 && this.measure(`${out}…`, size, font) > width) out = out.slice(0, -1);
    return `${out}…`;
  }

  text(text: string, options: { x?: number; size?: number; bold?: boolean; color?: RGB; width?: number } = {}): void {
    const size = options.size ?? SIZE;
    const x = options.x ?? MARGIN;
    const content = this.fit(text, options.width ?? PAGE.width - MARGIN - x, size, options.bold);
    this.page.drawText(content, {
      x,
      y: this.y - size,
      size,
      font: options.bold ? this.bold : this.regular,
      color: options.color ?? rgb(0, 0, 0),
    });
  }

  heading(text: string): void {
    this.ensure(LINE * 4);
    this.y -= 8;
    this.text(text, { size: 12.5, bold: true });
    this.y -= 22;
  }

  /** Label on the left, value on the right. */
  row(label: string, value: string, bold = false): void {
    this.ensure(LINE);
    this.text(label, { color: GREY, width: 320 });
    this.text(value, { x: MARGIN + 330, bold });
    this.y -= LINE;
  }

  /** Lines of at most `width` points at `size`: words kept whole where they fit, cut where one is wider. */
  wrap(text: string, width: number, size = SIZE): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of printable(text).split(/ +/)) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (this.measure(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      line = word;
      while (this.measure(line, size) > width && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && this.measure(line.slice(0, cut), size) > width) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line);
    return lines;
  }

  /** A table with fixed column widths, long cells wrapped; the header repeats on each new page. */
  table(headers: string[], widths: number[], rows: string[][]): void {
    const size = 9;
    const line = 12;
    const header = () => {
      let x = MARGIN;
      headers.forEach((h, i) => {
        this.text(h, { x, bold: true, size, width: (widths[i] ?? 60) - 4 });
        x += widths[i] ?? 60;
      });
      this.y -= LINE;
    };
    this.ensure(LINE * 2);
    header();
    for (const row of rows) {
      const cells = row.map((value, i) => this.wrap(value, (widths[i] ?? 60) - 6, size));
      const height = Math.max(...cells.map((c) => c.length)) * line + 3;
      if (this.y - height < MARGIN + 20) {
        this.newPage();
        header();
      }
      let x = MARGIN;
      const top = this.y;
      cells.forEach((lines, i) => {
        this.y = top;
        for (const text of lines) {
          this.text(text, { x, size, width: (widths[i] ?? 60) - 4 });
          this.y -= line;
        }
        x += widths[i] ?? 60;
      });
      this.y = top - height;
    }
  }

  /** Horizontal bars on a common scale (`max`, else the largest value), label on the left, figure on the right. */
  bars(bars: Bar[], max?: number, labelWidth = 150): void {
    const scale = Math.max(1, max ?? Math.max(0, ...bars.map((b) => b.value)));
    const trackWidth = PAGE.width - 2 * MARGIN - labelWidth - 60;
    for (const bar of bars) {
      this.ensure(LINE + 2);
      this.text(bar.label, { width: labelWidth - 6, size: 9 });
      const x = MARGIN + labelWidth;
      const y = this.y - 10;
      this.page.drawRectangle({ x, y, width: trackWidth, height: 9, color: COLORS.track });
      const width = (Math.max(0, bar.value) / scale) * trackWidth;
      if (width > 0) this.page.drawRectangle({ x, y, width, height: 9, color: bar.color ?? COLORS.blue });
      this.text(bar.text ?? String(bar.value), { x: x + trackWidth + 6, size: 9, bold: true });
      this.y -= LINE + 2;
    }
    this.y -= 4;
  }

  /** Pairs of columns per day (e.g. opened and resolved), with a legend. */
  columns(days: { label: string; a: number; b: number }[], legend: [string, string]): void {
    const height = 90;
    this.ensure(height + 40);
    const width = PAGE.width - 2 * MARGIN;
    const slot = width / Math.max(1, days.length);
    const bar = Math.max(1, slot / 2 - 1);
    const max = Math.max(1, ...days.flatMap((d) => [d.a, d.b]));
    const base = this.y - height;
    this.page.drawLine({
      start: { x: MARGIN, y: base },
      end: { x: MARGIN + width, y: base },
      thickness: 0.5,
      color: GREY,
    });
    days.forEach((d, i) => {
      const x = MARGIN + i * slot;
      if (d.a > 0)
        this.page.drawRectangle({ x, y: base, width: bar, height: (d.a / max) * height, color: COLORS.blue });
      if (d.b > 0) {
        this.page.drawRectangle({ x: x + bar, y: base, width: bar, height: (d.b / max) * height, color: COLORS.teal });
      }
      if (i === 0 || (i + 1) % 5 === 0) {
        this.page.drawText(d.label, { x, y: base - 10, size: 7, font: this.regular, color: GREY });
      }
    });
    this.page.drawText(String(max), { x: MARGIN + width + 4, y: this.y - 8, size: 7, font: this.regular, color: GREY });
    this.y = base - 24;
    this.page.drawRectangle({ x: MARGIN, y: this.y - 8, width: 8, height: 8, color: COLORS.blue });
    this.text(legend[0], { x: MARGIN + 12, size: 8 });
    this.page.drawRectangle({ x: MARGIN + 100, y: this.y - 8, width: 8, height: 8, color: COLORS.teal });
    this.text(legend[1], { x: MARGIN + 112, size: 8 });
    this.y -= 18;
  }

  /** Page numbers and a footer line on every page. */
  footer(text: (page: number, of: number) => string): void {
    const pages = this.document.getPages();
    pages.forEach((page, i) => {
      page.drawText(printable(text(i + 1, pages.length)), {
        x: MARGIN,
        y: MARGIN / 2,
        size: 8,
        font: this.regular,
        color: GREY,
      });
    });
  }
}
