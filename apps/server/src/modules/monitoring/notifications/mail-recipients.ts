/** Who an alert mail goes to, and in which language: the rule's addresses and its team's active members. */
import type { Db } from '../../../db/connection.js';
import type { MailLocale } from '../../mail/outbound/templates/ticket-mail-texts.js';
import { localesOfAddresses, teamMembers } from './notification-rules.repository.js';

export interface MailRecipient {
  address: string;
  name: string | null;
  locale: MailLocale;
}

/** The addresses of a rule's target: separated by commas, semicolons or spaces. */
export function splitAddresses(target: string): string[] {
  return target
    .split(/[,;\s]+/)
    .map((a) => a.trim())
    .filter((a) => a.length > 0);
}

const localeOf = (value: string | null | undefined, fallback: MailLocale): MailLocale =>
  value === 'fr' || value === 'en' ? value : fallback;

/**
 * One entry per address (case-insensitive). A person's language is their account's, else a contact's with that
 * address, else the client's.
 */
export async function mailRecipients(
  db: Db,
  target: string,
  teamId: string | null,
  clientLocale: string,
): Promise<MailRecipient[]> {
  const fallback = localeOf(clientLocale, 'fr');
  const byAddress = new Map<string, MailRecipient>();
  if (teamId) {
    for (const m of await teamMembers(db, teamId)) {
      byAddress.set(m.address.toLowerCase(), {
        address: m.address,
        name: m.name,
        locale: localeOf(m.locale, fallback),
      });
    }
  }
  const listed = splitAddresses(target).filter((a) => !byAddress.has(a.toLowerCase()));
  const known = await localesOfAddresses(db, listed);
  for (const address of listed) {
    const key = address.toLowerCase();
    if (!byAddress.has(key)) byAddress.set(key, { address, name: null, locale: localeOf(known.get(key), fallback) });
  }
  return [...byAddress.values()];
}
