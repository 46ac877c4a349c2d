/**
 * The notification sender, a periodic duty of every server process: queues the repeats that are due, then claims
 * the due deliveries (under a lease, SKIP LOCKED on PostgreSQL, so two processes never send the same one), sends
 * them — webhooks by HTTP POST, mail through the mail outbox (its relay, retries and log) — and logs every try.
 * Failures are tried again after 1, 5, 15 and 60 minutes, then every 4 hours; after 8 tries, or at once on a 4xx
 * other than 408/429, the delivery is `failed`.
 */
import type { Clock } from '../../../core/clock.js';
import { newId } from '../../../core/ids.js';
import type { Db } from '../../../db/connection.js';
import type { NotificationDeliveryRow } from '../../../db/schema-monitoring.js';
import { PeriodicJob } from '../../../jobs/periodic-job.js';
import type { OutboundSettings } from '../../mail/outbound/outbound-settings.js';
import { enqueueMail } from '../../mail/outbox.repository.js';
import { buildAlertMail } from './alert-mail.js';
import { type AlertMessage, alertMessageOf } from './alert-message.js';
import { mailRecipients } from './mail-recipients.js';
import {
  type ClaimedDelivery,
  claimDueDeliveries,
  type DeliveryTry,
  insertDeliveries,
  recordDeliveryTry,
  repeatingRules,
  repeatsDue,
} from './notification-deliveries.repository.js';
import { isPermanentHttpFailure, nextDeliveryDelayMs, severityRank } from './notification-routing.js';
import { postWebhook } from './webhook-client.js';
import { type WebhookFormat, webhookBody } from './webhook-formats.js';

const BATCH = 20;
/** Long enough for a batch of posts (10 s each at most, sent together), short enough to recover a dead process. */
const LEASE_MS = 60_000;
/** Repeats queued per rule and pass; the next pass takes the rest. */
const REPEATS_PER_RULE = 1000;

export interface SenderPass {
  repeats: number;
  sent: number;
  deferred: number;
  failed: number;
}

export class NotificationSender extends PeriodicJob<SenderPass> {
  /** Called when alert mail was queued, so the mail sender can run at once (the lead wires `outboundMail.wake`). */
  onMailQueued: () => void = () => {};

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly settings: OutboundSettings,
    onError?: (error: unknown) => void,
  ) {
    super(onError);
  }

  protected async pass(): Promise<SenderPass> {
    const repeats = await this.queueRepeats();
    return { repeats, ...(await this.sendDue()) };
  }

  /**
   * For each repeating rule, the alerts it announced that are still open and unacknowledged and whose last message
   * of that rule is older than the rule's interval get their next repeat. The unique key keeps two processes from
   * queuing the same repeat twice.
   */
  async queueRepeats(): Promise<number> {
    const now = this.clock.now();
    let queued = 0;
    for (const rule of await repeatingRules(this.db)) {
      const cutoff = new Date(now.getTime() - (rule.repeat_minutes ?? 0) * 60_000).toISOString();
      const due = await repeatsDue(this.db, rule.id, cutoff, REPEATS_PER_RULE);
      const rows: NotificationDeliveryRow[] = due
        .filter((d) => severityRank(d.severity) >= severityRank(rule.min_severity))
        .map((d) => ({
          id: newId(),
          rule_id: rule.id,
          alert_id: d.alert_id,
          client_id: d.client_id,
          change_seq: d.change_seq,
          repeat_no: Number(d.last_repeat) + 1,
          event: 'repeat',
          status: 'pending',
          attempts: 0,
          next_attempt_at: now.toISOString(),
          last_error: null,
          created_at: now.toISOString(),
          sent_at: null,
        }));
      queued += await insertDeliveries(this.db, rows);
    }
    return queued;
  }

  /** Sends everything due now, batch after batch. */
  async sendDue(): Promise<Omit<SenderPass, 'repeats'>> {
    const result = { sent: 0, deferred: 0, failed: 0 };
    for (;;) {
      const now = this.clock.now();
      const batch = await claimDueDeliveries(
        this.db,
        now.toISOString(),
        new Date(now.getTime() + LEASE_MS).toISOString(),
        BATCH,
      );
      const outcomes = await Promise.all(batch.map((d) => this.sendOne(d)));
      for (const outcome of outcomes) if (outcome) result[outcome] += 1;
      if (batch.length < BATCH) return result;
    }
  }

  private async sendOne(d: ClaimedDelivery): Promise<DeliveryTry['outcome'] | null> {
    const tries = d.attempts + 1;
    if (!d.rule_enabled) {
      return this.record(d.id, tries, { outcome: 'failed', detail: 'the rule was disabled before it was sent' });
    }
    const message = alertMessageOf(d, this.settings.publicUrl);
    if (d.channel === 'email') return this.queueMail(d, message, tries);
    const answer = await postWebhook(d.target, webhookBody(d.format as WebhookFormat, message), {
      'x-vigie-delivery': d.id,
      'x-vigie-event': d.event,
    });
    if (answer.ok) return this.record(d.id, tries, { outcome: 'sent', detail: answer.detail });
    const permanent = answer.status !== null && (answer.status < 400 || isPermanentHttpFailure(answer.status));
    const delay = permanent ? null : nextDeliveryDelayMs(tries);
    if (delay === null) return this.record(d.id, tries, { outcome: 'failed', detail: answer.detail });
    return this.record(d.id, tries, {
      outcome: 'deferred',
      detail: answer.detail,
      delayMs: Math.max(delay, answer.retryAfterMs ?? 0),
    });
  }

  /** One mail per recipient, in their language, queued with the try's record in one transaction. */
  private async queueMail(
    d: ClaimedDelivery,
    message: AlertMessage,
    tries: number,
  ): Promise<DeliveryTry['outcome'] | null> {
    const recipients = await mailRecipients(this.db, d.target, d.team_id, d.client_locale);
    if (recipients.length === 0) {
      return this.record(d.id, tries, {
        outcome: 'failed',
        detail: 'no recipient: the rule names no address and its team has no active member',
      });
    }
    const at = this.clock.now();
    const recorded = await this.db.transaction().execute(async (trx) => {
      const ids: string[] = [];
      for (const r of recipients) {
        const mail = buildAlertMail(message, r.locale, d.rule_name, d.client_time_zone);
        const queued = await enqueueMail(
          trx,
          {
            kind: 'alert',
            to: [{ address: r.address, name: r.name }],
            locale: r.locale,
            ...mail,
            clientId: d.client_id,
          },
          { supportAddress: this.settings.supportAddress, now: at, held: this.settings.relayUrl === null },
        );
        ids.push(queued.id);
      }
      const held = this.settings.relayUrl === null ? ' (held: no mail relay is configured)' : '';
      return recordDeliveryTry(trx, d.id, tries, {
        outcome: 'sent',
        detail: `mail queued to ${recipients.map((r) => r.address).join(', ')}${held}`,
        at: at.toISOString(),
        nextAttemptAt: null,
      });
    });
    if (!recorded) return null;
    this.onMailQueued();
    return 'sent';
  }

  private async record(
    deliveryId: string,
    tries: number,
    result: { outcome: DeliveryTry['outcome']; detail: string; delayMs?: number },
  ): Promise<DeliveryTry['outcome'] | null> {
    const at = this.clock.now();
    const nextAttemptAt =
      result.outcome === 'deferred' ? new Date(at.getTime() + (result.delayMs ?? 0)).toISOString() : null;
    const recorded = await this.db.transaction().execute((trx) =>
      recordDeliveryTry(trx, deliveryId, tries, {
        outcome: result.outcome,
        detail: result.detail,
        at: at.toISOString(),
        nextAttemptAt,
      }),
    );
    return recorded ? result.outcome : null;
  }
}
