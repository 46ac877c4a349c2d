import { describe, expect, it } from 'vitest';
import { domainOf, namesAddress, normalizeAddress } from './addresses.js';
import { type AutomatedContext, automatedReason, type HeaderView } from './automated-mail.js';
import { titleFromSubject } from './mail-subject.js';
import { normalizeMessageId, threadIdsOf } from './message-ids.js';

function headers(entries: Record<string, string | string[]>): HeaderView {
  const map = new Map(Object.entries(entries).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v : [v]]));
  return { get: (name) => map.get(name.toLowerCase()) ?? [] };
}

const person: AutomatedContext = {
  returnPath: 'claire@acme.fr',
  from: 'claire@acme.fr',
  contentType: 'text/plain; charset=utf-8',
  ownAddresses: ['support@vigie.local'],
};

describe('automatedReason', () => {
  it('lets a mail a person wrote through', () => {
    expect(automatedReason(headers({ subject: 'Printer down' }), person)).toBeNull();
    expect(automatedReason(headers({ 'auto-submitted': 'no' }), person)).toBeNull();
    expect(automatedReason(headers({ 'x-auto-response-suppress': 'None' }), person)).toBeNull();
    expect(automatedReason(headers({ precedence: 'first-class' }), person)).toBeNull();
  });

  it.each([
    [{ 'auto-submitted': 'auto-replied' }, 'auto_submitted'],
    [{ 'Auto-Submitted': 'auto-generated; foo' }, 'auto_submitted'],
    [{ precedence: 'bulk' }, 'precedence'],
    [{ precedence: 'Junk' }, 'precedence'],
    [{ precedence: 'list' }, 'precedence'],
    [{ precedence: 'auto_reply' }, 'precedence'],
    [{ 'list-id': '<news.acme.fr>' }, 'mailing_list'],
    [{ 'list-unsubscribe': '<mailto:x@y.z>' }, 'mailing_list'],
    [{ 'x-autoreply': 'yes' }, 'autoreply_header'],
    [{ 'x-auto-response-suppress': 'All' }, 'autoreply_header'],
    [{ 'x-vigie-ticket': 'T-000001' }, 'own_mail'],
  ] as const)('leaves %o alone as %s', (h, reason) => {
    expect(automatedReason(headers(h as Record<string, string>), person)).toBe(reason);
  });

  it('recognizes delivery reports, the null sender, daemons and our own address', () => {
    const dsn = { ...person, contentType: 'multipart/report; report-type=delivery-status; boundary=x' };
    expect(automatedReason(headers({}), dsn)).toBe('delivery_report');
    expect(automatedReason(headers({}), { ...person, returnPath: '' })).toBe('null_sender');
    expect(automatedReason(headers({}), { ...person, from: 'mailer-daemon@mx.acme.fr' })).toBe('mailer_daemon');
    expect(automatedReason(headers({}), { ...person, from: 'postmaster@acme.fr' })).toBe('mailer_daemon');
    expect(automatedReason(headers({}), { ...person, from: 'support@vigie.local' })).toBe('own_address');
    // Unknown envelope (IMAP): not a null sender.
    expect(automatedReason(headers({}), { ...person, returnPath: null })).toBeNull();
  });
});

describe('message ids', () => {
  it('normalizes brackets, blanks and the domain case', () => {
    expect(normalizeMessageId(' <Abc.DEF@Mail.Example.COM> ')).toBe('Abc.DEF@mail.example.com');
    expect(normalizeMessageId('abc@x.y')).toBe('abc@x.y');
    expect(normalizeMessageId('<>')).toBeNull();
    expect(normalizeMessageId(undefined)).toBeNull();
    expect(normalizeMessageId(`<${'a'.repeat(300)}@x.y>`)).toBeNull();
  });

  it('lists In-Reply-To first, then References from the most recent, once each', () => {
    expect(threadIdsOf('<c@x>', '<a@x> <b@x>\r\n <c@x>')).toEqual(['c@x', 'b@x', 'a@x']);
    expect(threadIdsOf(null, ['<a@X>', '<b@x>'])).toEqual(['b@x', 'a@x']);
    expect(threadIdsOf(null, null)).toEqual([]);
    const many = Array.from({ length: 80 }, (_, i) => `<m${i}@x>`).join(' ');
    expect(threadIdsOf(null, many)).toHaveLength(50);
  });
});

describe('addresses', () => {
  it('normalizes one address and refuses anything else', () => {
    expect(normalizeAddress(' Claire.Dubois@ACME-Logistique.fr ')).toBe('claire.dubois@acme-logistique.fr');
    expect(normalizeAddress('<a@b.co>')).toBe('a@b.co');
    expect(normalizeAddress('not an address')).toBeNull();
    expect(normalizeAddress('a@b')).toBeNull();
    expect(normalizeAddress('a@b.c, d@e.f')).toBeNull();
    expect(domainOf('a@sub.acme.fr')).toBe('sub.acme.fr');
    expect(namesAddress(['x@y.z', 'support@vigie.local'], ['support@vigie.local'])).toBe(true);
    expect(namesAddress(['x@y.z'], ['support@vigie.local'])).toBe(false);
  });
});

describe('titleFromSubject', () => {
  it('strips reply and forward prefixes and our tag', () => {
    expect(titleFromSubject('Re: RE: Fwd: [T-000123] Imprimante en panne')).toBe('Imprimante en panne');
    expect(titleFromSubject('TR: Réf: AW: VPN')).toBe('VPN');
    expect(titleFromSubject('Re[2]: Écran noir')).toBe('Écran noir');
    expect(titleFromSubject('Réunion lundi')).toBe('Réunion lundi');
    expect(titleFromSubject('  ')).toBeNull();
    expect(titleFromSubject('Re: [T-000001]')).toBeNull();
    expect(titleFromSubject(undefined)).toBeNull();
    expect(titleFromSubject('x'.repeat(500))?.length).toBe(200);
    expect(titleFromSubject('a\u0000b\tc')).toBe('a b c');
  });
});
