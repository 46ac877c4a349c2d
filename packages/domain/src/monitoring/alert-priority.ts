/**
 * A monitoring alert's ticket priority (DOMAIN §3): impact from the asset's criticality (1 = most critical … 4),
 * urgency from the alert's severity — CRITICAL 1, WARNING 2, UNKNOWN (no usable answer) 3; the priority itself then
 * comes from the provider's impact × urgency matrix, like any ticket's.
 */
import type { CheckStatus } from './check-state.js';

export type Level = 1 | 2 | 3 | 4;

export function alertImpact(assetCriticality: number): Level {
  return Math.min(4, Math.max(1, Math.round(assetCriticality))) as Level;
}

export function alertUrgency(status: Exclude<CheckStatus, 'ok'>): Level {
  return status === 'critical' ? 1 : status === 'warning' ? 2 : 3;
}
