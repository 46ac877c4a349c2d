/**
 * Message-IDs as threading compares them: without angle brackets, trimmed, and with the domain part lower-cased
 * (the local part is case-sensitive in RFC 5322, but mail clients never change it, while some gateways do change the
 * domain's case). Bounded, so that a forged header cannot make us store or look up megabytes.
 */

const MAX_ID_LENGTH = 250;
const MAX_REFERENCES = 50;

/** `<a.b@Example.COM>` → `a.b@example.com`; null when nothing usable is left. */
export function normalizeMessageId(value: string | null | undefined): string | null {
  if (!value) return null;
  const inner = /<([^<>]*)>/.exec(value)?.[1] ?? value;
  const id = inner.trim().replace(/\s+/g, '');
  if (id === '' || id.length > MAX_ID_LENGTH) return null;
  const at = id.lastIndexOf('@');
  return at > 0 ? `${id.slice(0, at)}@${id.slice(at + 1).toLowerCase()}` : id;
}

/** Every id named by In-Reply-To and References (most recent first), distinct, at most 50. */
export function threadIdsOf(
  inReplyTo: string | readonly string[] | null | undefined,
  references: string | readonly string[] | null | undefined,
): string[] {
  const listOf = (v: string | readonly string[] | null | undefined): string[] => {
    if (!v) return [];
    const text = typeof v === 'string' ? v : v.join(' ');
    const bracketed = text.match(/<[^<>]*>/g);
    return bracketed ?? text.split(/[\s,]+/);
  };
  const ids = [...listOf(inReplyTo), ...listOf(references).reverse()]
    .map((id) => normalizeMessageId(id))
    .filter((id): id is string => id !== null);
  return [...new Set(ids)].slice(0, MAX_REFERENCES);
}
