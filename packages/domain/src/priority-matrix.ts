/**
 * Ticket priority from impact × urgency (DOMAIN §3), iTop/GLPI style. Both axes run 1 (very high) … 4 (low), the
 * ITIL convention, so that "1" always means "most serious" on every axis and on the result (P1).
 */
import { PRIORITIES, type Priority } from './contract.js';

/** 1 = very high, 2 = high, 3 = medium, 4 = low: the scale shared by impact and urgency. */
export const SEVERITY_LEVELS = [1, 2, 3, 4] as const;
/** One step of the impact or urgency scale (1 = very high … 4 = low). */
export type SeverityLevel = (typeof SEVERITY_LEVELS)[number];

/**
 * A provider's matrix: `matrix[impact - 1][urgency - 1]` is the priority. Stored as plain rows so that it
 * round-trips through JSON settings unchanged.
 */
export type PriorityMatrix = readonly (readonly Priority[])[];

/** A problem of a matrix, with the path of the offending cell (row = impact − 1, column = urgency − 1). */
export interface PriorityMatrixProblem {
  path: (string | number)[];
  message: string;
}

/**
 * The matrix a provider starts from and edits: very high impact × very high urgency is P1, low × low is P4,
 * and each step down either axis lowers the priority by at most one notch.
 */
export function defaultPriorityMatrix(): Priority[][] {
  return [
    ['P1', 'P1', 'P2', 'P3'],
    ['P1', 'P2', 'P2', 'P3'],
    ['P2', 'P2', 'P3', 'P4'],
    ['P3', 'P3', 'P4', 'P4'],
  ];
}

const rank = (priority: Priority): number => PRIORITIES.indexOf(priority);
const isPriority = (value: unknown): value is Priority => (PRIORITIES as readonly unknown[]).includes(value);

/**
 * Every problem of a matrix at once, so that a settings form can show them all: wrong shape, a cell that is not
 * P1..P4, and cells that break monotonicity — a less serious impact or urgency must never give a *higher*
 * priority than its more serious neighbour, otherwise lowering a ticket's urgency could make it more urgent.
 * Accepts `unknown` because matrices come from stored settings.
 */
export function validatePriorityMatrix(matrix: unknown): PriorityMatrixProblem[] {
  const problems: PriorityMatrixProblem[] = [];
  if (!Array.isArray(matrix) || matrix.length !== 4) {
    return [{ path: [], message: 'the matrix must have 4 rows (impact 1 to 4)' }];
  }
  matrix.forEach((row: unknown, i) => {
    if (!Array.isArray(row) || row.length !== 4) {
      problems.push({ path: [i], message: `impact ${i + 1}: the row must have 4 cells (urgency 1 to 4)` });
      return;
    }
    row.forEach((cell: unknown, u) => {
      if (!isPriority(cell)) {
        problems.push({
          path: [i, u],
          message: `impact ${i + 1} × urgency ${u + 1}: "${String(cell)}" is not a priority (P1 to P4)`,
        });
      }
    });
  });
  if (problems.length > 0) return problems;
  const cells = matrix as Priority[][];
  for (let i = 0; i < 4; i++) {
    for (let u = 0; u < 4; u++) {
      const cell = cells[i]?.[u] as Priority;
      const above = i > 0 ? (cells[i - 1]?.[u] as Priority) : undefined;
      const left = u > 0 ? (cells[i]?.[u - 1] as Priority) : undefined;
      if (above !== undefined && rank(cell) < rank(above)) {
        problems.push({
          path: [i, u],
          message: `impact ${i + 1} × urgency ${u + 1} gives ${cell}, higher than the more serious impact ${i} (${above})`,
        });
      }
      if (left !== undefined && rank(cell) < rank(left)) {
        problems.push({
          path: [i, u],
          message: `impact ${i + 1} × urgency ${u + 1} gives ${cell}, higher than the more serious urgency ${u} (${left})`,
        });
      }
    }
  }
  return problems;
}

function checkLevel(value: number, name: string): void {
  if (!(SEVERITY_LEVELS as readonly number[]).includes(value)) {
    throw new RangeError(`${name} must be 1, 2, 3 or 4, got ${value}`);
  }
}

/**
 * The priority of a ticket: one cell lookup. Throws on an impact or urgency outside 1..4 (a caller bug, not user
 * input); the matrix is assumed valid (see {@link validatePriorityMatrix}).
 */
export function priorityOf(matrix: PriorityMatrix, impact: SeverityLevel, urgency: SeverityLevel): Priority {
  checkLevel(impact, 'impact');
  checkLevel(urgency, 'urgency');
  const cell = matrix[impact - 1]?.[urgency - 1];
  if (!isPriority(cell)) throw new RangeError(`the matrix has no priority for impact ${impact} × urgency ${urgency}`);
  return cell;
}

/**
 * Impact of a monitoring alert from the asset's criticality (1 = low … 4 = vital): the scales run in opposite
 * directions, so a vital asset (4) gives impact 1 (very high) and a low-criticality one (1) gives impact 4.
 */
export function impactFromCriticality(criticality: 1 | 2 | 3 | 4): SeverityLevel {
  checkLevel(criticality, 'criticality');
  return (5 - criticality) as SeverityLevel;
}

/** Severities a monitoring tool reports for a non-OK check (Nagios/Centreon/Zabbix style). */
export type AlertSeverity = 'critical' | 'warning' | 'unknown';

/**
 * Urgency of a monitoring alert from its severity: `critical` is urgency 1 (a service is down now); `warning`
 * is 3 (a threshold is near, act within the day); `unknown` (the check itself failed) is also 3 — nothing is known
 * to be broken, and flapping checks must not page anyone. Urgency 2 is left for people to set.
 */
export function urgencyFromSeverity(severity: AlertSeverity): SeverityLevel {
  switch (severity) {
    case 'critical':
      return 1;
    case 'warning':
      return 3;
    case 'unknown':
      return 3;
  }
}
