/**
 * Escalation rules (DOMAIN §3, support levels). Functional escalation moves a ticket up the support levels;
 * hierarchical escalation brings a manager in without changing the level. Both are recorded and reportable, so
 * both must say why.
 */
import type { SupportLevel } from './roles.js';

/** Shortest diagnosis note accepted: long enough to force a sentence, not a "see above". */
export const MIN_DIAGNOSIS_LENGTH = 20;

/** A level change: N1 → N2 (or N1 → N3) with the diagnosis the next level starts from. */
export interface FunctionalEscalation {
  kind?: 'functional';
  fromLevel: SupportLevel;
  toLevel: SupportLevel;
  diagnosis: string;
  /** Levels the contract gives to the provider (the client keeps the others). */
  levelsDelivered: readonly SupportLevel[];
}

/** A manager brought in (client unhappy, SLA at risk…): the level does not change, the reason is required. */
export interface HierarchicalEscalation {
  kind: 'hierarchical';
  reason: string;
}

export type Escalation = FunctionalEscalation | HierarchicalEscalation;

/**
 * Every problem of an escalation, each a sentence naming what is wrong, so that the form can show them all:
 * a functional escalation must go one or more levels up, to a level the contract delivers, with a diagnosis
 * note of at least {@link MIN_DIAGNOSIS_LENGTH} characters; a hierarchical one needs a reason.
 */
export function escalationProblems(escalation: Escalation): string[] {
  if (escalation.kind === 'hierarchical') {
    return escalation.reason.trim() === '' ? ['bringing a manager in needs a reason'] : [];
  }
  const { fromLevel, toLevel, diagnosis, levelsDelivered } = escalation;
  const problems: string[] = [];
  if (toLevel <= fromLevel) {
    problems.push(`escalation goes up a level: N${fromLevel} to N${toLevel} is not an escalation`);
  } else if (!levelsDelivered.includes(toLevel)) {
    problems.push(`the contract does not deliver N${toLevel}: the ticket cannot be escalated there`);
  }
  const length = diagnosis.trim().length;
  if (length < MIN_DIAGNOSIS_LENGTH) {
    problems.push(
      `escalation to N${toLevel} needs a diagnosis note of at least ${MIN_DIAGNOSIS_LENGTH} characters (${length} given)`,
    );
  }
  return problems;
}

/** The first problem of an escalation, or null when it may go ahead: for callers that refuse on the first error. */
export function escalationProblem(escalation: Escalation): string | null {
  return escalationProblems(escalation)[0] ?? null;
}
