/**
 * The scheduled send of the monthly SLA report: every tick it looks for the clients whose last complete month
 * (in their zone) has no send recorded, and sends those whose send instant has come — 08:00 local time on the first
 * business day of the month, from the client's main contract calendar (`@vigie/domain` reports). A client created
 * after a month ended gets no report of it. Exactly once per client and month, across processes: see
 * `SlaReportService.sendScheduled`.
 */
import {
  type BusinessCalendar,
  defaultCalendar,
  lastCompleteMonth,
  monthBounds,
  nextMonth,
  officeDays,
  reportMonthDue,
} from '@vigie/domain';
import type { Clock } from '../../core/clock.js';
import type { Db } from '../../db/connection.js';
import { fromJson } from '../../db/dialect.js';
import { PeriodicJob } from '../../jobs/periodic-job.js';
import { clientsWithManagers, mainContractOn, sendsOfMonths } from './reports.repository.js';
import type { SlaReportService } from './sla-report.service.js';

export class ReportScheduler extends PeriodicJob<number> {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly reports: Pick<SlaReportService, 'sendScheduled'>,
    onError?: (error: unknown) => void,
  ) {
    super(onError);
  }

  protected async pass(): Promise<number> {
    const now = this.clock.now();
    const clients = await clientsWithManagers(this.db);
    if (clients.length === 0) return 0;
    const monthOf = (timeZone: string) => lastCompleteMonth(now, timeZone);
    const sent = await sendsOfMonths(this.db, [...new Set(clients.map((c) => monthOf(c.time_zone)))]);
    let count = 0;
    for (const client of clients) {
      const month = monthOf(client.time_zone);
      if (sent.has(`${client.id}|${month}`)) continue;
      if (client.created_at >= monthBounds(month, client.time_zone).to.toISOString()) continue;
      try {
        const contract = await mainContractOn(this.db, client.id, `${nextMonth(month)}-01`);
        const stored = contract ? fromJson<BusinessCalendar>(contract.calendar) : null;
        const calendar = stored ? { ...stored, weekly: stored.weekly ?? defaultCalendar().weekly } : null;
        if (reportMonthDue(now, client.time_zone, officeDays(calendar, client.time_zone)) !== month) continue;
        if (await this.reports.sendScheduled(client.id, month)) count++;
      } catch (error) {
        // One client's failure (a calendar without opening hours…) does not hold the others back.
        this.onError(error);
      }
    }
    return count;
  }
}
