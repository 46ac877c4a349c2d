/**
 * Who wrote a mail (DOMAIN §3): a contact of a client (by address, case-insensitive), a person with an account at a
 * client (acting as that person), else anyone from a client's registered mail domain; provider staff are told apart
 * (their mail is never a client's word); anyone else is unknown and goes to triage.
 */
import { domainOf } from '@vigie/domain';
import type { Db } from '../../../db/connection.js';
import { clientOfDomain, contactsByEmail, userByEmail } from './inbound-mail.repository.js';

const STAFF_ROLES = new Set(['admin', 'manager', 'technician']);

export type Sender =
  | {
      kind: 'client';
      via: 'contact' | 'user' | 'domain';
      address: string;
      clientId: string;
      contactId: string | null;
      userId: string | null;
      name: string;
      locale: 'fr' | 'en' | null;
    }
  | { kind: 'staff'; address: string; userId: string; name: string; locale: 'fr' | 'en' | null }
  | { kind: 'unknown'; address: string; name: string; locale: null };

const localeOf = (value: string | null | undefined) => (value === 'en' || value === 'fr' ? value : null);

/** `preferClientId`: when the address is a contact at several clients, the one the mail threads to wins. */
export async function recognizeSender(
  db: Db,
  address: string,
  displayName: string | null,
  preferClientId: string | null = null,
): Promise<Sender> {
  const shownName = displayName?.trim() || address;
  const user = await userByEmail(db, address);
  if (user && STAFF_ROLES.has(user.role)) {
    return { kind: 'staff', address, userId: user.id, name: user.name, locale: localeOf(user.locale) };
  }
  const contacts = await contactsByEmail(db, address);
  const contact = contacts.find((c) => c.client_id === preferClientId) ?? contacts[0];
  if (contact) {
    return {
      kind: 'client',
      via: 'contact',
      address,
      clientId: contact.client_id,
      contactId: contact.id,
      userId: user && user.client_id === contact.client_id ? user.id : null,
      name: `${contact.first_name} ${contact.last_name}`.trim() || shownName,
      locale: localeOf(contact.locale),
    };
  }
  if (user?.client_id) {
    return {
      kind: 'client',
      via: 'user',
      address,
      clientId: user.client_id,
      contactId: null,
      userId: user.id,
      name: user.name,
      locale: localeOf(user.locale),
    };
  }
  const clientId = await clientOfDomain(db, domainOf(address));
  if (clientId) {
    return {
      kind: 'client',
      via: 'domain',
      address,
      clientId,
      contactId: null,
      userId: null,
      name: shownName.slice(0, 200),
      locale: null,
    };
  }
  return { kind: 'unknown', address, name: shownName.slice(0, 200), locale: null };
}
