/**
 * A new ticket's title from a mail subject: without the reply and forward prefixes of the common mail clients in
 * French and English (Re, RE, Fwd, Fw, TR, AW, WG, Réf…), without our tag `[T-000123]`, without extra blanks.
 */

const PREFIX = /^\s*(re|fw|fwd|tr|aw|wg|sv|vs|réf|ref|rép|rep)(\[\d+\])?\s*:\s*/i;
const TAG = /\[\s*T-\d{1,10}\s*\]/gi;
export const MAX_TITLE_LENGTH = 200;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what it removes
const CONTROL = /[\u0000-\u001f\u007f]/g;

export function titleFromSubject(subject: string | null | undefined): string | null {
  let title = (subject ?? '').replace(TAG, ' ');
  for (let i = 0; i < 10 && PREFIX.test(title); i++) title = title.replace(PREFIX, '');
  title = title.replace(TAG, ' ').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  if (title === '') return null;
  return title.length > MAX_TITLE_LENGTH ? `${title.slice(0, MAX_TITLE_LENGTH - 1)}…` : title;
}
