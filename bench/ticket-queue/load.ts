/**
 * The load of ticket-queue: autocannon over keep-alive connections rotating over the request mix, one response in N
 * checked again, and what one run measures — latency percentiles, requests/s, the server's CPU per request and,
 * on a local PostgreSQL, its backends' CPU per request.
 */
import autocannon from 'autocannon';
import { pageProblems, type QueueRequest } from './queues.js';
import { cpuBetween, cpuMsOf, databaseCpu } from './server.js';

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Checks one response in `every` while loading (parsing all of them would load the machine the server runs on). */
function sampledCheck(every: number): (body: string) => boolean {
  let n = 0;
  return (body) => {
    if (n++ % every !== 0) return true;
    try {
      const page = JSON.parse(body) as Parameters<typeof pageProblems>[0];
      const first = page.items[0];
      return pageProblems(page, first?.team?.id ?? null, first?.status ?? null, null).length === 0;
    } catch {
      return false;
    }
  };
}

/** `connections` clients for `duration` seconds, each request the next of the mix with its technician's cookie. */
export function load(baseUrl: string, mix: QueueRequest[], connections: number, duration: number, verifyEvery: number) {
  let next = 0;
  return autocannon({
    url: baseUrl,
    connections,
    duration,
    requests: [
      {
        setupRequest: (request) => {
          const r = mix[next++ % mix.length] as QueueRequest;
          return { ...request, path: r.path, headers: { ...request.headers, cookie: r.cookie } };
        },
      },
    ],
    verifyBody: sampledCheck(verifyEvery),
  });
}

export interface RunFigures {
  requestsPerSec: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  total: number;
  non2xx: number;
  errors: number;
  mismatches: number;
  cpuMsPerRequest: number;
  /** PostgreSQL backends' CPU per request (local server only). */
  dbCpuMsPerRequest: number | null;
}

/** One measured run, with the CPU the server process (and the PostgreSQL backends at `pgUrl`) used meanwhile. */
export async function measuredRun(
  baseUrl: string,
  mix: QueueRequest[],
  connections: number,
  duration: number,
  verifyEvery: number,
  serverPid: number,
  pgUrl: string | null,
): Promise<RunFigures> {
  const dbBefore = pgUrl ? await databaseCpu(pgUrl) : null;
  const cpuBefore = cpuMsOf(serverPid);
  const r = await load(baseUrl, mix, connections, duration, verifyEvery);
  const cpuMs = cpuMsOf(serverPid) - cpuBefore;
  const dbAfter = pgUrl && dbBefore ? await databaseCpu(pgUrl) : null;
  const dbCpuMs = dbBefore && dbAfter ? cpuBetween(dbBefore, dbAfter) : null;
  const total = r.requests.total;
  return {
    requestsPerSec: round(r.requests.average, 0),
    p50Ms: r.latency.p50,
    p90Ms: r.latency.p90,
    p99Ms: r.latency.p99,
    maxMs: r.latency.max,
    total,
    non2xx: r.non2xx,
    errors: r.errors,
    mismatches: r.mismatches,
    cpuMsPerRequest: total > 0 ? round(cpuMs / total, 3) : Number.NaN,
    dbCpuMsPerRequest: dbCpuMs !== null && total > 0 ? round(dbCpuMs / total, 3) : null,
  };
}

/** Medians of the runs (failures summed), whether the p99 meets the goal, and every run's figures under `raw`. */
export function summarise(runs: RunFigures[], goalP99Ms: number) {
  const pick = (f: (r: RunFigures) => number) => median(runs.map(f));
  const sum = (f: (r: RunFigures) => number) => runs.reduce((total, r) => total + f(r), 0);
  return {
    requestsPerSec: pick((r) => r.requestsPerSec),
    p50Ms: pick((r) => r.p50Ms),
    p90Ms: pick((r) => r.p90Ms),
    p99Ms: pick((r) => r.p99Ms),
    maxMs: pick((r) => r.maxMs),
    goalP99Ms: goalP99Ms,
    meetsGoal: pick((r) => r.p99Ms) <= goalP99Ms,
    serverCpuMsPerRequest: pick((r) => r.cpuMsPerRequest),
    dbCpuMsPerRequest: runs.every((r) => r.dbCpuMsPerRequest !== null)
      ? pick((r) => r.dbCpuMsPerRequest as number)
      : null,
    requests: sum((r) => r.total),
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    mismatches: sum((r) => r.mismatches),
    raw: {
      requestsPerSec: runs.map((r) => r.requestsPerSec),
      p50Ms: runs.map((r) => r.p50Ms),
      p90Ms: runs.map((r) => r.p90Ms),
      p99Ms: runs.map((r) => r.p99Ms),
      maxMs: runs.map((r) => r.maxMs),
      serverCpuMsPerRequest: runs.map((r) => r.cpuMsPerRequest),
      dbCpuMsPerRequest: runs.map((r) => r.dbCpuMsPerRequest),
    },
  };
}
