import type { CheckStatus } from '@vigie/domain';

/** One figure a probe measured, stored as a metric point (latency_ms, days_left, value). */
export interface ProbeMetric {
  name: string;
  value: number;
  unit?: string;
}

/**
 * What one run of one check found: the status the check state machine consumes, one line a technician reads on the
 * board ("HTTP 200 in 12 ms"), the latency when something answered, and the figures kept as metrics.
 */
export interface ProbeResult {
  status: CheckStatus;
  output: string;
  latencyMs: number | null;
  metrics: ProbeMetric[];
}

/** A result without a measurement (timeouts, refusals, bad configuration): a status and the reason. */
export function verdict(status: CheckStatus, output: string): ProbeResult {
  return { status, output, latencyMs: null, metrics: [] };
}

/** The latency metric every probe reports when something answered, rounded to 0.01 ms. */
export function latencyMetric(latencyMs: number): ProbeMetric {
  return { name: 'latency_ms', value: roundTo(latencyMs, 2), unit: 'ms' };
}

/** Rounds for display and storage: sub-millisecond noise is not worth a byte. */
export function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Milliseconds as people read them on the board: "0.4 ms", "12 ms", "1520 ms". */
export function formatMs(ms: number): string {
  return ms < 10 ? `${roundTo(ms, 1)} ms` : `${Math.round(ms)} ms`;
}
