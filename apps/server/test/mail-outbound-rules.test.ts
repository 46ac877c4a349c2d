import { describe, expect, it } from 'vitest';
import { escapeHtml, renderMail } from '../src/modules/mail/outbound/templates/mail-layout.js';
import {
  autoSubmittedOf,
  boundedReferences,
  isPermanentRefusal,
  nextTryDelayMs,
  ticketMailKindOf,
} from '../src/modules/mail/outbound/ticket-mail-rules.js';

const ticket = { source: 'phone', mergedIntoId: null };
const event = (kind: string, data: Record<string, unknown> = {}, byStaff = true, visibility = 'public') => ({
  kind,
  data,
  byStaff,
  visibility,
});

describe('which mail a ticket event calls for', () => {
  it('acknowledges every new ticket but a monitoring alert', () => {
    expect(ticketMailKindOf(event('created'), ticket)).toBe('acknowledgement');
    expect(ticketMailKindOf(event('created'), { ...ticket, source: 'mail' })).toBe('acknowledgement');
    expect(ticketMailKindOf(event('created'), { ...ticket, source: 'monitoring' })).toBeNull();
  });

  it('mails a public reply, never an internal note, and asks a client who writes on a resolved ticket', () => {
    expect(ticketMailKindOf(event('reply'), ticket)).toBe('reply');
    expect(ticketMailKindOf(event('note', {}, true, 'internal'), ticket)).toBeNull();
    expect(ticketMailKindOf(event('reply', {}, true, 'internal'), ticket)).toBeNull();
    // A client person working the ticket (in-house IT): the requester hears of it too.
    expect(ticketMailKindOf(event('reply', {}, false), ticket)).toBe('reply');
    expect(ticketMailKindOf(event('reply', { whileResolved: true }, false), ticket)).toBe('refusal_question');
    expect(ticketMailKindOf(event('reply', { askConfirmation: true }, false), ticket)).toBe('refusal_question');
  });

  it('asks for information only when the ticket waits on the requester', () => {
    expect(ticketMailKindOf(event('status', { to: 'pending', pendingReason: 'requester' }), ticket)).toBe(
      'information_request',
    );
    expect(ticketMailKindOf(event('status', { to: 'pending', pendingReason: 'vendor' }), ticket)).toBeNull();
    expect(ticketMailKindOf(event('status', { to: 'in_progress' }), ticket)).toBeNull();
  });

  it('tells of the resolution and the closure, but not the closure of a merged duplicate', () => {
    expect(ticketMailKindOf(event('solution'), ticket)).toBe('resolution');
    expect(ticketMailKindOf(event('status', { to: 'closed' }), ticket)).toBe('closure');
    expect(ticketMailKindOf(event('status', { to: 'closed' }), { ...ticket, mergedIntoId: 'x' })).toBeNull();
  });

  it('alerts staff of SLA warnings and breaches', () => {
    expect(ticketMailKindOf(event('sla', { milestone: 'warning', clock: 'tto' }), ticket)).toBe('sla_warning');
    expect(ticketMailKindOf(event('sla', { milestone: 'breach', clock: 'ttr' }), ticket)).toBe('sla_breach');
  });
});

describe('delivery rules', () => {
  it('retries after 1, 5, 15, 60, 240 minutes then every 12 hours, and gives up at the 8th failure', () => {
    const minutes = [1, 2, 3, 4, 5, 6, 7].map((tries) => (nextTryDelayMs(tries) ?? 0) / 60_000);
    expect(minutes).toEqual([1, 5, 15, 60, 240, 720, 720]);
    expect(nextTryDelayMs(8)).toBeNull();
  });

  it('takes only 5xx answers as permanent', () => {
    expect(isPermanentRefusal(550)).toBe(true);
    expect(isPermanentRefusal(451)).toBe(false);
    expect(isPermanentRefusal(undefined)).toBe(false);
  });

  it('marks acknowledgements auto-replied, notifications auto-generated, and a person’s reply not at all', () => {
    expect(autoSubmittedOf('acknowledgement')).toBe('auto-replied');
    expect(autoSubmittedOf('resolution')).toBe('auto-generated');
    expect(autoSubmittedOf('reset')).toBe('auto-generated');
    expect(autoSubmittedOf('reply')).toBeNull();
  });

  it('keeps the first message of a thread and the latest ones in References', () => {
    const chain = Array.from({ length: 15 }, (_, i) => `m${i}@x`);
    expect(boundedReferences(chain)).toEqual(['m0@x', ...chain.slice(6)]);
    expect(boundedReferences(['a@x', 'a@x', 'b@x'])).toEqual(['a@x', 'b@x']);
  });
});

describe('mail layout', () => {
  it('escapes what people wrote and keeps their line breaks, in HTML and text alike', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;',
    );
    const { html, text } = renderMail(
      {
        greeting: 'Bonjour <Claire>,',
        blocks: [{ kind: 'quote', text: 'ligne 1\n<b>ligne 2</b>', author: 'Léa' }],
        actions: [{ label: 'Confirmer', url: 'https://v.test/portal/tickets/1?answer=confirm&x="y"' }],
        footer: 'Support',
      },
      'fr',
    );
    expect(html).toContain('Bonjour &lt;Claire&gt;,');
    expect(html).toContain('ligne 1<br>&lt;b&gt;ligne 2&lt;/b&gt;');
    expect(html).toContain('href="https://v.test/portal/tickets/1?answer=confirm&amp;x=&quot;y&quot;"');
    expect(html).not.toContain('<b>');
    expect(text).toContain('> ligne 1\n> <b>ligne 2</b>');
    expect(text).toContain('Confirmer : https://v.test/portal/tickets/1?answer=confirm&x="y"');
  });
});
