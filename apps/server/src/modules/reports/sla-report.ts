/**
 * The figures of one client's month (no access check: callers are the service, which checks, and the schedule).
 * Counting is done by the database (`reports.repository.ts`); this file puts the answers together.
 */
import type { HourBankMonth, SlaReport } from '@vigie/contracts';
import {
  type BusinessCalendar,
  currentMonth,
  deadlineOfBreach,
  defaultCalendar,
  type HourBank,
  localDateOf,
  monthBounds,
  PRIORITIES,
  type Priority,
  percentMet,
  roundTheClock,
  type SlaPolicy,
  SUPPORT_LEVELS,
  type SupportLevel,
  satisfactionOf,
  ticketReference,
} from '@vigie/domain';
import type { Db } from '../../db/connection.js';
import { fromJson } from '../../db/dialect.js';
import { clientMonthAvailability } from '../monitoring/availability/availability.service.js';
import { hourBankUsageOn } from '../work/hour-bank.service.js';
import {
  bankedContracts,
  breachesOf,
  clocksMet,
  escalationsOf,
  type MonthRange,
  minutesLogged,
  openedBy,
  openedByCategory,
  perDay,
  ratingsOf,
  reportSentAt,
  ticketCounts,
} from './reports.repository.js';

/** The deadline a breach overran, on the calendar its clock counted on (around the clock for such priorities). */
function deadlineOf(breach: { due_at: string; calendar: unknown; sla_policy: unknown; priority: string }): string {
  const dueAt = new Date(breach.due_at);
  if (breach.calendar === null || breach.sla_policy === null) return new Date(dueAt.getTime() - 1).toISOString();
  const stored = fromJson<BusinessCalendar>(breach.calendar);
  const calendar = { ...stored, weekly: stored.weekly ?? defaultCalendar().weekly };
  const policy = fromJson<SlaPolicy>(breach.sla_policy);
  const aroundTheClock = policy.targets[breach.priority as Priority]?.aroundTheClock ?? false;
  return deadlineOfBreach(aroundTheClock ? roundTheClock(calendar.timeZone) : calendar, dueAt).toISOString();
}

export interface ReportClient {
  id: string;
  name: string;
  time_zone: string;
}

/** Builds the report of `month` for a client as it stands at `now`. */
export async function buildSlaReport(db: Db, client: ReportClient, month: string, now: Date): Promise<SlaReport> {
  const bounds = monthBounds(month, client.time_zone);
  const range: MonthRange = {
    from: bounds.from.toISOString(),
    to: bounds.to.toISOString(),
    dayStarts: bounds.dayStarts.map((d) => d.toISOString()),
    firstDay: bounds.days[0] as string,
    lastDay: bounds.days[bounds.days.length - 1] as string,
  };
  const [tickets, ttoMet, ttrMet, breaches, byPriority, byLevel, byCategory, opened, resolved] = await Promise.all([
    ticketCounts(db, client.id, range),
    clocksMet(db, client.id, range, 'tto'),
    clocksMet(db, client.id, range, 'ttr'),
    breachesOf(db, client.id, range),
    openedBy(db, client.id, range, 'priority'),
    openedBy(db, client.id, range, 'support_level'),
    openedByCategory(db, client.id, range),
    perDay(db, client.id, range, 'created_at'),
    perDay(db, client.id, range, 'resolved_at'),
  ]);
  const [escalations, ratings, minutes, sentAt, availability] = await Promise.all([
    escalationsOf(db, client.id, range),
    ratingsOf(db, client.id, range),
    minutesLogged(db, client.id, range),
    reportSentAt(db, client.id, month),
    clientMonthAvailability(db, client, month, now),
  ]);
  const sum = (rows: { count: number }[]) => rows.reduce((total, r) => total + r.count, 0);
  const outcome = (met: { priority: string; count: number }[], clock: string, priority?: string) => {
    const metCount = sum(met.filter((r) => priority === undefined || r.priority === priority));
    const missedCount = breaches.filter(
      (b) => b.clock === clock && (priority === undefined || b.priority === priority),
    ).length;
    return { met: metCount, missed: missedCount, percent: percentMet(metCount, missedCount) };
  };
  const countOf = (rows: { value: string | number; count: number }[], value: string | number) =>
    rows.find((r) => String(r.value) === String(value))?.count ?? 0;
  const dayCount = (rows: { day: number; count: number }[], day: number) => rows.find((r) => r.day === day)?.count ?? 0;
  const escalationCount = (kind: string) =>
    escalations.rows.filter((r) => r.kind === kind).reduce((sum, r) => sum + r.count, 0);
  const complete = currentMonth(now, client.time_zone) > month;

  return {
    clientId: client.id,
    clientName: client.name,
    month,
    timeZone: client.time_zone,
    from: range.from,
    to: range.to,
    complete,
    generatedAt: now.toISOString(),
    tickets,
    tto: outcome(ttoMet, 'tto'),
    ttr: outcome(ttrMet, 'ttr'),
    slaByPriority: PRIORITIES.map((priority) => ({
      priority,
      tto: outcome(ttoMet, 'tto', priority),
      ttr: outcome(ttrMet, 'ttr', priority),
    })),
    breaches: breaches.map((b) => ({
      ticketId: b.ticket_id,
      reference: ticketReference(Number(b.number)),
      title: b.title,
      priority: b.priority as SlaReport['breaches'][number]['priority'],
      clock: b.clock as 'tto' | 'ttr',
      deadline: deadlineOf(b),
      breachedAt: b.fired_at,
    })),
    byPriority: PRIORITIES.map((priority) => ({ priority, count: countOf(byPriority, priority) })),
    byLevel: SUPPORT_LEVELS.map((level) => ({ level, count: countOf(byLevel, level) })),
    byCategory: byCategory.sort((a, b) => b.count - a.count || (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff')),
    escalations: {
      functional: escalationCount('functional'),
      hierarchical: escalationCount('hierarchical'),
      ticketsEscalated: escalations.tickets,
      toLevel: ([2, 3] as SupportLevel[]).map((level) => ({
        level,
        count: escalations.rows
          .filter((r) => r.kind === 'functional' && r.toLevel === level)
          .reduce((sum, r) => sum + r.count, 0),
      })),
    },
    daily: bounds.days.map((date, i) => ({ date, opened: dayCount(opened, i), resolved: dayCount(resolved, i) })),
    satisfaction: satisfactionOf(ratings),
    time: {
      billableMinutes: minutes.filter((m) => m.billable).reduce((sum, m) => sum + m.minutes, 0),
      coveredMinutes: minutes.filter((m) => !m.billable).reduce((sum, m) => sum + m.minutes, 0),
    },
    hourBanks: await hourBanksOf(db, client, range, now, minutes),
    availability: availability.assets.map((asset) => ({
      assetId: asset.id,
      name: asset.name,
      percent: asset.ratio === null ? null : Math.round(asset.ratio * 100_000) / 1000,
      downMinutes: asset.ratio === null ? null : Math.round(asset.downMinutes),
    })),
    sentAt,
  };
}

/**
 * Each hour bank that ran in the month: the billable minutes worked in the month, and where its period stands
 * (the period holding the month's last day, or today for the month in progress) as the work module counts it.
 */
async function hourBanksOf(
  db: Db,
  client: ReportClient,
  range: MonthRange,
  now: Date,
  minutes: { contractId: string | null; billable: boolean; minutes: number }[],
): Promise<HourBankMonth[]> {
  const today = localDateOf(now, client.time_zone);
  const on = [today, range.lastDay].sort()[0] as string;
  const banks: HourBankMonth[] = [];
  for (const row of await bankedContracts(db, client.id, range)) {
    const hourBank = fromJson<HourBank>(row.hour_bank);
    const usage = await hourBankUsageOn(
      db,
      { id: row.id, reference: row.reference, hourBank, startsOn: row.starts_on, endsOn: row.ends_on },
      on,
    );
    banks.push({
      contractId: row.id,
      reference: row.reference,
      hours: usage.hours,
      periodStart: usage.periodStart,
      periodEnd: usage.periodEnd,
      availableMinutes: usage.availableMinutes,
      usedMinutes: usage.usedMinutes,
      remainingMinutes: usage.remainingMinutes,
      monthMinutes: minutes.filter((m) => m.contractId === row.id && m.billable).reduce((sum, m) => sum + m.minutes, 0),
      warning: usage.warning,
      exhausted: usage.exhausted,
    });
  }
  return banks;
}
