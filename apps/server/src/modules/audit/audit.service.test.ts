import { describe, expect, it } from 'vitest';
import { changedFields } from './audit.service.js';

describe('audit diff', () => {
  it('keeps only the fields that changed, ignoring updatedAt', () => {
    expect(changedFields({ name: 'a', phone: null, updatedAt: 1 }, { name: 'b', phone: null, updatedAt: 2 })).toEqual({
      before: { name: 'a' },
      after: { name: 'b' },
    });
  });

  it('does not report an absent field that became null, inside nested objects too', () => {
    expect(changedFields({ address: { city: 'Lyon' } }, { address: { city: 'Lyon', line2: null } })).toEqual({
      before: {},
      after: {},
    });
    expect(changedFields({ address: { city: 'Lyon' } }, { address: { city: 'Metz' } }).after).toEqual({
      address: { city: 'Metz' },
    });
  });
});
