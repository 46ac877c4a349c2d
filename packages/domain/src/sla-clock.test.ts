import { describe, expect, it } from 'vitest';
import type { BusinessCalendar, OpeningInterval } from './calendar.js';
import {
  changeBudget,
  clockStatus,
  consumedAt,
  milestoneInstant,
  milestonesDue,
  pauseClock,
  progressAt,
  remainingAt,
  resumeClock,
  roundTheClock,
  type SlaMilestone,
  startClock,
  stopClock,
} from './sla-clock.js';

const MINUTE = 60_000;

/** Paris office: Monday–Friday 08:30–12:00 and 13:30–18:00, French holidays. */
const weekly: OpeningInterval[] = [];
for (const day of [1, 2, 3, 4, 5] as const) {
  weekly.push({ day, start: '08:30', end: '12:00' }, { day, start: '13:30', end: '18:00' });
}
const paris: BusinessCalendar = {
  timeZone: 'Europe/Paris',
  alwaysOpen: false,
  weekly,
  holidayRegion: 'FR',
  closedDays: [],
};

/** P2 and P3 targets used below (business minutes). */
const P3 = { tto: 240, ttr: 480 };
const P2 = { ttr: 240 };

const at = (iso: string) => new Date(iso);
const iso = (date: Date | null) => date?.toISOString() ?? null;
const none = new Set<SlaMilestone>();

describe('SLA clock', () => {
  it('P3 opened Friday 2026-03-06 17:30 Paris: TTO Monday 12:00, TTR Monday 17:30', () => {
    const opened = at('2026-03-06T16:30:00Z');
    const tto = startClock(paris, P3.tto, opened);
    const ttr = startClock(paris, P3.ttr, opened);
    expect(iso(tto.deadline)).toBe('2026-03-09T11:00:00.000Z');
    expect(iso(ttr.deadline)).toBe('2026-03-09T16:30:00.000Z');
    expect(clockStatus(ttr)).toBe('running');
    expect(ttr).toEqual({
      budgetMs: 480 * MINUTE,
      consumedMs: 0,
      runningSince: opened,
      deadline: at('2026-03-09T16:30:00Z'),
      stoppedAt: null,
      met: null,
    });
    // Saturday: only the 30 min of Friday are consumed.
    expect(consumedAt(ttr, paris, at('2026-03-07T10:00:00Z'))).toBe(30 * MINUTE);
    expect(remainingAt(ttr, paris, at('2026-03-07T10:00:00Z'))).toBe(450 * MINUTE);
    expect(progressAt(ttr, paris, at('2026-03-07T10:00:00Z'))).toBe(30 / 480);
  });

  it('pause across a weekend: the deadline is resume + remaining business time, never shifted by the pause', () => {
    // Friday 6 March 10:00 Paris, TTR 8 h: Friday 10:00–12:00 + 13:30–18:00 (6:30), Monday 08:30–10:00 (1:30).
    const started = startClock(paris, P3.ttr, at('2026-03-06T09:00:00Z'));
    expect(iso(started.deadline)).toBe('2026-03-09T09:00:00.000Z');
    // Paused Friday 16:00 Paris: 10:00–12:00 + 13:30–16:00 = 4:30 consumed.
    const paused = pauseClock(started, paris, at('2026-03-06T15:00:00Z'));
    expect(clockStatus(paused)).toBe('paused');
    expect(paused.consumedMs).toBe(270 * MINUTE);
    expect(paused.deadline).toBeNull();
    expect(paused.runningSince).toBeNull();
    expect(consumedAt(paused, paris, at('2026-03-09T09:00:00Z'))).toBe(270 * MINUTE);
    // Resumed Monday 10:00 Paris with 3:30 left: 10:00–12:00 (2:00) + 13:30–15:00 (1:30) → Monday 15:00 Paris.
    const resumed = resumeClock(paused, paris, at('2026-03-09T09:00:00Z'));
    expect(iso(resumed.deadline)).toBe('2026-03-09T14:00:00.000Z');
    expect(remainingAt(resumed, paris, at('2026-03-09T09:00:00Z'))).toBe(210 * MINUTE);
    // The original clocks are untouched.
    expect(iso(started.deadline)).toBe('2026-03-09T09:00:00.000Z');
    expect(paused.runningSince).toBeNull();
  });

  it('ignores operations that do not apply to the state', () => {
    const running = startClock(paris, 60, at('2026-03-09T08:00:00Z'));
    expect(resumeClock(running, paris, at('2026-03-09T09:00:00Z'))).toBe(running);
    const paused = pauseClock(running, paris, at('2026-03-09T08:30:00Z'));
    expect(pauseClock(paused, paris, at('2026-03-09T09:00:00Z'))).toBe(paused);
    const stopped = stopClock(paused, paris, at('2026-03-09T10:00:00Z'));
    expect(stopClock(stopped, paris, at('2026-03-09T11:00:00Z'))).toBe(stopped);
    expect(resumeClock(stopped, paris, at('2026-03-09T11:00:00Z'))).toBe(stopped);
    expect(changeBudget(stopped, paris, 10, at('2026-03-09T11:00:00Z'))).toBe(stopped);
  });

  it('records met when consumed ≤ budget, even when stopped in the closed time after the deadline', () => {
    // Friday 6 March 14:00 Paris, 4 h → Friday 18:00 Paris (17:00Z).
    const clock = startClock(paris, 240, at('2026-03-06T13:00:00Z'));
    expect(iso(clock.deadline)).toBe('2026-03-06T17:00:00.000Z');
    const saturday = stopClock(clock, paris, at('2026-03-07T10:00:00Z'));
    expect(saturday).toMatchObject({ met: true, consumedMs: 240 * MINUTE, runningSince: null, deadline: null });
    expect(iso(saturday.stoppedAt)).toBe('2026-03-07T10:00:00.000Z');
    expect(clockStatus(saturday)).toBe('stopped');
    expect(stopClock(clock, paris, at('2026-03-06T17:00:00Z')).met).toBe(true);
    // One business millisecond past the deadline: Monday 08:30:00.001 Paris.
    const late = stopClock(clock, paris, at('2026-03-09T07:30:00.001Z'));
    expect(late.met).toBe(false);
    expect(late.consumedMs).toBe(240 * MINUTE + 1);
  });

  it('computes milestone instants and fires each milestone once', () => {
    const clock = startClock(paris, 240, at('2026-03-06T13:00:00Z')); // Friday 14:00 Paris
    // Warning at 75 % = 3 h → Friday 17:00 Paris; breach one business ms after Friday 18:00 → Monday 08:30:00.001.
    expect(iso(milestoneInstant(clock, paris, 'warning', 75))).toBe('2026-03-06T16:00:00.000Z');
    expect(iso(milestoneInstant(clock, paris, 'breach', 75))).toBe('2026-03-09T07:30:00.001Z');
    expect(milestonesDue(clock, paris, 75, at('2026-03-06T15:59:59Z'), none)).toEqual([]);
    expect(milestonesDue(clock, paris, 75, at('2026-03-06T16:00:00Z'), none)).toEqual(['warning']);
    // Saturday: the budget is exhausted, not overrun.
    expect(milestonesDue(clock, paris, 75, at('2026-03-07T10:00:00Z'), none)).toEqual(['warning']);
    expect(milestonesDue(clock, paris, 75, at('2026-03-07T10:00:00Z'), new Set(['warning']))).toEqual([]);
    expect(milestonesDue(clock, paris, 75, at('2026-03-09T07:30:00.001Z'), new Set(['warning']))).toEqual(['breach']);
    expect(milestonesDue(clock, paris, 75, at('2026-03-09T08:00:00Z'), none)).toEqual(['warning', 'breach']);
    expect(milestonesDue(clock, paris, 75, at('2026-03-09T08:00:00Z'), new Set(['warning', 'breach']))).toEqual([]);
    // Paused or stopped clocks have no instant; stopped ones have nothing due.
    const paused = pauseClock(clock, paris, at('2026-03-06T16:30:00Z'));
    expect(milestoneInstant(paused, paris, 'breach', 75)).toBeNull();
    expect(milestonesDue(paused, paris, 75, at('2026-03-20T10:00:00Z'), none)).toEqual(['warning']);
    const stopped = stopClock(clock, paris, at('2026-03-09T08:00:00Z'));
    expect(milestonesDue(stopped, paris, 75, at('2026-03-09T08:00:00Z'), none)).toEqual([]);
  });

  it('a milestone instant after a pause counts the remaining share from the resume', () => {
    // Monday 9 March 08:30 Paris, 4 h, warning 50 % (2 h): paused at 09:30 (1 h consumed), resumed Tuesday
    // 08:30 → warning after 1 more hour (Tuesday 09:30 Paris), deadline after 3 more hours (Tuesday 11:30 Paris).
    const resumed = resumeClock(
      pauseClock(startClock(paris, 240, at('2026-03-09T07:30:00Z')), paris, at('2026-03-09T08:30:00Z')),
      paris,
      at('2026-03-10T07:30:00Z'),
    );
    expect(iso(milestoneInstant(resumed, paris, 'warning', 50))).toBe('2026-03-10T08:30:00.000Z');
    expect(iso(resumed.deadline)).toBe('2026-03-10T10:30:00.000Z');
  });

  it('priority raised mid-flight keeps the consumed time and applies the new target', () => {
    // Monday 9 March 08:30 Paris, P3 TTR 8 h = the whole day (3:30 + 4:30) → Monday 18:00 Paris.
    const p3 = startClock(paris, P3.ttr, at('2026-03-09T07:30:00Z'));
    expect(iso(p3.deadline)).toBe('2026-03-09T17:00:00.000Z');
    // At 10:30 Paris (2 h consumed) raised to P2 (4 h): 2 h left → 10:30–12:00 + 13:30–14:00 → 14:00 Paris.
    const p2 = changeBudget(p3, paris, P2.ttr, at('2026-03-09T09:30:00Z'));
    expect(p2.budgetMs).toBe(240 * MINUTE);
    expect(p2.consumedMs).toBe(120 * MINUTE);
    expect(iso(p2.runningSince)).toBe('2026-03-09T09:30:00.000Z');
    expect(iso(p2.deadline)).toBe('2026-03-09T13:00:00.000Z');
    expect(consumedAt(p2, paris, at('2026-03-09T10:00:00Z'))).toBe(150 * MINUTE);
  });

  it('a raise to a budget already consumed gives a deadline in the past: breached', () => {
    const p3 = startClock(paris, P3.ttr, at('2026-03-09T07:30:00Z'));
    const now = at('2026-03-09T09:30:00Z'); // 10:30 Paris, 2 h consumed
    const p1 = changeBudget(p3, paris, 60, now);
    // 1 h overrun, measured back from 10:30 → 09:30 Paris.
    expect(iso(p1.deadline)).toBe('2026-03-09T08:30:00.000Z');
    expect(p1.deadline?.getTime()).toBeLessThan(now.getTime());
    expect(remainingAt(p1, paris, now)).toBe(-60 * MINUTE);
    expect(progressAt(p1, paris, now)).toBe(2);
    expect(milestonesDue(p1, paris, 75, now, none)).toEqual(['warning', 'breach']);
    expect(milestoneInstant(p1, paris, 'breach', 75)?.getTime()).toBeLessThan(now.getTime());
    expect(stopClock(p1, paris, now).met).toBe(false);
  });

  it('a budget changed while paused applies at the resume', () => {
    const paused = pauseClock(startClock(paris, P3.ttr, at('2026-03-09T07:30:00Z')), paris, at('2026-03-09T09:30:00Z'));
    const raised = changeBudget(paused, paris, P2.ttr, at('2026-03-09T10:00:00Z'));
    expect(raised).toMatchObject({ budgetMs: 240 * MINUTE, consumedMs: 120 * MINUTE, deadline: null });
    // Resumed Tuesday 10 March 08:30 Paris with 2 h left → 10:30 Paris.
    expect(iso(resumeClock(raised, paris, at('2026-03-10T07:30:00Z')).deadline)).toBe('2026-03-10T09:30:00.000Z');
  });

  it('counts around-the-clock targets on real elapsed time', () => {
    // P1 TTR 4 h opened Saturday 7 March 23:00 Paris → Sunday 03:00 Paris.
    const always = roundTheClock('Europe/Paris');
    const p1 = startClock(always, 240, at('2026-03-07T22:00:00Z'));
    expect(iso(p1.deadline)).toBe('2026-03-08T02:00:00.000Z');
    // Across the October change: 6 h from Sunday 25 Oct 00:00 CEST (24 Oct 22:00Z) → 25 Oct 04:00Z (05:00 CET).
    expect(iso(startClock(always, 360, at('2026-10-24T22:00:00Z')).deadline)).toBe('2026-10-25T04:00:00.000Z');
  });

  it('refuses negative or non-finite budgets', () => {
    expect(() => startClock(paris, -1, at('2026-03-09T07:30:00Z'))).toThrow(RangeError);
    expect(() => startClock(paris, Number.POSITIVE_INFINITY, at('2026-03-09T07:30:00Z'))).toThrow(RangeError);
  });
});
