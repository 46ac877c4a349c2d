import { describe, expect, it } from 'vitest';
import type { Me, Ticket } from '../api/types';
import { availability, escalationTargets } from './ticket-actions';

const me = { id: 'me', clientId: null, role: 'technician' } as Me;
const ticket = (overrides: Partial<Ticket>) =>
  ({
    status: 'new',
    assignee: null,
    mergedInto: null,
    supportLevel: 1,
    levelsDelivered: [1, 2, 3],
    ...overrides,
  }) as Ticket;

describe('availability', () => {
  it('lets a new ticket be taken but not resolved or put on hold before someone takes it', () => {
    expect(availability(ticket({}), me, 'take')).toEqual({ allowed: true });
    expect(availability(ticket({}), me, 'resolve')).toEqual({ allowed: false, why: 'takeFirst' });
    expect(availability(ticket({}), me, 'hold')).toEqual({ allowed: false, why: 'takeFirst' });
  });

  it('does not offer to take a ticket one already works on, nor to resume one that does not wait', () => {
    const mine = ticket({ status: 'in_progress', assignee: { id: 'me', name: 'Me' } });
    expect(availability(mine, me, 'take')).toEqual({ allowed: false, why: 'alreadyYours' });
    expect(availability(mine, me, 'resume')).toEqual({ allowed: false, why: 'notPending' });
    expect(availability(mine, me, 'hold')).toEqual({ allowed: true });
  });

  it('keeps confirm and reject for resolved tickets, and nothing for closed or merged ones', () => {
    expect(availability(ticket({ status: 'resolved' }), me, 'confirm')).toEqual({ allowed: true });
    expect(availability(ticket({ status: 'in_progress' }), me, 'reject')).toEqual({
      allowed: false,
      why: 'notResolved',
    });
    expect(availability(ticket({ status: 'closed' }), me, 'assign')).toEqual({ allowed: false, why: 'closed' });
    const merged = ticket({ mergedInto: { id: 'x', reference: 'T-000002' } });
    expect(availability(merged, me, 'take')).toEqual({ allowed: false, why: 'merged' });
  });
});

describe('escalationTargets', () => {
  it('offers the levels above the current one that the contract delivers', () => {
    expect(escalationTargets(ticket({ supportLevel: 1 }))).toEqual([2, 3]);
    expect(escalationTargets(ticket({ supportLevel: 2, levelsDelivered: [2] }))).toEqual([]);
  });
});
