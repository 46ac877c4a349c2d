/** The contact a member of staff names when giving a triage message to a client (with the account it may have). */
import type { Db } from '../../../db/connection.js';

export async function contactForTriage(
  db: Db,
  clientId: string,
  contactId: string | null,
): Promise<{ id: string; name: string; userId: string | null } | undefined> {
  if (!contactId) return undefined;
  const contact = await db
    .selectFrom('contacts')
    .select(['id', 'first_name', 'last_name', 'email'])
    .where('id', '=', contactId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  if (!contact) return undefined;
  const user = contact.email
    ? await db
        .selectFrom('users')
        .select('id')
        .where('email', '=', contact.email.toLowerCase())
        .where('client_id', '=', clientId)
        .where('active', '=', 1)
        .executeTakeFirst()
    : undefined;
  return { id: contact.id, name: `${contact.first_name} ${contact.last_name}`.trim(), userId: user?.id ?? null };
}
