/**
 * Alert notifications (DOMAIN §6): rules (mail, webhooks) routed by client, severity and team; `queueFor`, which the
 * alert engine calls in its transaction at each alert change; the sender with its retries and repeats; the
 * delivery log. Never more than one message per rule and alert change unless repeating: deliveries are unique per
 * (rule, alert, change, repeat).
 */
import type {
  NotificationDeliveryQuery,
  NotificationDeliveryView,
  NotificationRuleInput,
  NotificationRulePatch,
  NotificationRuleView,
  Page,
} from '@vigie/contracts';
import type { Ctx } from '../../../core/actor.js';
import type { Clock } from '../../../core/clock.js';
import { conflict, invalidFields, notFound } from '../../../core/errors.js';
import { newId } from '../../../core/ids.js';
import type { Db } from '../../../db/connection.js';
import type { AlertRow, NotificationDeliveryRow } from '../../../db/schema-monitoring.js';
import type { AuditService } from '../../audit/audit.service.js';
import type { OutboundSettings } from '../../mail/outbound/outbound-settings.js';
import { assertCanReadNotifications, assertCanWriteNotificationRules, reachesRule } from './notification.policy.js';
import {
  attemptsOfDeliveries,
  countPendingDeliveries,
  findDelivery,
  insertDeliveries,
  type LoggedDelivery,
  listDeliveries,
  requeueDelivery,
  rulesThatAnnounced,
} from './notification-deliveries.repository.js';
import { ruleMatches } from './notification-routing.js';
import {
  clientExists,
  deleteRule,
  findRule,
  insertRule,
  listRules,
  teamExists,
  updateRule,
} from './notification-rules.repository.js';
import { NotificationSender } from './notification-sender.js';
import { RuleCache } from './rule-cache.js';
import { auditedRule, checkedRule, presentRule, type RuleFields, ruleRow } from './rule-input.js';

/** The alert changes that call for a message. */
export type AlertChange = 'opened' | 'severity' | 'resolved';

type Attempt = Awaited<ReturnType<typeof attemptsOfDeliveries>>[number];

function presentDelivery(row: LoggedDelivery, attempts: readonly Attempt[]): NotificationDeliveryView {
  const iso = (value: string | null) => (value ? new Date(value).toISOString() : null);
  return {
    id: row.id,
    ruleId: row.rule_id,
    ruleName: row.rule_name,
    channel: row.channel as NotificationDeliveryView['channel'],
    clientId: row.client_id,
    alertId: row.alert_id,
    alertNumber: row.alert_number,
    event: row.event as NotificationDeliveryView['event'],
    repeatNo: row.repeat_no,
    status: row.status as NotificationDeliveryView['status'],
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? iso(row.next_attempt_at) : null,
    lastError: row.last_error,
    createdAt: new Date(row.created_at).toISOString(),
    sentAt: iso(row.sent_at),
    attemptLog: attempts.map((a) => ({
      at: new Date(a.at).toISOString(),
      outcome: a.outcome as 'sent' | 'deferred' | 'failed',
      detail: a.detail,
    })),
  };
}

export class NotificationService {
  private readonly rules: RuleCache;
  /** The periodic duty that sends (the lead starts it with the other jobs). */
  readonly sender: NotificationSender;

  constructor(
    readonly db: Db,
    readonly clock: Clock,
    readonly audit: AuditService,
    readonly outbound: OutboundSettings,
  ) {
    this.rules = new RuleCache(clock);
    this.sender = new NotificationSender(db, clock, outbound);
  }

  /**
   * Queues one delivery per rule that announces this change of the alert, in the caller's transaction: rules for
   * the alert's client (or every client, or its team's clients) and severity; the end of an alert goes to the rules
   * that announced it. A replay of the same change queues nothing more. Cheap when no rule matches: the rules come
   * from memory and nothing is written.
   */
  queueFor(trx: Db, alert: AlertRow, event: AlertChange): Promise<number> {
    return this.queueForMany(trx, [{ alert, event }]);
  }

  /**
   * `queueFor` for a batch of changes (an ingest batch's new alerts): one insert for all of them, and one query for
   * the rules that announced the alerts that end. Use it where the engine handles many alerts at once.
   */
  async queueForMany(trx: Db, changes: readonly { alert: AlertRow; event: AlertChange }[]): Promise<number> {
    const rules = await this.rules.get(trx);
    if (rules.length === 0 || changes.length === 0) return 0;
    const ending = changes.filter((c) => c.event === 'resolved').map((c) => c.alert.id);
    const announced = new Set(
      ending.length === 0 ? [] : (await rulesThatAnnounced(trx, ending)).map((r) => `${r.alert_id}/${r.rule_id}`),
    );
    const at = this.clock.now().toISOString();
    const rows: NotificationDeliveryRow[] = [];
    for (const { alert, event } of changes) {
      for (const rule of rules) {
        const announces =
          event === 'resolved'
            ? rule.enabled && announced.has(`${alert.id}/${rule.id}`)
            : ruleMatches(rule, alert.client_id, alert.severity);
        if (!announces) continue;
        rows.push({
          id: newId(),
          rule_id: rule.id,
          alert_id: alert.id,
          client_id: alert.client_id,
          change_seq: alert.change_seq,
          repeat_no: 0,
          event,
          status: 'pending',
          attempts: 0,
          next_attempt_at: at,
          last_error: null,
          created_at: at,
          sent_at: null,
        });
      }
    }
    return insertDeliveries(trx, rows);
  }

  /** Deliveries waiting to be sent or tried again: a Prometheus gauge. */
  pendingCount(): Promise<number> {
    return countPendingDeliveries(this.db);
  }

  async listRules(ctx: Ctx): Promise<{ items: NotificationRuleView[] }> {
    const scope = assertCanReadNotifications(ctx.actor);
    return { items: (await listRules(this.db, scope)).map(presentRule) };
  }

  async createRule(ctx: Ctx, input: NotificationRuleInput): Promise<NotificationRuleView> {
    assertCanWriteNotificationRules(ctx.actor);
    const fields = checkedRule(input);
    await this.assertReferencesExist(fields);
    const row = ruleRow(newId(), this.clock.now().toISOString(), fields);
    await this.db.transaction().execute(async (trx) => {
      await insertRule(trx, row);
      await this.audit.record(trx, ctx, {
        action: 'create',
        objectType: 'notification_rule',
        objectId: row.id,
        clientId: row.client_id,
        after: auditedRule(presentRule(row)),
      });
    });
    this.rules.invalidate();
    return presentRule(row);
  }

  async updateRule(ctx: Ctx, ruleId: string, patch: NotificationRulePatch): Promise<NotificationRuleView> {
    const before = await this.reachableRule(ctx, ruleId);
    assertCanWriteNotificationRules(ctx.actor);
    const { id: _id, createdAt, ...current } = presentRule(before);
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const fields = checkedRule({ ...current, ...defined } as RuleFields);
    await this.assertReferencesExist(fields);
    const row = ruleRow(ruleId, before.created_at, fields);
    await this.db.transaction().execute(async (trx) => {
      await updateRule(trx, row);
      await this.audit.record(trx, ctx, {
        action: 'update',
        objectType: 'notification_rule',
        objectId: ruleId,
        clientId: row.client_id ?? before.client_id,
        before: auditedRule(presentRule(before)),
        after: auditedRule(presentRule(row)),
      });
    });
    this.rules.invalidate();
    return { ...presentRule(row), createdAt };
  }

  /** Deletes the rule with its deliveries and their log. */
  async deleteRule(ctx: Ctx, ruleId: string): Promise<void> {
    const before = await this.reachableRule(ctx, ruleId);
    assertCanWriteNotificationRules(ctx.actor);
    await this.db.transaction().execute(async (trx) => {
      await deleteRule(trx, ruleId);
      await this.audit.record(trx, ctx, {
        action: 'delete',
        objectType: 'notification_rule',
        objectId: ruleId,
        clientId: before.client_id,
        before: auditedRule(presentRule(before)),
      });
    });
    this.rules.invalidate();
  }

  async listDeliveries(ctx: Ctx, query: NotificationDeliveryQuery): Promise<Page<NotificationDeliveryView>> {
    const scope = assertCanReadNotifications(ctx.actor);
    const result = await listDeliveries(this.db, scope, query);
    const attempts = await attemptsOfDeliveries(
      this.db,
      result.rows.map((r) => r.id),
    );
    const byDelivery = new Map<string, Attempt[]>();
    for (const a of attempts) byDelivery.set(a.delivery_id, [...(byDelivery.get(a.delivery_id) ?? []), a]);
    return result.page((row) => presentDelivery(row, byDelivery.get(row.id) ?? []));
  }

  /** A failed delivery is queued again with a fresh set of tries. */
  async retryDelivery(ctx: Ctx, deliveryId: string): Promise<NotificationDeliveryView> {
    const row = await this.reachableDelivery(ctx, deliveryId);
    if (row.status === 'sent') throw conflict('This notification was already sent');
    if (row.status === 'pending') throw conflict('This notification is queued: it is sent at its next try');
    await this.db.transaction().execute(async (trx) => {
      if (!(await requeueDelivery(trx, row.id, this.clock.now().toISOString()))) {
        throw conflict('This notification changed meanwhile; reload it');
      }
      await this.audit.record(trx, ctx, {
        action: 'retry',
        objectType: 'notification_delivery',
        objectId: row.id,
        clientId: row.client_id,
        before: { status: row.status },
        after: { status: 'pending' },
      });
    });
    const after = await this.reachableDelivery(ctx, deliveryId);
    return presentDelivery(after, await attemptsOfDeliveries(this.db, [after.id]));
  }

  private async reachableRule(ctx: Ctx, ruleId: string) {
    const scope = assertCanReadNotifications(ctx.actor);
    const row = await findRule(this.db, ruleId);
    if (!row || !reachesRule(scope, row.client_id)) throw notFound('Notification rule');
    return row;
  }

  private async reachableDelivery(ctx: Ctx, deliveryId: string) {
    const scope = assertCanReadNotifications(ctx.actor);
    const row = await findDelivery(this.db, deliveryId);
    if (!row || !(scope === 'all' || scope.includes(row.client_id))) throw notFound('Notification');
    return row;
  }

  private async assertReferencesExist(fields: RuleFields): Promise<void> {
    const problems = [];
    if (fields.clientId && !(await clientExists(this.db, fields.clientId))) {
      problems.push({ path: ['clientId'], message: 'no such client' });
    }
    if (fields.teamId && !(await teamExists(this.db, fields.teamId))) {
      problems.push({ path: ['teamId'], message: 'no such team' });
    }
    if (problems.length > 0) throw invalidFields(problems);
  }
}
