import { describe, expect, it } from 'vitest';
import type { SlaClockView, TicketSla } from '../api/types';
import { clockState, minutesLeft, nearestClock, worstState } from './sla';

const NOW = Date.parse('2026-03-02T09:00:00Z');
const at = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();

function clock(overrides: Partial<SlaClockView> = {}): SlaClockView {
  return {
    status: 'running',
    budgetMinutes: 240,
    consumedMinutes: 0,
    deadline: at(120),
    warningAt: at(60),
    stoppedAt: null,
    met: null,
    warned: false,
    breached: false,
    ...overrides,
  };
}

describe('clockState', () => {
  it('is green before the warning instant, orange after it, red once the deadline passed', () => {
    expect(clockState(clock(), NOW)).toBe('ok');
    expect(clockState(clock({ warningAt: at(-1) }), NOW)).toBe('warning');
    expect(clockState(clock({ deadline: at(-1), warningAt: at(-60) }), NOW)).toBe('breached');
  });

  it("trusts the server's flags even when the instants say otherwise", () => {
    expect(clockState(clock({ warned: true }), NOW)).toBe('warning');
    expect(clockState(clock({ breached: true }), NOW)).toBe('breached');
  });

  it('reports paused and stopped clocks as such, whatever their deadline', () => {
    expect(clockState(clock({ status: 'paused', deadline: null, breached: true }), NOW)).toBe('paused');
    expect(clockState(clock({ status: 'stopped', met: false, deadline: at(-500) }), NOW)).toBe('stopped');
  });
});

describe('minutesLeft', () => {
  it('counts a running clock to its deadline, negative once overdue', () => {
    expect(minutesLeft(clock(), NOW)).toBe(120);
    expect(minutesLeft(clock({ deadline: at(-35) }), NOW)).toBe(-35);
  });

  it('gives a paused clock its remaining business budget', () => {
    expect(minutesLeft(clock({ status: 'paused', deadline: null, consumedMinutes: 50 }), NOW)).toBe(190);
  });
});

describe('nearestClock and worstState', () => {
  const sla = (tto: SlaClockView | null, ttr: SlaClockView | null, ola: SlaClockView | null = null): TicketSla => ({
    timeZone: 'Europe/Paris',
    tto,
    ttr,
    ola: ola ? { ...ola, level: 1 } : null,
  });

  it('shows the take-charge clock until someone owns the ticket, then the resolution clock', () => {
    expect(nearestClock(sla(clock(), clock({ budgetMinutes: 960 })))?.name).toBe('tto');
    expect(nearestClock(sla(clock({ status: 'stopped', met: true }), clock()))?.name).toBe('ttr');
    expect(nearestClock(sla(null, null))).toBeNull();
  });

  it('turns the row red when any running clock is past its deadline, an OLA included', () => {
    const late = clock({ deadline: at(-5) });
    expect(worstState(sla(clock({ status: 'stopped', met: true }), clock(), late), NOW)).toBe('breached');
    expect(worstState(sla(clock({ status: 'stopped', met: false }), clock()), NOW)).toBe('ok');
    expect(worstState(sla(null, null), NOW)).toBeNull();
  });
});
