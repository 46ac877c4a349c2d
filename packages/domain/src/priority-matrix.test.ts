import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRIORITIES } from './contract.js';
import {
  defaultPriorityMatrix,
  impactFromCriticality,
  priorityOf,
  type SeverityLevel,
  urgencyFromSeverity,
  validatePriorityMatrix,
} from './priority-matrix.js';

const level = fc.constantFrom<SeverityLevel>(1, 2, 3, 4);
const rank = (p: string) => PRIORITIES.indexOf(p as (typeof PRIORITIES)[number]);

describe('priority matrix', () => {
  it('very high impact and urgency is P1, low and low is P4', () => {
    const m = defaultPriorityMatrix();
    expect(priorityOf(m, 1, 1)).toBe('P1');
    expect(priorityOf(m, 4, 4)).toBe('P4');
    expect(priorityOf(m, 3, 3)).toBe('P3');
  });

  it('the default matrix is valid', () => {
    expect(validatePriorityMatrix(defaultPriorityMatrix())).toEqual([]);
  });

  it('on the default matrix, a less serious impact or urgency never raises the priority', () => {
    const m = defaultPriorityMatrix();
    fc.assert(
      fc.property(level, level, level, level, (i1, u1, i2, u2) => {
        fc.pre(i2 >= i1 && u2 >= u1);
        expect(rank(priorityOf(m, i2, u2))).toBeGreaterThanOrEqual(rank(priorityOf(m, i1, u1)));
      }),
    );
  });

  it('a custom matrix changes the answer', () => {
    const m = defaultPriorityMatrix();
    (m[1] as string[])[1] = 'P1';
    expect(priorityOf(m, 2, 2)).toBe('P1');
  });

  it('a cell that is not a priority is reported with its path', () => {
    const m: unknown[][] = defaultPriorityMatrix();
    (m[2] as unknown[])[1] = 'P9';
    const problems = validatePriorityMatrix(m);
    expect(problems).toEqual([{ path: [2, 1], message: expect.stringContaining('"P9" is not a priority') }]);
  });

  it('a wrong shape is reported', () => {
    expect(validatePriorityMatrix([['P1']])[0]?.message).toContain('4 rows');
    const m: unknown[][] = defaultPriorityMatrix();
    m[3] = ['P4'];
    expect(validatePriorityMatrix(m)).toEqual([{ path: [3], message: expect.stringContaining('4 cells') }]);
  });

  it('a lower urgency giving a higher priority is reported at that cell', () => {
    const m = defaultPriorityMatrix();
    (m[3] as string[])[3] = 'P1';
    const problems = validatePriorityMatrix(m);
    expect(problems.map((p) => p.path)).toEqual([
      [3, 3],
      [3, 3],
    ]);
    expect(problems[0]?.message).toContain('impact 4 × urgency 4 gives P1');
  });

  it('a random monotonic matrix is accepted, a random break is found', () => {
    fc.assert(
      fc.property(level, level, (i, u) => {
        const m = defaultPriorityMatrix();
        const row = m[i - 1] as string[];
        if (i === 1 && u === 1) return;
        row[u - 1] = 'P1';
        const broke =
          (i > 1 && rank((m[i - 2] as string[])[u - 1] as string) > 0) || (u > 1 && rank(row[u - 2] as string) > 0);
        const paths = validatePriorityMatrix(m).map((p) => p.path.join(','));
        expect(paths.includes(`${i - 1},${u - 1}`)).toBe(broke);
      }),
    );
  });

  it('refuses an impact outside 1..4', () => {
    expect(() => priorityOf(defaultPriorityMatrix(), 0 as SeverityLevel, 1)).toThrow(RangeError);
    expect(() => priorityOf(defaultPriorityMatrix(), 1, 5 as SeverityLevel)).toThrow('urgency');
  });
});

describe('monitoring alerts', () => {
  it('a vital asset has a very high impact, a low-criticality one a low impact', () => {
    expect(impactFromCriticality(4)).toBe(1);
    expect(impactFromCriticality(1)).toBe(4);
  });

  it('a critical alert is very urgent, a warning or unknown is medium', () => {
    expect(urgencyFromSeverity('critical')).toBe(1);
    expect(urgencyFromSeverity('warning')).toBe(3);
    expect(urgencyFromSeverity('unknown')).toBe(3);
  });

  it('a critical alert on a vital server is P1', () => {
    expect(priorityOf(defaultPriorityMatrix(), impactFromCriticality(4), urgencyFromSeverity('critical'))).toBe('P1');
  });
});
