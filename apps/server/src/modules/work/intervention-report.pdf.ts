/**
 * The signed report of an on-site visit as a PDF, for the client's records. DejaVu Sans is embedded (subset): the
 * PDF standard fonts only know Latin-1 and would garble œ, « », ’ and many names.
 */
import { type PDFDocument, type PDFFont, type PDFImage, type PDFPage, rgb } from 'pdf-lib';
import { A4, newPdfWithFonts } from '../../core/pdf-document.js';
import { formatMinutes } from './format-minutes.js';

export interface InterventionReportData {
  locale: 'fr' | 'en';
  /** Dates and times are written in this zone (the site's, else the client's), and it is named. */
  timeZone: string;
  provider: string;
  clientName: string;
  site: { name: string; addressLines: string[] };
  ticket: { reference: string; title: string };
  technician: string;
  scheduledStart: string;
  durationMinutes: number;
  travelMinutes: number;
  report: string;
  signedBy: string;
  signedAt: string;
  signaturePng: Uint8Array;
}

const LABELS = {
  fr: {
    title: 'Rapport d’intervention',
    client: 'Client',
    site: 'Site',
    ticket: 'Ticket',
    technician: 'Technicien',
    date: 'Date',
    duration: 'Durée sur site',
    travel: 'Déplacement',
    report: 'Travaux réalisés',
    signature: 'Signature du client',
    signedBy: 'Signé par',
    signedAt: 'Signé le',
    page: (n: number, of: number) => `Page ${n} sur ${of}`,
  },
  en: {
    title: 'Intervention report',
    client: 'Client',
    site: 'Site',
    ticket: 'Ticket',
    technician: 'Technician',
    date: 'Date',
    duration: 'Time on site',
    travel: 'Travel',
    report: 'Work done',
    signature: 'Client signature',
    signedBy: 'Signed by',
    signedAt: 'Signed on',
    page: (n: number, of: number) => `Page ${n} of ${of}`,
  },
} as const;

const PAGE = A4;
const MARGIN = 50;
const TEXT_SIZE = 10.5;
const LINE = 15;
const LABEL_WIDTH = 120;
const GREY = rgb(0.4, 0.4, 0.4);
const SIGNATURE_BOX = { width: 220, height: 90 };

function formatInstant(iso: string, locale: string, timeZone: string): string {
  const text = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    timeZone,
    dateStyle: 'full',
    timeStyle: 'short',
  }).format(new Date(iso));
  return `${text} (${timeZone})`;
}

/** Text without what a PDF line cannot hold (tabs become spaces, other control characters go). */
function printable(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  return text.replace(/\t/g, '    ').replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '');
}

/** Lines of at most `width` points: words kept whole where they fit, cut where a single word is wider. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of printable(text).replace(/\r\n?/g, '\n').split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      line = word;
      while (font.widthOfTextAtSize(line, size) > width) {
        let cut = line.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line);
  }
  return lines;
}

/** Writes top to bottom, opening a new page when the current one is full. */
class Writer {
  page: PDFPage;
  y = PAGE.height - MARGIN;

  constructor(
    private readonly document: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.page = document.addPage([PAGE.width, PAGE.height]);
  }

  ensure(height: number): void {
    if (this.y - height >= MARGIN + 20) return;
    this.page = this.document.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - MARGIN;
  }

  text(text: string, options: { x?: number; size?: number; bold?: boolean; color?: ReturnType<typeof rgb> } = {}) {
    const size = options.size ?? TEXT_SIZE;
    this.ensure(size + 4);
    this.page.drawText(printable(text), {
      x: options.x ?? MARGIN,
      y: this.y - size,
      size,
      font: options.bold ? this.bold : this.regular,
      color: options.color ?? rgb(0, 0, 0),
    });
  }

  /** A label in the left column and its value (maybe several lines) on the right. */
  field(label: string, values: string[]): void {
    const width = PAGE.width - 2 * MARGIN - LABEL_WIDTH;
    const lines = values.flatMap((v) => wrapText(v, this.regular, TEXT_SIZE, width));
    this.ensure(LINE * Math.min(lines.length, 3));
    this.text(label, { bold: true, color: GREY });
    for (const line of lines) {
      this.text(line, { x: MARGIN + LABEL_WIDTH });
      this.y -= LINE;
    }
    this.y -= 3;
  }

  paragraph(text: string): void {
    for (const line of wrapText(text, this.regular, TEXT_SIZE, PAGE.width - 2 * MARGIN)) {
      this.ensure(LINE);
      this.text(line);
      this.y -= LINE;
    }
  }

  rule(): void {
    this.ensure(12);
    this.y -= 6;
    this.page.drawLine({
      start: { x: MARGIN, y: this.y },
      end: { x: PAGE.width - MARGIN, y: this.y },
      thickness: 0.5,
      color: GREY,
    });
    this.y -= 12;
  }

  image(image: PDFImage): void {
    const scale = Math.min(1, SIGNATURE_BOX.width / image.width, SIGNATURE_BOX.height / image.height);
    const width = image.width * scale;
    const height = image.height * scale;
    this.ensure(height + 8);
    this.page.drawRectangle({
      x: MARGIN,
      y: this.y - SIGNATURE_BOX.height - 4,
      width: SIGNATURE_BOX.width + 8,
      height: SIGNATURE_BOX.height + 8,
      borderColor: GREY,
      borderWidth: 0.5,
    });
    this.page.drawImage(image, { x: MARGIN + 4, y: this.y - height, width, height });
    this.y -= SIGNATURE_BOX.height + 16;
  }
}

/** Renders the report; long reports flow over as many pages as they need, each page numbered. */
export async function renderInterventionReport(data: InterventionReportData): Promise<Uint8Array> {
  const labels = LABELS[data.locale];
  const { document, regular, bold } = await newPdfWithFonts();
  const signature = await document.embedPng(data.signaturePng);
  const title = `${labels.title} — ${data.ticket.reference}`;
  document.setTitle(title);
  document.setAuthor(data.provider);
  document.setSubject(`${data.clientName} — ${data.ticket.title}`);
  document.setCreator(data.provider);
  document.setProducer(data.provider);
  document.setCreationDate(new Date(data.signedAt));
  document.setModificationDate(new Date(data.signedAt));
  document.setLanguage(data.locale === 'fr' ? 'fr-FR' : 'en-GB');

  const w = new Writer(document, regular, bold);
  w.text(data.provider, { size: 20, bold: true });
  w.y -= 28;
  w.text(labels.title, { size: 14, bold: true });
  w.y -= 20;
  w.rule();
  w.field(labels.client, [data.clientName]);
  w.field(labels.site, [data.site.name, ...data.site.addressLines]);
  w.field(labels.ticket, [`${data.ticket.reference} — ${data.ticket.title}`]);
  w.field(labels.technician, [data.technician]);
  w.field(labels.date, [formatInstant(data.scheduledStart, data.locale, data.timeZone)]);
  w.field(labels.duration, [formatMinutes(data.durationMinutes)]);
  w.field(labels.travel, [formatMinutes(data.travelMinutes)]);
  w.rule();
  w.text(labels.report, { size: 12, bold: true });
  w.y -= 20;
  w.paragraph(data.report);
  w.rule();
  w.ensure(SIGNATURE_BOX.height + 80);
  w.text(labels.signature, { size: 12, bold: true });
  w.y -= 20;
  w.field(labels.signedBy, [data.signedBy]);
  w.field(labels.signedAt, [formatInstant(data.signedAt, data.locale, data.timeZone)]);
  w.y -= 4;
  w.image(signature);

  const pages = document.getPages();
  pages.forEach((page, index) => {
    const footer = `${data.provider} · ${title} · ${labels.page(index + 1, pages.length)}`;
    page.drawText(footer, { x: MARGIN, y: MARGIN / 2, size: 8, font: regular, color: GREY });
  });
  return document.save();
}
