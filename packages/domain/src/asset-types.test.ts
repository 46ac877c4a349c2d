import { describe, expect, it } from 'vitest';
import { ASSET_TYPES, assetCategory, coerceAttribute, validateAttributes } from './asset-types.js';

describe('typed asset attributes', () => {
  it('sorts every type into physical or logical', () => {
    expect(assetCategory('ups')).toBe('physical');
    expect(assetCategory('tls_certificate')).toBe('logical');
    expect(ASSET_TYPES.length).toBe(23);
  });

  it('checks each value against its kind and refuses keys the type does not have', () => {
    expect(
      validateAttributes('server', {
        ip_address: '10.0.0.300',
        cpu_cores: 2.5,
        memory_gb: 32,
        hostname: 'srv',
        warranty_until: '2027-01-01',
      }),
    ).toEqual([
      { key: 'ip_address', message: 'must be an IPv4 or IPv6 address' },
      { key: 'cpu_cores', message: 'must be a whole number' },
    ]);
    expect(validateAttributes('tls_certificate', { expires_on: '2027-13-45', cpu_cores: 4 })).toEqual([
      { key: 'expires_on', message: 'must be a date (YYYY-MM-DD)' },
      { key: 'cpu_cores', message: 'unknown attribute for a tls_certificate' },
    ]);
    expect(validateAttributes('nas', { ip_address: 'fe80::1', capacity_tb: 12 })).toEqual([]);
    expect(validateAttributes('server', { purchase_date: '2026-02-30' })).toEqual([
      { key: 'purchase_date', message: 'must be a date (YYYY-MM-DD)' },
    ]);
  });

  it('reads spreadsheet cells as French and English users write them', () => {
    expect(coerceAttribute('number', '64,5')).toBe(64.5);
    expect(coerceAttribute('integer', ' 8 ')).toBe(8);
    expect(coerceAttribute('boolean', 'Oui')).toBe(true);
    expect(coerceAttribute('boolean', 'no')).toBe(false);
    expect(coerceAttribute('integer', 'eight')).toBe('eight');
  });
});
