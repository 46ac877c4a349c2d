import { describe, expect, it } from 'vitest';
import {
  canTransition,
  isSolutionRejection,
  slaEffect,
  TICKET_STATUSES,
  TICKET_TRANSITIONS,
  transitionProblem,
} from './ticket-lifecycle.js';

const person = { kind: 'person' } as const;
const team = { kind: 'team' } as const;

describe('ticket lifecycle', () => {
  it('a ticket cannot be closed from new', () => {
    expect(canTransition('new', 'closed')).toBe(false);
    expect(transitionProblem('new', 'closed', { closeCause: 'requester_confirmation' })).toBe(
      'a ticket cannot be closed from new: it must be resolved first',
    );
  });

  it('a closed ticket is final', () => {
    for (const to of TICKET_STATUSES) expect(canTransition('closed', to)).toBe(false);
    expect(transitionProblem('closed', 'in_progress', { assignee: person })).toContain('new ticket');
  });

  it('the table and transitionProblem agree: a move outside the table is always refused', () => {
    for (const from of TICKET_STATUSES) {
      for (const to of TICKET_STATUSES) {
        if (!TICKET_TRANSITIONS[from].includes(to)) expect(transitionProblem(from, to, {})).not.toBeNull();
      }
    }
  });

  it('assigning needs a team or a technician', () => {
    expect(transitionProblem('new', 'assigned', {})).toContain('team or a technician');
    expect(transitionProblem('new', 'assigned', { assignee: team })).toBeNull();
  });

  it('in progress needs a named technician, not a team', () => {
    expect(transitionProblem('assigned', 'in_progress', { assignee: team })).toContain('named technician');
    expect(transitionProblem('assigned', 'in_progress', { assignee: person })).toBeNull();
  });

  it('pending needs a reason', () => {
    expect(transitionProblem('in_progress', 'pending', {})).toContain('reason');
    expect(transitionProblem('in_progress', 'pending', { pendingReason: 'vendor' })).toBeNull();
  });

  it('resolving needs a solution and its kind', () => {
    expect(transitionProblem('in_progress', 'resolved', {})).toContain('solution');
    expect(
      transitionProblem('in_progress', 'resolved', { solution: { kind: 'oops' as 'solution', text: 'Rebooted' } }),
    ).toContain('solution or a workaround');
    expect(
      transitionProblem('in_progress', 'resolved', { solution: { kind: 'workaround', text: 'Rebooted' } }),
    ).toBeNull();
  });

  it("closing needs the requester's confirmation or the auto-close", () => {
    expect(transitionProblem('resolved', 'closed', {})).toContain("requester's confirmation");
    expect(transitionProblem('resolved', 'closed', { closeCause: 'auto_close' })).toBeNull();
    expect(transitionProblem('resolved', 'closed', { closeCause: 'requester_confirmation' })).toBeNull();
  });

  it('a resolved ticket reopens to in progress only on an explicit rejection, recorded as such', () => {
    expect(transitionProblem('resolved', 'in_progress', { assignee: person })).toContain('rejects the solution');
    expect(transitionProblem('resolved', 'in_progress', { assignee: person, solutionRejected: true })).toBeNull();
    expect(transitionProblem('resolved', 'pending', { pendingReason: 'requester' })).toContain(
      'reopens to in progress',
    );
    expect(isSolutionRejection('resolved', 'in_progress')).toBe(true);
    expect(isSolutionRejection('pending', 'in_progress')).toBe(false);
  });

  it('a waiting ticket nobody has in hand goes back to its team when the wait ends', () => {
    expect(transitionProblem('pending', 'assigned', { assignee: team })).toBeNull();
    expect(transitionProblem('pending', 'assigned', {})).toContain('team or a technician');
  });

  it('a ticket cannot be resolved before someone takes it', () => {
    expect(transitionProblem('new', 'resolved', { solution: { kind: 'solution', text: 'x' } })).toContain(
      'from new to resolved',
    );
  });

  it('staying in the same status is not a transition', () => {
    expect(transitionProblem('pending', 'pending', { pendingReason: 'vendor' })).toBe('the ticket is already pending');
  });
});

describe('SLA effect of a transition', () => {
  it('TTO stops when a named technician takes the ticket, not when a team gets it', () => {
    expect(slaEffect('new', 'assigned', 'team').tto).toBe('none');
    expect(slaEffect('new', 'assigned', 'person').tto).toBe('stop');
    expect(slaEffect('assigned', 'in_progress').tto).toBe('stop');
    expect(slaEffect('new', 'in_progress').tto).toBe('stop');
  });

  it('TTR pauses while pending or resolved and resumes on leaving them', () => {
    expect(slaEffect('in_progress', 'pending')).toEqual({ tto: 'none', ttr: 'pause' });
    expect(slaEffect('pending', 'in_progress').ttr).toBe('resume');
    expect(slaEffect('pending', 'assigned', 'team').ttr).toBe('resume');
    expect(slaEffect('in_progress', 'resolved').ttr).toBe('pause');
    expect(slaEffect('pending', 'resolved').ttr).toBe('none');
    expect(slaEffect('resolved', 'in_progress').ttr).toBe('resume');
  });

  it('TTR stops on closing and runs untouched between working statuses', () => {
    expect(slaEffect('resolved', 'closed').ttr).toBe('stop');
    expect(slaEffect('new', 'assigned', 'team').ttr).toBe('none');
    expect(slaEffect('in_progress', 'assigned', 'team').ttr).toBe('none');
  });
});
