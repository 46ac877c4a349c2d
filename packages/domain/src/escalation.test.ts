import { describe, expect, it } from 'vitest';
import { escalationProblem, escalationProblems } from './escalation.js';

const DIAGNOSIS = 'Outlook crashes at start; safe mode works; add-ins ruled out.';

describe('escalation', () => {
  it('N1 to N2 with a diagnosis goes ahead', () => {
    expect(
      escalationProblem({ fromLevel: 1, toLevel: 2, diagnosis: DIAGNOSIS, levelsDelivered: [1, 2, 3] }),
    ).toBeNull();
  });

  it('skipping a level (N1 to N3) is allowed', () => {
    expect(
      escalationProblem({ fromLevel: 1, toLevel: 3, diagnosis: DIAGNOSIS, levelsDelivered: [1, 2, 3] }),
    ).toBeNull();
  });

  it('escalation to N2 without diagnosis names the diagnosis', () => {
    const problem = escalationProblem({ fromLevel: 1, toLevel: 2, diagnosis: '  ', levelsDelivered: [1, 2] });
    expect(problem).toContain('diagnosis');
    expect(problem).toContain('N2');
  });

  it('a too-short diagnosis is refused, whitespace not counted', () => {
    expect(
      escalationProblem({ fromLevel: 1, toLevel: 2, diagnosis: '  see above       ', levelsDelivered: [1, 2] }),
    ).toContain('at least 20 characters (9 given)');
  });

  it('escalating to a level the contract does not deliver names that level', () => {
    expect(escalationProblem({ fromLevel: 2, toLevel: 3, diagnosis: DIAGNOSIS, levelsDelivered: [1, 2] })).toBe(
      'the contract does not deliver N3: the ticket cannot be escalated there',
    );
  });

  it('going down or staying is not an escalation', () => {
    expect(escalationProblem({ fromLevel: 2, toLevel: 1, diagnosis: DIAGNOSIS, levelsDelivered: [1, 2] })).toContain(
      'not an escalation',
    );
    expect(escalationProblem({ fromLevel: 2, toLevel: 2, diagnosis: DIAGNOSIS, levelsDelivered: [2] })).toContain(
      'not an escalation',
    );
  });

  it('lists every problem at once', () => {
    expect(escalationProblems({ fromLevel: 2, toLevel: 3, diagnosis: '', levelsDelivered: [2] })).toHaveLength(2);
  });

  it('bringing a manager in needs a reason', () => {
    expect(escalationProblem({ kind: 'hierarchical', reason: ' ' })).toContain('reason');
    expect(escalationProblem({ kind: 'hierarchical', reason: 'Client director called twice' })).toBeNull();
  });
});
