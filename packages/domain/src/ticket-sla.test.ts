import { describe, expect, it } from 'vitest';
import type { BusinessCalendar, OpeningInterval } from './calendar.js';
import type { SlaPolicy } from './contract.js';
import {
  applySlaEffect,
  changeSlaLevel,
  dueMilestones,
  markFired,
  nearestDeadline,
  nextMilestoneAt,
  openTicketSla,
  retargetTicketSla,
  type SlaTerms,
} from './ticket-sla.js';

const weekly: OpeningInterval[] = [];
for (const day of [1, 2, 3, 4, 5] as const) {
  weekly.push({ day, start: '08:30', end: '12:00' }, { day, start: '13:30', end: '18:00' });
}
const calendar: BusinessCalendar = {
  timeZone: 'Europe/Paris',
  alwaysOpen: false,
  weekly,
  holidayRegion: 'FR',
  closedDays: [],
};
const policy: SlaPolicy = {
  targets: {
    P1: { ttoMinutes: 15, ttrMinutes: 240, aroundTheClock: true },
    P2: { ttoMinutes: 30, ttrMinutes: 240, aroundTheClock: false },
    P3: { ttoMinutes: 60, ttrMinutes: 480, aroundTheClock: false },
    P4: { ttoMinutes: 240, ttrMinutes: 2400, aroundTheClock: false },
  },
  warningPercent: 75,
  olaMinutes: { N1: 120 },
};
const terms: SlaTerms = { calendar, policy };
/** Paris wall clock in winter (UTC+1). */
const paris = (local: string) => new Date(`${local}+01:00`);
const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

describe('a ticket’s SLA', () => {
  it('opens TTO, TTR and the entry level’s OLA on the contract calendar', () => {
    const sla = openTicketSla(terms, 'P3', 1, paris('2026-03-06T17:30:00'));
    expect(iso(sla.tto?.deadline)).toBe(paris('2026-03-09T09:00:00').toISOString());
    expect(iso(sla.ttr?.deadline)).toBe(paris('2026-03-09T17:30:00').toISOString());
    // OLA N1 120 min: 30 Friday + 90 Monday → 10:00.
    expect(iso(sla.ola?.clock.deadline)).toBe(paris('2026-03-09T10:00:00').toISOString());
    expect(iso(nearestDeadline(sla))).toBe(paris('2026-03-09T09:00:00').toISOString());
    // The first thing to watch: the TTO warning at 45 min → Monday 08:45.
    expect(iso(nextMilestoneAt(sla, terms, 'P3'))).toBe(paris('2026-03-09T08:45:00').toISOString());
  });

  it('raised to P1 on Saturday, counts around the clock from there, keeping the consumed business time', () => {
    const opened = openTicketSla(terms, 'P3', 1, paris('2026-03-06T17:30:00'));
    // Saturday 10:00: 30 business minutes consumed (Friday 17:30–18:00); P1 TTR 240 around the clock → 210 left.
    const raised = retargetTicketSla(
      opened,
      { terms, priority: 'P3' },
      { terms, priority: 'P1' },
      paris('2026-03-07T10:00:00'),
    );
    expect(iso(raised.ttr?.deadline)).toBe(paris('2026-03-07T13:30:00').toISOString());
    // TTO P1 15 min is already overrun (30 consumed): the deadline lies in the past, 15 minutes after the overrun began.
    expect(raised.tto?.deadline?.getTime()).toBeLessThan(paris('2026-03-07T10:00:00').getTime());
  });

  it('pauses the OLA with TTR and restarts it at the new level', () => {
    const opened = openTicketSla(terms, 'P3', 1, paris('2026-03-09T09:00:00'));
    const waiting = applySlaEffect(opened, terms, 'P3', { tto: 'stop', ttr: 'pause' }, paris('2026-03-09T09:30:00'));
    expect(waiting.ola?.clock.deadline).toBeNull();
    const n2 = changeSlaLevel(waiting, terms, 2, paris('2026-03-09T10:00:00'));
    // The contract sets no OLA for N2.
    expect(n2.ola).toBeNull();
    const backToN1 = changeSlaLevel(waiting, terms, 1, paris('2026-03-09T10:00:00'));
    expect(backToN1.ola?.clock.runningSince).toBeNull();
  });

  it('lists due milestones with the instant each became due, and never again once marked', () => {
    const opened = openTicketSla(terms, 'P3', 1, paris('2026-03-09T09:00:00'));
    const at = paris('2026-03-09T10:10:00');
    const due = dueMilestones(opened, terms, 'P3', at);
    expect(due.map((d) => `${d.clock}:${d.milestone}@${d.dueAt.toISOString()}`)).toEqual([
      `tto:warning@${paris('2026-03-09T09:45:00').toISOString()}`,
      `tto:breach@${new Date(paris('2026-03-09T10:00:00').getTime() + 1).toISOString()}`,
    ]);
    const fired = markFired(opened, due);
    expect(dueMilestones(fired, terms, 'P3', at)).toEqual([]);
    // Next up: the OLA N1 warning at 90 min → 10:30.
    expect(iso(nextMilestoneAt(fired, terms, 'P3'))).toBe(paris('2026-03-09T10:30:00').toISOString());
  });
});
