/** A ticket's full-text document: its reference, title, description, requester, and every reply, note and solution. */
import { ticketReference } from '@vigie/domain';
import type { Db } from '../../db/connection.js';
import { indexDocument } from '../../db/full-text.js';
import type { TicketRow } from '../../db/schema.js';
import { eventTexts } from './ticket-events.repository.js';

export async function reindexTicket(
  db: Db,
  row: Pick<TicketRow, 'id' | 'number' | 'title' | 'description' | 'requester_name'>,
): Promise<void> {
  const texts = await eventTexts(db, row.id);
  const parts = [ticketReference(Number(row.number)), row.title, row.description, row.requester_name ?? '', ...texts];
  await indexDocument(db, 'ticket_fts', Number(row.number), parts.join('\n'));
}
