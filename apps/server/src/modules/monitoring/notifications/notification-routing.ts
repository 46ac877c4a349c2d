/**
 * Which rules announce an alert, and how a failed delivery is tried again (DOMAIN §6: one message per alert state
 * change unless repeating). Pure rules, no I/O: the service and the sender apply them.
 */

/** A rule as matching needs it, kept in the in-process cache. */
export interface RoutableRule {
  id: string;
  clientId: string | null;
  /** The clients of the rule's team; null when the rule names no team. */
  teamClientIds: ReadonlySet<string> | null;
  minSeverity: string;
  enabled: boolean;
}

/** An unknown state is announced like a warning: it needs a look, and is no proof of an outage. */
export function severityRank(severity: string): number {
  return severity === 'critical' ? 2 : 1;
}

/** Whether a rule announces an alert of this client and severity. */
export function ruleMatches(rule: RoutableRule, clientId: string, severity: string): boolean {
  if (!rule.enabled) return false;
  if (rule.clientId !== null && rule.clientId !== clientId) return false;
  if (rule.teamClientIds !== null && !rule.teamClientIds.has(clientId)) return false;
  return severityRank(severity) >= severityRank(rule.minSeverity);
}

/** Minutes between tries: 1, 5, 15, 60, then every 4 hours. */
const BACKOFF_MINUTES = [1, 5, 15, 60, 240];
/** A delivery is given up after this many tries. */
export const MAX_DELIVERY_TRIES = 8;

/** The wait before the next try after `tries` failed ones; null once the tries are spent. */
export function nextDeliveryDelayMs(tries: number): number | null {
  if (tries >= MAX_DELIVERY_TRIES) return null;
  const minutes = BACKOFF_MINUTES[Math.min(tries - 1, BACKOFF_MINUTES.length - 1)] ?? 240;
  return minutes * 60_000;
}

/**
 * A 4xx answer says the request itself is wrong (bad URL, revoked hook): trying again gets the same answer. 408
 * (timeout) and 429 (slow down) are the exceptions.
 */
export function isPermanentHttpFailure(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}
