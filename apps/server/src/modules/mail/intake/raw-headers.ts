/**
 * What is read from a raw message before anything else, without a MIME parser: its header block, its Message-ID
 * (or a stable stand-in derived from the bytes) and its Subject/From for the mail log. Works on any bytes, so that
 * even a message no parser can read is stored and shown.
 */
import { createHash } from 'node:crypto';
import { normalizeMessageId } from '@vigie/domain';

const MAX_HEADER_BYTES = 256 * 1024;

/** The unfolded header lines of a raw message (latin1: bytes kept as they are). */
export function headerLinesOf(raw: Uint8Array): string[] {
  const head = Buffer.from(raw.buffer, raw.byteOffset, Math.min(raw.byteLength, MAX_HEADER_BYTES))
    .toString('latin1')
    // NUL bytes dropped: PostgreSQL's text refuses them, and the message would be refused (451) for ever.
    .replaceAll('\u0000', '');
  const end = head.search(/\r?\n\r?\n/);
  const block = end >= 0 ? head.slice(0, end) : head;
  return block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/);
}

export function headerValue(lines: readonly string[], name: string): string | null {
  const prefix = `${name.toLowerCase()}:`;
  const line = lines.find((l) => l.toLowerCase().startsWith(prefix));
  return line ? line.slice(prefix.length).trim() : null;
}

/**
 * The message's own id, or — when it has none or an unusable one — `sha256.<digest>@intake.vigie`: a second delivery
 * of the same bytes gets the same id, so it is recognized as the duplicate it is.
 */
export function messageIdOfRaw(raw: Uint8Array): string {
  const given = normalizeMessageId(headerValue(headerLinesOf(raw), 'message-id'));
  if (given) return given;
  return `sha256.${createHash('sha256').update(raw).digest('hex').slice(0, 40)}@intake.vigie`;
}

/** Subject and From as the raw bytes carry them (still MIME-encoded): enough to list a message nobody could parse. */
export function rawSummaryOf(raw: Uint8Array): { subject: string; from: string | null } {
  const lines = headerLinesOf(raw);
  return {
    subject: (headerValue(lines, 'subject') ?? '').slice(0, 500),
    from: headerValue(lines, 'from')?.slice(0, 320) ?? null,
  };
}
