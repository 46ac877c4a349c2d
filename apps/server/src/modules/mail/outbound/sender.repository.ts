/** The outbox as the sender sees it: due mails claimed under a lease, their files, and each try's outcome. */
import { newId } from '../../../core/ids.js';
import type { Db } from '../../../db/connection.js';
import { leaseDue } from '../../../db/lease.js';
import type { MailMessageRow } from '../../../db/schema.js';

export type ClaimedMail = MailMessageRow & { ticket_number: number | null };

/** Takes up to `limit` queued mails due now under a lease (see `leaseDue`), with their ticket's number. */
export async function claimDueMails(db: Db, now: string, leaseUntil: string, limit: number): Promise<ClaimedMail[]> {
  return db.transaction().execute(async (trx) => {
    const ids = await leaseDue(trx, 'mail_messages', 'queued', now, leaseUntil, limit);
    if (ids.length === 0) return [];
    return trx
      .selectFrom('mail_messages')
      .leftJoin('tickets', 'tickets.id', 'mail_messages.ticket_id')
      .selectAll('mail_messages')
      .select('tickets.number as ticket_number')
      .where('mail_messages.id', 'in', ids)
      .orderBy('mail_messages.created_at')
      .orderBy('mail_messages.id')
      .execute();
  });
}

export async function filesOfMail(db: Db, mailId: string) {
  return db
    .selectFrom('attachments')
    .select(['file_name', 'content_type', 'content'])
    .where('mail_id', '=', mailId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export interface TryOutcome {
  outcome: 'sent' | 'deferred' | 'failed';
  detail: string;
  at: string;
  /** When to try again (deferred only). */
  nextAttemptAt: string | null;
  /** The bodies kept once sent, when they differ from the ones sent (a password link's token dropped). */
  keptBodies?: { text: string; html: string | null };
}

/** Records one try and moves the mail to where it leads, in one transaction. */
export async function recordTry(db: Db, mailId: string, tries: number, result: TryOutcome): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('mail_attempts')
      .values({
        id: newId(),
        mail_id: mailId,
        at: result.at,
        outcome: result.outcome,
        detail: result.detail.slice(0, 1000),
      })
      .execute();
    await trx
      .updateTable('mail_messages')
      .set({
        status: result.outcome === 'deferred' ? 'queued' : result.outcome,
        attempts: tries,
        next_attempt_at: result.nextAttemptAt,
        processed_at: result.outcome === 'deferred' ? null : result.at,
        error: result.outcome === 'sent' ? null : result.detail.slice(0, 1000),
        ...(result.keptBodies ? { text_body: result.keptBodies.text, html_body: result.keptBodies.html } : {}),
        updated_at: result.at,
      })
      .where('id', '=', mailId)
      .execute();
  });
}
