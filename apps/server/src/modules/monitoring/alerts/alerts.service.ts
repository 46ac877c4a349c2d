import type { AlertDetail, AlertListQuery, AlertSummary, BoardSummary, Page } from '@vigie/contracts';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Ctx } from '../../../core/actor.js';
import type { Clock } from '../../../core/clock.js';
import { conflict, notFound } from '../../../core/errors.js';
import { newId } from '../../../core/ids.js';
import type { Db } from '../../../db/connection.js';
import { decodeCursor, nonEmpty, toPage } from '../../../db/pagination.js';
import type { AuditService } from '../../audit/audit.service.js';
import { checkStatusCounts } from '../checks/checks.repository.js';
import type { EngineOutcome } from '../engine/check-engine.js';
import { assertCanOperateMonitoring, assertCanReadMonitoring, monitoringReadScope } from '../monitoring.policy.js';
import { presentAlert } from './alert-presenter.js';
import {
  alertEvents,
  alertsWithNames,
  findAlert,
  findAlertWithNames,
  insertAlertEvent,
  listAlertRows,
  openAlertCounts,
  updateAlertRow,
} from './alerts.repository.js';
import type { BoardBus } from './board-bus.js';

/** The alert board: lists, one alert's timeline, acknowledging and notes, the summary tiles, the live feed. */
export class AlertService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    readonly bus: BoardBus,
    private readonly offlineSeconds: number,
  ) {}

  async list(ctx: Ctx, query: z.output<typeof AlertListQuery>): Promise<Page<AlertSummary>> {
    const scope = monitoringReadScope(ctx.actor);
    const rows = await listAlertRows(this.db, { scope, ...query }, decodeCursor(query.cursor), query.limit);
    return toPage(rows, query.limit, presentAlert, (row) => ({ after: row.opened_at, id: row.id }));
  }

  async get(ctx: Ctx, alertId: string): Promise<AlertDetail> {
    const row = await findAlertWithNames(this.db, alertId);
    if (!row) throw notFound('Alert');
    assertCanReadMonitoring(ctx.actor, row.client_id, 'Alert');
    const events = await alertEvents(this.db, alertId);
    return {
      ...presentAlert(row),
      events: events.map((e) => ({ id: e.id, at: e.at, kind: e.kind, userName: e.user_name ?? null, body: e.body })),
    };
  }

  /** "I am on it": stops repeat notifications; once only. */
  async acknowledge(ctx: Ctx, alertId: string, comment?: string): Promise<AlertDetail> {
    const alert = await findAlert(this.db, alertId);
    if (!alert) throw notFound('Alert');
    assertCanOperateMonitoring(ctx.actor, alert.client_id, 'Alert');
    if (alert.acknowledged_at) throw conflict('This alert is already acknowledged');
    if (alert.status !== 'open') throw conflict('A resolved alert needs no acknowledgement');
    const at = this.clock.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await updateAlertRow(trx, alertId, { acknowledged_at: at, acknowledged_by: ctx.actor.userId, updated_at: at });
      await insertAlertEvent(trx, {
        id: newId(),
        alert_id: alertId,
        at,
        kind: 'acknowledged',
        user_id: ctx.actor.userId,
        body: comment ?? null,
      });
      await this.audit.record(trx, ctx, {
        action: 'update',
        objectType: 'alert',
        objectId: alertId,
        clientId: alert.client_id,
        after: { acknowledged: true },
      });
    });
    await this.publish([alertId]);
    return this.get(ctx, alertId);
  }

  async addNote(ctx: Ctx, alertId: string, body: string): Promise<AlertDetail> {
    const alert = await findAlert(this.db, alertId);
    if (!alert) throw notFound('Alert');
    assertCanOperateMonitoring(ctx.actor, alert.client_id, 'Alert');
    const at = this.clock.now().toISOString();
    await insertAlertEvent(this.db, {
      id: newId(),
      alert_id: alertId,
      at,
      kind: 'comment',
      user_id: ctx.actor.userId,
      body,
    });
    return this.get(ctx, alertId);
  }

  async summary(ctx: Ctx): Promise<BoardSummary> {
    const scope = monitoringReadScope(ctx.actor);
    const result: BoardSummary = {
      openAlerts: { critical: 0, warning: 0, unknown: 0 },
      unacknowledged: 0,
      checks: { ok: 0, warning: 0, critical: 0, unknown: 0, pending: 0, unreachable: 0 },
      agents: { online: 0, offline: 0 },
    };
    for (const row of await openAlertCounts(this.db, scope)) {
      const severity = row.severity as keyof BoardSummary['openAlerts'];
      if (severity in result.openAlerts) result.openAlerts[severity] += Number(row.n);
      result.unacknowledged += Number(row.unacknowledged ?? 0);
    }
    for (const row of await checkStatusCounts(this.db, scope)) {
      const key =
        row.reachability === 'unreachable' && row.status !== 'ok'
          ? 'unreachable'
          : (row.status as keyof BoardSummary['checks']);
      if (key in result.checks) result.checks[key] += Number(row.n);
    }
    const since = new Date(this.clock.now().getTime() - this.offlineSeconds * 1000).toISOString();
    let agents = this.db
      .selectFrom('agents')
      .select([
        (eb) => eb.fn.countAll<number>().as('total'),
        sql<number>`sum(case when last_seen_at >= ${since} then 1 else 0 end)`.as('online'),
      ])
      .where('status', '=', 'active');
    if (scope !== 'all') agents = agents.where('client_id', 'in', nonEmpty(scope));
    const counted = await agents.executeTakeFirst();
    result.agents.online = Number(counted?.online ?? 0);
    result.agents.offline = Number(counted?.total ?? 0) - result.agents.online;
    return result;
  }

  /** After a commit: the changed alerts and checks go to the live boards. */
  async publishOutcome(outcome: EngineOutcome): Promise<void> {
    if (this.bus.listeners === 0) return;
    for (const change of outcome.checkChanges)
      this.bus.publish({ type: 'check', ...change, status: change.status as 'ok' });
    await this.publish(outcome.alertIds);
  }

  private async publish(alertIds: readonly string[]): Promise<void> {
    if (alertIds.length === 0 || this.bus.listeners === 0) return;
    for (const row of await alertsWithNames(this.db, [...new Set(alertIds)])) {
      this.bus.publish({ type: 'alert', alert: presentAlert(row) });
    }
  }
}
