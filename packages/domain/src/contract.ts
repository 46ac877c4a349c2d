import type { SupportLevel } from './roles.js';

/** DOMAIN §2: what part of the client's IT the provider runs. */
export const CONTRACT_KINDS = ['total', 'partial', 'specialized'] as const;
export const DELIVERY_MODES = ['remote', 'onsite', 'hybrid'] as const;
export const SCOPE_DOMAINS = [
  'workstations',
  'servers',
  'network',
  'security',
  'applications',
  'business_software',
  'databases',
  'virtualization',
  'cloud',
  'backups',
] as const;
export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export const CONTRACT_STATUSES = ['draft', 'active', 'suspended', 'ended'] as const;

export type ContractKind = (typeof CONTRACT_KINDS)[number];
export type DeliveryMode = (typeof DELIVERY_MODES)[number];
export type ScopeDomain = (typeof SCOPE_DOMAINS)[number];
export type Priority = (typeof PRIORITIES)[number];

/** Target of one priority, in business minutes of the contract's calendar (or wall-clock when aroundTheClock). */
export interface SlaTarget {
  ttoMinutes: number;
  ttrMinutes: number;
  /** e.g. P1 counted 24/7 whatever the calendar says. */
  aroundTheClock: boolean;
}

/** SLA policy of a contract: targets per priority, warning share, optional OLA per support level. */
export interface SlaPolicy {
  targets: Record<Priority, SlaTarget>;
  warningPercent: number;
  olaMinutes: Partial<Record<`N${SupportLevel}`, number>>;
}

export interface HourBank {
  hours: number;
  warningPercent: number;
  rollover: 'none' | 'next_period';
  period: 'month' | 'quarter' | 'year' | 'contract';
}

export interface ContractProblem {
  path: (string | number)[];
  message: string;
}

/** Problems of an SLA policy: zero or negative targets, a resolution target shorter than the take-charge one. */
export function validateSlaPolicy(policy: SlaPolicy): ContractProblem[] {
  const problems: ContractProblem[] = [];
  for (const priority of Object.keys(policy.targets) as Priority[]) {
    const target = policy.targets[priority];
    const at = ['targets', priority];
    if (!(target.ttoMinutes > 0)) problems.push({ path: [...at, 'ttoMinutes'], message: 'must be greater than zero' });
    if (!(target.ttrMinutes > 0)) problems.push({ path: [...at, 'ttrMinutes'], message: 'must be greater than zero' });
    if (target.ttoMinutes > 0 && target.ttrMinutes > 0 && target.ttrMinutes < target.ttoMinutes) {
      problems.push({ path: [...at, 'ttrMinutes'], message: 'time to resolve cannot be shorter than time to own' });
    }
  }
  if (!(policy.warningPercent > 0 && policy.warningPercent < 100)) {
    problems.push({ path: ['warningPercent'], message: 'must be between 1 and 99' });
  }
  return problems;
}

/**
 * The level a new ticket enters at: the lowest support level the provider delivers
 * (N2 when the client keeps N1 in-house).
 */
export function entrySupportLevel(levelsDelivered: readonly SupportLevel[]): SupportLevel | null {
  if (levelsDelivered.length === 0) return null;
  return Math.min(...levelsDelivered) as SupportLevel;
}

/** Levels the client keeps in-house: those the contract does not give to the provider. */
export function levelsKeptByClient(levelsDelivered: readonly SupportLevel[]): SupportLevel[] {
  return ([1, 2, 3] as const).filter((level) => !levelsDelivered.includes(level));
}

/** Date (YYYY-MM-DD) from which the renewal notice must be sent; null without an end date. */
export function renewalNoticeDate(endsOn: string | null, noticeDays: number): string | null {
  if (!endsOn) return null;
  const end = new Date(`${endsOn}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() - noticeDays);
  return end.toISOString().slice(0, 10);
}

/** A standard policy a provider starts from and edits: P1 1h/4h around the clock … P4 1 day/10 days. */
export function defaultSlaPolicy(): SlaPolicy {
  return {
    targets: {
      P1: { ttoMinutes: 30, ttrMinutes: 240, aroundTheClock: true },
      P2: { ttoMinutes: 60, ttrMinutes: 480, aroundTheClock: false },
      P3: { ttoMinutes: 240, ttrMinutes: 1440, aroundTheClock: false },
      P4: { ttoMinutes: 480, ttrMinutes: 4800, aroundTheClock: false },
    },
    warningPercent: 75,
    olaMinutes: {},
  };
}
