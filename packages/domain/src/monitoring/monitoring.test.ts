import { describe, expect, it } from 'vitest';
import { alertAction } from './alert-lifecycle.js';
import { availability } from './availability.js';
import {
  applyCheckResult,
  type CheckState,
  type CheckStatus,
  INITIAL_CHECK_STATE,
  statusOfExitCode,
} from './check-state.js';
import { isFlapping, percentStateChange } from './flapping.js';
import { inMaintenance, raiseInstant, timeOutsideMaintenance } from './maintenance.js';
import { effectiveHostStates } from './reachability.js';

function run(results: CheckStatus[], maxAttempts: number) {
  let state: CheckState = INITIAL_CHECK_STATE;
  return results.map((status) => {
    const next = applyCheckResult(state, status, maxAttempts);
    state = next.state;
    return { ...next.state, transition: next.transition };
  });
}

describe('soft and hard states', () => {
  it('confirms a problem on its third result in a row, then follows severity and recovery', () => {
    const steps = run(['critical', 'critical', 'critical', 'warning', 'warning', 'ok', 'ok'], 3);
    expect(steps.map((s) => [s.status, s.hard, s.attempt, s.transition])).toEqual([
      ['critical', false, 1, 'none'],
      ['critical', false, 2, 'none'],
      ['critical', true, 3, 'problem'],
      ['warning', true, 3, 'severity'],
      ['warning', true, 3, 'none'],
      ['ok', true, 1, 'recovery'],
      ['ok', true, 1, 'none'],
    ]);
  });

  it('lets a soft problem pass without an alert or a recovery', () => {
    const steps = run(['warning', 'unknown', 'ok', 'critical', 'ok'], 3);
    expect(steps.map((s) => s.transition)).toEqual(['none', 'none', 'none', 'none', 'none']);
    expect(steps[1]).toMatchObject({ status: 'unknown', hard: false, attempt: 2 });
  });

  it('raises at once with one attempt, and reads plugin exit codes', () => {
    expect(run(['critical'], 1)[0]).toMatchObject({ hard: true, transition: 'problem' });
    expect([0, 1, 2, 3, 127, null].map(statusOfExitCode)).toEqual([
      'ok',
      'warning',
      'critical',
      'unknown',
      'unknown',
      'unknown',
    ]);
  });
});

describe('flapping (weighted over the last 21 results)', () => {
  const steady = (n: number) => Array.from({ length: n }, () => 'ok');

  it('gives 100 % to a check changing at every result', () => {
    const alternating = Array.from({ length: 21 }, (_, i) => (i % 2 ? 'critical' : 'ok'));
    expect(percentStateChange(alternating)).toBeCloseTo(100, 10);
  });

  it('weighs the newest change 1.25 (6.25 %) and the oldest 0.75 (3.75 %)', () => {
    expect(percentStateChange([...steady(20), 'critical'])).toBeCloseTo(6.25, 10);
    expect(percentStateChange(['critical', ...steady(20)])).toBeCloseTo(3.75, 10);
  });

  it('starts above the high threshold: four late changes make 24.21 %', () => {
    // changes at positions 17, 18, 19, 20: (0.75 + k × 0.5/19) for k = 16…19, summed = 4.8421…, × 100 / 20
    const history = [...steady(17), 'critical', 'ok', 'critical', 'ok'];
    expect(percentStateChange(history)).toBeCloseTo(24.2105, 3);
    expect(isFlapping(history, false)).toBe(true);
    expect(percentStateChange([...steady(100), ...history])).toBeCloseTo(24.2105, 3);
  });

  it('stops at or below the low threshold, and keeps its state between the two', () => {
    const one = [...steady(20), 'critical']; // 6.25 %
    expect(isFlapping(one, true)).toBe(true);
    expect(isFlapping(one, false)).toBe(false);
    expect(isFlapping(one, true, { low: 6.25, high: 20 })).toBe(false);
    expect(isFlapping(steady(21), true)).toBe(false);
  });
});

describe('unreachable behind a parent that is down', () => {
  it('gives one root cause when a site router dies: 300 machines unreachable, the router down', () => {
    const observed = new Map<string, 'up' | 'down'>([['router', 'down']]);
    const parents = new Map<string, string[]>();
    for (let i = 0; i < 300; i++) {
      observed.set(`pc-${i}`, 'down');
      parents.set(`pc-${i}`, i % 2 ? ['switch'] : ['router']);
    }
    observed.set('switch', 'down');
    parents.set('switch', ['router']);
    const states = effectiveHostStates(observed, parents);
    const counts: Record<string, number> = {};
    for (const state of states.values()) counts[state] = (counts[state] ?? 0) + 1;
    expect(counts).toEqual({ down: 1, unreachable: 301 });
    expect(states.get('router')).toBe('down');
  });

  it('keeps a machine down when one of its parents still answers, and survives a cycle', () => {
    const observed = new Map<string, 'up' | 'down'>([
      ['a', 'down'],
      ['b', 'down'],
      ['fw1', 'down'],
      ['fw2', 'up'],
      ['srv', 'down'],
    ]);
    const parents = new Map<string, string[]>([
      ['a', ['b']],
      ['b', ['a']],
      ['srv', ['fw1', 'fw2']],
    ]);
    const states = effectiveHostStates(observed, parents);
    expect(states.get('srv')).toBe('down');
    expect(states.get('fw2')).toBe('up');
    expect(['down', 'unreachable']).toContain(states.get('a'));
    expect(['down', 'unreachable']).toContain(states.get('b'));
  });
});

describe('maintenance windows', () => {
  const at = (hhmm: string) => new Date(`2026-12-01T${hhmm}:00Z`);
  const windows = [
    { start: at('08:00'), end: at('09:00') },
    { start: at('09:00'), end: at('09:30') },
    { start: at('09:15'), end: at('10:00') },
  ];

  it('raises a problem that started inside a window when the (chained) windows end', () => {
    expect(raiseInstant(at('08:10'), windows)).toEqual(at('10:00'));
    expect(raiseInstant(at('10:00'), windows)).toEqual(at('10:00'));
    expect(raiseInstant(at('07:59'), windows)).toEqual(at('07:59'));
  });

  it('silences only inside [start, end)', () => {
    expect(inMaintenance(windows, at('08:00'))).toBe(true);
    expect(inMaintenance(windows, at('09:59'))).toBe(true);
    expect(inMaintenance(windows, at('10:00'))).toBe(false);
  });

  it('counts availability time outside maintenance, overlapping windows once, clipped to the period', () => {
    expect(timeOutsideMaintenance(at('07:00'), at('11:00'), windows)).toBe(2 * 3_600_000);
    expect(timeOutsideMaintenance(at('09:20'), at('09:40'), windows)).toBe(0);
    expect(timeOutsideMaintenance(at('11:00'), at('10:00'), windows)).toBe(0);
  });
});

describe('availability', () => {
  const at = (hhmm: string) => new Date(`2026-12-01T${hhmm}:00Z`);
  const day = { start: at('00:00'), end: new Date('2026-12-02T00:00:00Z') };

  it('is the share of known time up, outside maintenance', () => {
    // down 02:00–03:00, of which 02:30–03:00 in maintenance: 30 min down over 24 h − 30 min of maintenance
    const a = availability(
      day,
      'up',
      [
        { at: at('02:00'), state: 'down' },
        { at: at('03:00'), state: 'up' },
      ],
      [{ start: at('02:30'), end: at('03:00') }],
    );
    expect(a.downMs).toBe(30 * 60_000);
    expect(a.upMs).toBe((24 * 60 - 60) * 60_000);
    expect(a.ratio).toBeCloseTo(1 - 30 / (24 * 60 - 30), 12);
  });

  it('counts neither way while the state is unknown, and takes the state in force at the start', () => {
    const a = availability(
      day,
      'unknown',
      [
        { at: new Date('2026-11-30T12:00:00Z'), state: 'down' },
        { at: at('12:00'), state: 'unknown' },
        { at: new Date('2026-12-02T06:00:00Z'), state: 'up' },
      ],
      [],
    );
    expect(a).toEqual({ ratio: 0, upMs: 0, downMs: 12 * 3_600_000 });
    expect(availability(day, 'unknown', [], []).ratio).toBeNull();
  });
});

describe('alerts and their ticket', () => {
  const now = new Date('2026-12-01T10:00:00Z');
  const options = { reopenWindowMs: 3_600_000, ticketWorkedByPerson: false };
  const resolvedAgo = (ms: number) => ({
    status: 'resolved' as const,
    resolvedAt: new Date(now.getTime() - ms),
    ticketId: 'T1',
  });

  it('opens one alert and ticket for a hard problem, then only updates it', () => {
    expect(alertAction(null, 'problem', now, options)).toEqual({ kind: 'open', ticket: 'new' });
    const open = { status: 'open' as const, resolvedAt: null, ticketId: 'T1' };
    expect(alertAction(open, 'severity', now, options)).toEqual({ kind: 'update' });
    expect(alertAction(open, 'problem', now, options)).toEqual({ kind: 'update' });
    expect(alertAction(open, 'none', now, options)).toEqual({ kind: 'none' });
  });

  it('reopens the same ticket within the window, a new one after it', () => {
    expect(alertAction(resolvedAgo(3_600_000), 'problem', now, options)).toEqual({
      kind: 'open',
      ticket: 'reopen',
      ticketId: 'T1',
    });
    expect(alertAction(resolvedAgo(3_600_001), 'problem', now, options)).toEqual({ kind: 'open', ticket: 'new' });
  });

  it('resolves the ticket on recovery only when no person worked on it', () => {
    const open = { status: 'open' as const, resolvedAt: null, ticketId: 'T1' };
    expect(alertAction(open, 'recovery', now, options)).toEqual({ kind: 'resolve', resolveTicket: true });
    expect(alertAction(open, 'recovery', now, { ...options, ticketWorkedByPerson: true })).toEqual({
      kind: 'resolve',
      resolveTicket: false,
    });
    expect(alertAction(resolvedAgo(10), 'recovery', now, options)).toEqual({ kind: 'none' });
  });
});
