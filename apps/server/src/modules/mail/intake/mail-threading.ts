/**
 * Which ticket a mail belongs to (DOMAIN §3): the ticket of a message its In-Reply-To/References name (ours going
 * out, or an earlier one coming in), else the ticket its subject tag `[T-000123]` names — the tag only when the
 * sender belongs to that ticket's client: anyone can type a tag, and a tag must never attach a mail to another
 * client's ticket.
 */
import { ticketNumberInSubject } from '@vigie/domain';
import type { Db } from '../../../db/connection.js';
import { type ThreadTicket, ticketByNumber, ticketOfMessages } from './inbound-mail.repository.js';
import type { ParsedInbound } from './mail-parsing.js';
import { recognizeSender, type Sender } from './sender-recognition.js';

export type Thread =
  | { ticket: ThreadTicket; via: 'headers' | 'tag'; sender: Sender }
  | { ticket: null; sender: Sender; refusedTag: number | null };

export async function threadOf(
  db: Db,
  mail: ParsedInbound & { from: { address: string; name: string | null } },
): Promise<Thread> {
  const byHeaders = await ticketOfMessages(db, mail.threadIds);
  if (byHeaders) {
    const sender = await recognizeSender(db, mail.from.address, mail.from.name, byHeaders.client_id);
    return { ticket: byHeaders, via: 'headers', sender };
  }
  const number = ticketNumberInSubject(mail.subject);
  const tagged = number !== null ? await ticketByNumber(db, number) : undefined;
  const sender = await recognizeSender(db, mail.from.address, mail.from.name, tagged?.client_id ?? null);
  if (tagged) {
    const sameClient = sender.kind === 'client' && sender.clientId === tagged.client_id;
    if (sameClient) return { ticket: tagged, via: 'tag', sender };
  }
  return { ticket: null, sender, refusedTag: tagged ? tagged.number : null };
}
