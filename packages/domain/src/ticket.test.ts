import { describe, expect, it } from 'vitest';
import {
  chooseContract,
  coversDomains,
  parseTicketReference,
  scopeDomainOfAssetType,
  ticketNumberInSubject,
  ticketReference,
} from './ticket.js';

describe('ticket references', () => {
  it('pads to six digits and grows beyond', () => {
    expect(ticketReference(123)).toBe('T-000123');
    expect(ticketReference(1_234_567)).toBe('T-1234567');
  });
  it('parses what it prints, refuses the rest', () => {
    expect(parseTicketReference('t-000123')).toBe(123);
    expect(parseTicketReference('T-123')).toBeNull();
    expect(parseTicketReference('ticket 12')).toBeNull();
  });
  it('finds the tag in a reply subject', () => {
    expect(ticketNumberInSubject('RE: TR: [T-000042] Imprimante bloquée')).toBe(42);
    expect(ticketNumberInSubject('Imprimante T-000042')).toBeNull();
  });
});

describe('scope', () => {
  it('maps asset types to contract domains', () => {
    expect(scopeDomainOfAssetType('switch')).toBe('network');
    expect(scopeDomainOfAssetType('database')).toBe('databases');
    expect(scopeDomainOfAssetType('laptop')).toBe('workstations');
  });
  it('is covered only when every touched domain is in scope', () => {
    expect(coversDomains(['servers', 'network'], ['network'])).toBe(true);
    expect(coversDomains(['servers'], ['network', 'servers'])).toBe(false);
    expect(coversDomains(['servers'], [])).toBe(true);
  });
});

describe('chooseContract', () => {
  const servers = { id: 'servers', scopeDomains: ['servers'] as const };
  const network = { id: 'network', scopeDomains: ['network', 'security'] as const };
  it('takes the first contract covering every touched domain', () => {
    expect(chooseContract([servers, network], ['network'])).toEqual({ contract: network, outOfScope: false });
    expect(chooseContract([servers, network], [])).toEqual({ contract: servers, outOfScope: false });
  });
  it('falls back to the main contract, flagged billable, when none covers', () => {
    expect(chooseContract([servers, network], ['databases'])).toEqual({ contract: servers, outOfScope: true });
  });
  it('has no contract and is billable when none is in force', () => {
    expect(chooseContract([], ['servers'])).toEqual({ contract: null, outOfScope: true });
  });
});
