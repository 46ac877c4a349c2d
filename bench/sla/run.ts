/**
 * sla: throughput of business-time arithmetic on a holiday-aware Paris office calendar (Mon–Fri 08:30–12:00 and
 * 13:30–18:00, French public holidays), the computation behind every SLA deadline.
 *
 *   node --import tsx bench/sla/run.ts [--duration 2] [--warmup 1] [--runs 3] [--seed 42]
 *
 * Random start instants over 2026–2027, random targets from 30 minutes to 5 business days (2,400 minutes).
 * One JSON line per operation on stdout (median and raw runs); progress on stderr. See bench/README.md.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { addBusinessMinutes, type BusinessCalendar, businessMinutesBetween } from '@vigie/domain';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '2' },
    warmup: { type: 'string', default: '1' },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '42' },
  },
});
const durationMs = Number(values.duration) * 1000;
const warmupMs = Number(values.warmup) * 1000;
const runs = Number(values.runs);

const weekly: BusinessCalendar['weekly'] = [];
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

/** mulberry32: a small seeded generator, so that every run computes the same deadlines. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SAMPLES = 65_536;
const next = random(Number(values.seed));
const from = Date.parse('2026-01-01T00:00:00Z');
const to = Date.parse('2028-01-01T00:00:00Z');
const starts: Date[] = [];
const targets: number[] = [];
for (let i = 0; i < SAMPLES; i++) {
  starts.push(new Date(from + Math.floor(next() * (to - from))));
  targets.push(30 + Math.floor(next() * (2_400 - 30 + 1)));
}
// The first pass also builds the per-day caches (zone offsets, holidays, UTC intervals of each local date).
const coldBegin = performance.now();
const ends = starts.map((start, i) => addBusinessMinutes(calendar, start, targets[i] ?? 0));
const coldMs = performance.now() - coldBegin;
console.log(
  JSON.stringify({
    bench: 'sla',
    operation: 'firstPass',
    calls: SAMPLES,
    ms: Math.round(coldMs),
    node: process.version,
  }),
);

let sink = 0;
const operations: Record<string, (i: number) => void> = {
  addBusinessMinutes: (i) => {
    sink += addBusinessMinutes(calendar, starts[i] as Date, targets[i] as number).getTime() & 1;
  },
  // The calendar re-read for every call (as from a database row): a new object each time, found by content.
  addBusinessMinutesFreshCalendar: (i) => {
    const copy = { ...calendar, weekly: calendar.weekly.map((interval) => ({ ...interval })) };
    sink += addBusinessMinutes(copy, starts[i] as Date, targets[i] as number).getTime() & 1;
  },
  businessMinutesBetween: (i) => {
    sink += businessMinutesBetween(calendar, starts[i] as Date, ends[i] as Date);
  },
};

/** Calls of `operation` per second over about `ms` milliseconds (the clock is read every 1,024 calls). */
function measure(operation: (i: number) => void, ms: number): number {
  const begin = performance.now();
  let calls = 0;
  let elapsed = 0;
  do {
    for (let j = 0; j < 1_024; j++) operation((calls + j) & (SAMPLES - 1));
    calls += 1_024;
    elapsed = performance.now() - begin;
  } while (elapsed < ms);
  return (calls * 1000) / elapsed;
}

for (const [name, operation] of Object.entries(operations)) {
  process.stderr.write(`${name}: warm-up ${warmupMs} ms, ${runs} × ${durationMs} ms\n`);
  measure(operation, warmupMs);
  const raw = Array.from({ length: runs }, () => Math.round(measure(operation, durationMs)));
  const median = [...raw].sort((a, b) => a - b)[Math.floor(raw.length / 2)];
  console.log(
    JSON.stringify({
      bench: 'sla',
      operation: name,
      calendar: 'Europe/Paris Mon–Fri 08:30–12:00/13:30–18:00, holidays FR',
      targets: '30–2400 business minutes',
      perSecond: median,
      runs: raw,
      node: process.version,
      loadAvg1: Number(loadavg()[0]?.toFixed(2)),
    }),
  );
}
if (sink === Number.MIN_SAFE_INTEGER) console.log(sink);
