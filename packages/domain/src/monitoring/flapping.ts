/**
 * Flapping (DOMAIN §6), Nagios's weighted state-change percentage: over the last 21 results, each of the 20
 * changes between consecutive results weighs from 0.75 (oldest) to 1.25 (newest); the sum × 100 / 20 is the
 * percentage. A check starts flapping above the high threshold and stops at or below the low one (between the two
 * it keeps what it was), so that one flapping alert replaces a ticket per change.
 */
export const FLAP_HISTORY = 21;
const LOW_WEIGHT = 0.75;
const HIGH_WEIGHT = 1.25;

export interface FlapThresholds {
  low: number;
  high: number;
}

export const DEFAULT_FLAP_THRESHOLDS: FlapThresholds = { low: 5, high: 20 };

/** The weighted percentage of state change of `history` (oldest first; only the last 21 results count). */
export function percentStateChange<T>(history: readonly T[]): number {
  const recent = history.slice(-FLAP_HISTORY);
  // The newest result sits at the end of a full window: a short history weighs its changes as the newest ones.
  const offset = FLAP_HISTORY - recent.length;
  let weighted = 0;
  for (let i = 1; i < recent.length; i++) {
    if (recent[i] === recent[i - 1]) continue;
    const x = i + offset; // 1…20 in a full window
    weighted += ((x - 1) * (HIGH_WEIGHT - LOW_WEIGHT)) / (FLAP_HISTORY - 2) + LOW_WEIGHT;
  }
  return (weighted * 100) / (FLAP_HISTORY - 1);
}

/** Whether the check flaps after this result, given whether it flapped before. */
export function isFlapping(
  history: readonly unknown[],
  wasFlapping: boolean,
  thresholds: FlapThresholds = DEFAULT_FLAP_THRESHOLDS,
): boolean {
  const percent = percentStateChange(history);
  if (percent > thresholds.high) return true;
  if (percent <= thresholds.low) return false;
  return wasFlapping;
}
