/**
 * The monthly SLA report as a PDF for the client's records and the scheduled mail: key figures, bar charts (share
 * met, tickets by priority, level and category, per day, satisfaction, hour banks) and the list of breaches, in
 * French or English, with instants in the client's zone and the zone named.
 */
import type { SlaReport } from '@vigie/contracts';
import { formatMinutes } from '../work/format-minutes.js';
import {
  availabilityText,
  instantText,
  monthName,
  numberText,
  REPORT_LABELS,
  type ReportLocale,
} from './report-labels.js';
import { COLORS, ReportPdfWriter } from './report-pdf-writer.js';

const PRIORITY_COLORS = { P1: COLORS.red, P2: COLORS.orange, P3: COLORS.blue, P4: COLORS.grey } as const;

export async function renderSlaReportPdf(report: SlaReport, locale: ReportLocale, provider: string) {
  const l = REPORT_LABELS[locale];
  const w = await ReportPdfWriter.create();
  const when = (iso: string) => instantText(iso, locale, report.timeZone);
  const percent = (value: number | null) => (value === null ? l.none : `${numberText(value, locale)} %`);
  const month = monthName(report.month, locale);
  const title = `${l.title} — ${report.clientName} — ${month}`;
  const doc = w.document;
  doc.setTitle(title);
  doc.setAuthor(provider);
  doc.setCreator(provider);
  doc.setProducer(provider);
  doc.setSubject(`${report.clientName} — ${month}`);
  doc.setCreationDate(new Date(report.generatedAt));
  doc.setModificationDate(new Date(report.generatedAt));
  doc.setLanguage(locale === 'fr' ? 'fr-FR' : 'en-GB');

  w.text(provider, { size: 18, bold: true });
  w.y -= 26;
  w.text(l.title, { size: 14, bold: true });
  w.y -= 22;
  w.row(l.client, report.clientName, true);
  w.row(l.month, report.complete ? month : `${month} (${l.inProgress})`);
  w.row(l.timeZone, report.timeZone);
  w.row(l.generated, `${when(report.generatedAt)} (${report.timeZone})`);

  w.heading(l.indicator);
  w.row(l.opened, String(report.tickets.opened), true);
  w.row(l.resolved, String(report.tickets.resolved));
  w.row(l.closed, String(report.tickets.closed));
  w.row(l.outOfScope, String(report.tickets.outOfScope));
  w.row(l.ttoDecided, `${report.tto.met} / ${report.tto.missed}`);
  w.row(l.ttrDecided, `${report.ttr.met} / ${report.ttr.missed}`);
  w.row(l.functional, String(report.escalations.functional));
  w.row(l.hierarchical, String(report.escalations.hierarchical));
  w.row(l.ticketsEscalated, String(report.escalations.ticketsEscalated));
  w.row(l.billable, formatMinutes(report.time.billableMinutes));
  w.row(l.covered, formatMinutes(report.time.coveredMinutes));
  w.y -= 6;
  const metColor = (value: number | null) =>
    value === null ? COLORS.grey : value >= 95 ? COLORS.teal : value >= 80 ? COLORS.orange : COLORS.red;
  w.bars(
    [
      {
        label: l.ttoMet,
        value: report.tto.percent ?? 0,
        text: percent(report.tto.percent),
        color: metColor(report.tto.percent),
      },
      {
        label: l.ttrMet,
        value: report.ttr.percent ?? 0,
        text: percent(report.ttr.percent),
        color: metColor(report.ttr.percent),
      },
    ],
    100,
    220,
  );

  w.heading(l.slaByPriority);
  w.table(
    [l.priority, `${l.ttoShort} %`, `${l.ttoShort} ${l.metMissed}`, `${l.ttrShort} %`, `${l.ttrShort} ${l.metMissed}`],
    [70, 80, 120, 80, 120],
    report.slaByPriority.map((p) => [
      p.priority,
      percent(p.tto.percent),
      `${p.tto.met} / ${p.tto.missed}`,
      percent(p.ttr.percent),
      `${p.ttr.met} / ${p.ttr.missed}`,
    ]),
  );

  w.heading(l.daily);
  w.columns(
    report.daily.map((d) => ({ label: String(Number(d.date.slice(8))), a: d.opened, b: d.resolved })),
    [l.opened_short, l.resolved_short],
  );

  w.heading(l.byPriority);
  w.bars(report.byPriority.map((p) => ({ label: p.priority, value: p.count, color: PRIORITY_COLORS[p.priority] })));
  w.heading(l.byLevel);
  w.bars(report.byLevel.map((p) => ({ label: `N${p.level}`, value: p.count })));
  w.heading(l.byCategory);
  w.bars(report.byCategory.map((c) => ({ label: c.name ?? l.uncategorized, value: c.count, color: COLORS.teal })));
  w.heading(l.escalationsToLevel);
  w.bars(report.escalations.toLevel.map((e) => ({ label: `N${e.level}`, value: e.count, color: COLORS.orange })));

  w.heading(
    `${l.satisfaction} — ${l.satisfactionAverage} : ${report.satisfaction.average === null ? l.none : numberText(report.satisfaction.average, locale)}`,
  );
  w.bars(
    [...report.satisfaction.distribution].reverse().map((d) => ({
      label: l.stars(d.rating),
      value: d.count,
      color: d.rating >= 4 ? COLORS.teal : d.rating === 3 ? COLORS.orange : COLORS.red,
    })),
  );

  if (report.hourBanks.length > 0) {
    w.heading(l.hourBanks);
    for (const bank of report.hourBanks) {
      w.row(l.contract, bank.reference, true);
      w.row(l.period, `${bank.periodStart} – ${bank.periodEnd ?? '…'}`);
      w.row(l.monthUse, formatMinutes(bank.monthMinutes));
      w.bars(
        [
          {
            label: l.used,
            value: bank.usedMinutes,
            text: `${formatMinutes(bank.usedMinutes)} / ${formatMinutes(bank.availableMinutes)}`,
            color: bank.exhausted ? COLORS.red : bank.warning ? COLORS.orange : COLORS.teal,
          },
        ],
        Math.max(bank.availableMinutes, bank.usedMinutes),
      );
    }
  }

  w.heading(`${l.availability} (${l.availabilityNote})`);
  if (report.availability.length === 0) {
    w.text(l.noMonitoring);
    w.y -= 14;
  } else {
    w.table(
      [l.asset, l.availabilityPercent, l.downMinutes],
      [256, 120, 120],
      report.availability.map((a) => [
        a.name,
        a.percent === null ? l.none : `${availabilityText(a.percent, locale)} %`,
        a.downMinutes === null ? l.none : String(a.downMinutes),
      ]),
    );
  }

  w.heading(`${l.breaches} (${report.breaches.length})`);
  if (report.breaches.length === 0) {
    w.text(l.noBreaches);
    w.y -= 14;
  } else {
    w.table(
      [l.reference, l.ticketTitle, l.priority, l.clock, l.deadline, l.breachedAt],
      [56, 142, 40, 82, 88, 88],
      report.breaches.map((b) => [
        b.reference,
        b.title,
        b.priority,
        b.clock === 'tto' ? l.tto : l.ttr,
        when(b.deadline),
        when(b.breachedAt),
      ]),
    );
  }

  w.footer((page, of) => `${provider} · ${title} · ${l.page(page, of)}`);
  return doc.save();
}
