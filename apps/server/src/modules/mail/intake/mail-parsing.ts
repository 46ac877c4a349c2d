/**
 * A stored raw message read into what intake decides on: addresses, threading ids, text, files. mailparser does the
 * MIME work (iconv-lite for charsets); HTML is only ever turned into text here, never kept to be shown as HTML.
 * Anything that cannot be read throws an {@link UnreadableMail}: the message goes to quarantine with that sentence.
 */

import type { HeaderView } from '@vigie/domain';
import { normalizeAddress, threadIdsOf } from '@vigie/domain';
import { type AddressObject, type ParsedMail, simpleParser } from 'mailparser';

export class UnreadableMail extends Error {}

export interface MailFilePart {
  fileName: string;
  contentType: string;
  content: Buffer;
}

export interface ParsedInbound {
  from: { address: string; name: string | null } | null;
  to: string[];
  cc: string[];
  subject: string;
  inReplyTo: string | null;
  /** In-Reply-To then References, most recent first, normalized. */
  threadIds: string[];
  references: string[];
  text: string;
  contentType: string;
  headers: HeaderView;
  headerList: { name: string; value: string }[];
  files: MailFilePart[];
  /** Message-IDs named by the headers of a delivery report's returned message (a bounce of our own mail). */
  reportedMessageIds: string[];
}

function addressesOf(value: AddressObject | AddressObject[] | undefined): { address: string; name: string }[] {
  const objects = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const out: { address: string; name: string }[] = [];
  const walk = (entries: AddressObject['value']) => {
    for (const entry of entries) {
      if (entry.group) walk(entry.group);
      const address = normalizeAddress(entry.address);
      if (address) out.push({ address, name: entry.name ?? '' });
    }
  };
  for (const o of objects) walk(o.value);
  return out;
}

function headerText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(headerText).join(', ');
  if (value && typeof value === 'object') {
    if ('text' in value && typeof (value as { text: unknown }).text === 'string')
      return (value as { text: string }).text;
    if ('value' in value) {
      const v = value as { value: unknown; params?: Record<string, string> };
      const params = Object.entries(v.params ?? {}).map(([k, p]) => `; ${k}=${p}`);
      return `${headerText(v.value)}${params.join('')}`;
    }
  }
  return value === undefined || value === null ? '' : String(value);
}

const REPORT_TYPES = new Set([
  'message/delivery-status',
  'message/rfc822',
  'text/rfc822-headers',
  'message/global-headers',
]);

export async function parseMail(raw: Uint8Array): Promise<ParsedInbound> {
  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength), {
      skipImageLinks: true,
      skipTextToHtml: true,
      skipTextLinks: true,
    });
  } catch (error) {
    throw new UnreadableMail(`The message cannot be read as MIME: ${(error as Error).message}`.slice(0, 500));
  }
  const lines = parsed.headerLines ?? [];
  const headerMap = new Map<string, string[]>();
  for (const line of lines) {
    const value = line.line.slice(line.line.indexOf(':') + 1).trim();
    headerMap.set(line.key, [...(headerMap.get(line.key) ?? []), value]);
  }
  const headers: HeaderView = { get: (name) => headerMap.get(name.toLowerCase()) ?? [] };
  const from = addressesOf(parsed.from)[0] ?? null;
  const contentTypeHeader = parsed.headers.get('content-type');
  const contentType = headerText(contentTypeHeader) || 'text/plain';
  let text = parsed.text ?? '';
  if (text.trim() === '' && typeof parsed.html === 'string') {
    text = htmlAsText(parsed.html);
  }
  const files: MailFilePart[] = [];
  const reportedMessageIds: string[] = [];
  for (const a of parsed.attachments ?? []) {
    const type = (a.contentType ?? 'application/octet-stream').toLowerCase();
    if (REPORT_TYPES.has(type)) {
      for (const match of a.content.toString('latin1').matchAll(/^message-id:\s*(<[^>\r\n]+>)/gim)) {
        if (match[1]) reportedMessageIds.push(match[1]);
      }
    }
    if (type === 'message/delivery-status') continue;
    files.push({ fileName: a.filename ?? 'attachment', contentType: type, content: a.content });
  }
  const references = threadIdsOf(null, noNul(parsed.references));
  return {
    from: from ? { address: noNul(from.address), name: noNul(from.name).trim() || null } : null,
    to: addressesOf(parsed.to).map((a) => noNul(a.address)),
    cc: addressesOf(parsed.cc).map((a) => noNul(a.address)),
    subject: noNul(parsed.subject ?? '').slice(0, 500),
    inReplyTo: threadIdsOf(noNul(parsed.inReplyTo), null)[0] ?? null,
    threadIds: threadIdsOf(noNul(parsed.inReplyTo), noNul(parsed.references)),
    references,
    text: noNul(text),
    contentType,
    headers,
    headerList: lines.slice(0, 200).map((l) => ({
      name: noNul(l.key),
      value: noNul(l.line.slice(l.line.indexOf(':') + 1))
        .trim()
        .slice(0, 1000),
    })),
    files,
    reportedMessageIds: threadIdsOf(noNul(reportedMessageIds), null),
  };
}

/**
 * Without NUL characters: a mail may carry them (raw, or encoded as `=00`), and PostgreSQL's text refuses them — the
 * message would fail until quarantined instead of becoming the ticket or reply it is.
 */
function noNul<T extends string | readonly string[] | null | undefined>(value: T): T {
  if (typeof value === 'string') return value.replaceAll('\u0000', '') as T;
  if (Array.isArray(value)) return value.map((v: string) => v.replaceAll('\u0000', '')) as unknown as T;
  return value;
}

/** Last resort when mailparser found no text: tags, scripts and styles dropped, entities of markup decoded. */
function htmlAsText(html: string): string {
  return html
    .slice(0, 2_000_000)
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<br\s*\/?>|<\/p\s*>|<\/div\s*>/gi, '\n')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .trim();
}
