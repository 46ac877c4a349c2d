import { describe, expect, it } from 'vitest';
import { clampText, MAX_MAIL_TEXT_LENGTH, replyTextOf } from './reply-text.js';

describe('replyTextOf', () => {
  it('keeps the new words and drops the quoted history', () => {
    expect(replyTextOf('Merci, ça marche.\n\nLe lun. 2 mars 2026 à 10:00, Support <s@v.l> a écrit :\n> Bonjour')).toBe(
      'Merci, ça marche.',
    );
    expect(replyTextOf('Still broken.\r\nOn Mon, Mar 2, 2026 at 10:00 AM Support <s@v.l> wrote:\r\n> Hello')).toBe(
      'Still broken.',
    );
    expect(replyTextOf('Ok\n-----Original Message-----\nFrom: x')).toBe('Ok');
    expect(replyTextOf('Ok\n\nDe : Support\nEnvoyé : lundi\nÀ : moi')).toBe('Ok');
    expect(replyTextOf('> quoted\nanswer\n> more')).toBe('answer');
  });

  it('keeps a "From:" line that is not a quoted header, and everything when nothing new is left', () => {
    expect(replyTextOf('From: the printer room\nit is jammed')).toBe('From: the printer room\nit is jammed');
    expect(replyTextOf('> only quotes')).toBe('> only quotes');
  });

  it('clamps long texts', () => {
    const long = 'line of text\n'.repeat(5000);
    const clamped = clampText(long);
    expect(clamped.length).toBeLessThanOrEqual(MAX_MAIL_TEXT_LENGTH);
    expect(clamped.endsWith('[…]')).toBe(true);
    expect(clampText('short')).toBe('short');
  });
});
