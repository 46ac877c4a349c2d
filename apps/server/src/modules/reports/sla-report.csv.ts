/**
 * The report as a CSV file for spreadsheets: UTF-8 with a byte-order mark (Excel reads accents right only with it),
 * CRLF line ends, blocks separated by an empty line, each block with its header row. The separator and the decimal
 * mark follow the language, as Excel expects them in that locale: French `;` and `66,7`, English `,` and `66.7`.
 * A cell that a spreadsheet would run as a formula (= + - @ at its start) is prefixed with an apostrophe.
 */
import type { SlaReport } from '@vigie/contracts';
import { availabilityText, instantText, numberText, REPORT_LABELS, type ReportLocale } from './report-labels.js';

const BOM = '\uFEFF';

export function csvSeparator(locale: ReportLocale): string {
  return locale === 'fr' ? ';' : ',';
}

function cell(value: string | number | null, separator: string): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function renderSlaReportCsv(report: SlaReport, locale: ReportLocale): string {
  const l = REPORT_LABELS[locale];
  const sep = csvSeparator(locale);
  const num = (value: number | null) => numberText(value, locale);
  const when = (iso: string) => instantText(iso, locale, report.timeZone);
  const blocks: (string | number | null)[][][] = [
    [
      [l.title, report.clientName],
      [l.month, `${report.month}${report.complete ? '' : ` (${l.inProgress})`}`],
      [l.timeZone, report.timeZone],
    ],
    [
      [l.indicator, l.value],
      [l.opened, report.tickets.opened],
      [l.resolved, report.tickets.resolved],
      [l.closed, report.tickets.closed],
      [l.outOfScope, report.tickets.outOfScope],
      [`${l.ttoMet} %`, num(report.tto.percent)],
      [l.ttoDecided, `${report.tto.met} / ${report.tto.missed}`],
      [`${l.ttrMet} %`, num(report.ttr.percent)],
      [l.ttrDecided, `${report.ttr.met} / ${report.ttr.missed}`],
      [l.functional, report.escalations.functional],
      [l.hierarchical, report.escalations.hierarchical],
      [l.ticketsEscalated, report.escalations.ticketsEscalated],
      [l.satisfactionAverage, num(report.satisfaction.average)],
      [l.ratings, report.satisfaction.ratings],
      [`${l.billable} (min)`, report.time.billableMinutes],
      [`${l.covered} (min)`, report.time.coveredMinutes],
    ],
    [[l.byPriority, l.count], ...report.byPriority.map((p) => [p.priority, p.count])],
    [
      [
        l.slaByPriority,
        `${l.ttoShort} %`,
        `${l.ttoShort} ${l.metMissed}`,
        `${l.ttrShort} %`,
        `${l.ttrShort} ${l.metMissed}`,
      ],
      ...report.slaByPriority.map((p) => [
        p.priority,
        num(p.tto.percent),
        `${p.tto.met} / ${p.tto.missed}`,
        num(p.ttr.percent),
        `${p.ttr.met} / ${p.ttr.missed}`,
      ]),
    ],
    [[l.byLevel, l.count], ...report.byLevel.map((p) => [`N${p.level}`, p.count])],
    [[l.byCategory, l.count], ...report.byCategory.map((c) => [c.name ?? l.uncategorized, c.count])],
    [[l.escalationsToLevel, l.count], ...report.escalations.toLevel.map((e) => [`N${e.level}`, e.count])],
    [[l.satisfaction, l.count], ...report.satisfaction.distribution.map((d) => [l.stars(d.rating), d.count])],
    [[l.date, l.opened_short, l.resolved_short], ...report.daily.map((d) => [d.date, d.opened, d.resolved])],
    [
      [l.contract, l.period, `${l.available} (min)`, `${l.used} (min)`, `${l.remaining} (min)`, `${l.monthUse} (min)`],
      ...report.hourBanks.map((b) => [
        b.reference,
        `${b.periodStart} – ${b.periodEnd ?? '…'}`,
        b.availableMinutes,
        b.usedMinutes,
        b.remainingMinutes,
        b.monthMinutes,
      ]),
    ],
    [
      [`${l.asset} (${l.availabilityNote})`, `${l.availabilityPercent} %`, l.downMinutes],
      ...report.availability.map((a) => [
        a.name,
        availabilityText(a.percent, locale),
        a.downMinutes === null ? l.none : a.downMinutes,
      ]),
    ],
    [
      [l.reference, l.ticketTitle, l.priority, l.clock, l.deadline, l.breachedAt],
      ...report.breaches.map((b) => [
        b.reference,
        b.title,
        b.priority,
        b.clock === 'tto' ? l.tto : l.ttr,
        when(b.deadline),
        when(b.breachedAt),
      ]),
    ],
  ];
  const lines = blocks.map((rows) => rows.map((row) => row.map((value) => cell(value, sep)).join(sep)).join('\r\n'));
  return `${BOM}${lines.join('\r\n\r\n')}\r\n`;
}

/** `rapport-sla-ACME-2026-10.csv`: the client's name reduced to safe characters. */
export function reportFileName(report: SlaReport, locale: ReportLocale, extension: 'csv' | 'pdf'): string {
  const name = report.clientName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return `${locale === 'fr' ? 'rapport-sla' : 'sla-report'}-${name || 'client'}-${report.month}.${extension}`;
}
