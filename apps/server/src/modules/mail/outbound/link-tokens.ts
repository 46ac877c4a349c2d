/**
 * A password link's token is its person's password: whoever reads it can set that password (a manager reading an
 * administrator's reset mail in the log, anyone holding a database backup). Only the mail itself carries it: the log
 * shows the link without it, and a sent mail keeps no usable token.
 */
export function withoutLinkTokens(text: string): string {
  return text.replace(/([?&]token=)[A-Za-z0-9_-]+/g, '$1[…]');
}

/** The mails whose links carry such a token. */
export function carriesLinkToken(kind: string | null): boolean {
  return kind === 'reset' || kind === 'invitation';
}
