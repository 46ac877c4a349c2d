/**
 * Mail that no person wrote and nobody should answer (DOMAIN §3: auto-replies, bounces and mailing-list traffic
 * never open tickets and never loop). Decided from the headers alone, so the rule holds before any parsing of the
 * body. RFC 3834 (Auto-Submitted), RFC 3464 (delivery status notifications), RFC 2369/2919 (List-*), and the
 * de-facto headers of Exchange and common autoresponders.
 */

/** Why a message is left alone; null when a person wrote it. */
export type AutomatedReason =
  | 'auto_submitted'
  | 'precedence'
  | 'mailing_list'
  | 'autoreply_header'
  | 'delivery_report'
  | 'null_sender'
  | 'mailer_daemon'
  | 'own_address'
  | 'own_mail';

export interface HeaderView {
  /** Header names lower-case; a header given several times keeps every value. */
  get(name: string): readonly string[];
}

export interface AutomatedContext {
  /** The envelope sender (MAIL FROM / Return-Path): '' for the null sender `<>`, null when unknown (IMAP). */
  returnPath: string | null;
  /** The From address, lower-case, or null when missing. */
  from: string | null;
  /** The content type of the whole message (`multipart/report; report-type=delivery-status`). */
  contentType: string;
  /** Our own support address(es), lower-case: mail from them is our own coming back. */
  ownAddresses: readonly string[];
}

const PRECEDENCE_AUTOMATED = new Set(['bulk', 'junk', 'list', 'auto_reply', 'auto-reply']);
const DAEMON_LOCAL_PARTS = new Set(['mailer-daemon', 'postmaster', 'mail-daemon', 'mailerdaemon']);

/** A headers-only verdict: the first reason found, or null for mail a person wrote. */
export function automatedReason(headers: HeaderView, context: AutomatedContext): AutomatedReason | null {
  const first = (name: string) => (headers.get(name)[0] ?? '').trim().toLowerCase();
  const auto = first('auto-submitted');
  if (auto !== '' && !auto.startsWith('no')) return 'auto_submitted';
  if (PRECEDENCE_AUTOMATED.has(first('precedence'))) return 'precedence';
  if (/^multipart\/report\b/i.test(context.contentType) || /^message\/delivery-status\b/i.test(context.contentType)) {
    return 'delivery_report';
  }
  if (headers.get('list-id').length > 0 || headers.get('list-unsubscribe').length > 0) return 'mailing_list';
  if (headers.get('x-autoreply').length > 0 || headers.get('x-autorespond').length > 0) return 'autoreply_header';
  const suppress = first('x-auto-response-suppress');
  if (suppress !== '' && suppress !== 'none') return 'autoreply_header';
  if (context.returnPath === '' || context.returnPath === '<>') return 'null_sender';
  const local = (context.from ?? '').split('@')[0] ?? '';
  if (DAEMON_LOCAL_PARTS.has(local)) return 'mailer_daemon';
  if (context.from && context.ownAddresses.includes(context.from)) return 'own_address';
  for (const name of ['x-vigie-ticket', 'x-vigie-mail', 'x-vigie-kind']) {
    if (headers.get(name).length > 0) return 'own_mail';
  }
  return null;
}
