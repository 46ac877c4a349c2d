/**
 * A monitoring alert's ticket priority (DOMAIN §3): impact from the asset's criticality (1 = low … 4 = vital, so a
 * vital asset gives impact 1), urgency from the alert's severity — CRITICAL 1, WARNING 2, UNKNOWN (no usable answer)
 * 3; the priority itself then comes from the provider's impact × urgency matrix, like any ticket's.
 */
import { impactFromCriticality } from '../priority-matrix.js';
import type { CheckStatus } from './check-state.js';

export type Level = 1 | 2 | 3 | 4;

/** Out-of-range criticalities (bad data) are clamped rather than refused: an alert must always get a ticket. */
export function alertImpact(assetCriticality: number): Level {
  const criticality = Math.min(4, Math.max(1, Math.round(assetCriticality))) as Level;
  return impactFromCriticality(criticality) as Level;
}

export function alertUrgency(status: Exclude<CheckStatus, 'ok'>): Level {
  return status === 'critical' ? 1 : status === 'warning' ? 2 : 3;
}
