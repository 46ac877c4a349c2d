import {
  type AlertAction,
  alertAction,
  alertImpact,
  alertUrgency,
  type CheckStatus,
  type CheckTransition,
} from '@vigie/domain';
import { newId } from '../../../core/ids.js';
import type { Db } from '../../../db/connection.js';
import { nextCounterValue } from '../../../db/counters.js';
import type { AlertRow } from '../../../db/schema-monitoring.js';
import type { AlertTickets } from '../../tickets/alert-tickets.js';
import { alertSummary, alertTitle, formatDuration } from '../engine/alert-texts.js';
import { insertAlert, insertAlertEvent, latestAlert, updateAlertRow } from './alerts.repository.js';

/** Where notifications of alert changes are queued (in the same transaction as the change). */
export interface AlertNotifier {
  queueFor(trx: Db, alert: AlertRow, event: 'opened' | 'severity' | 'resolved'): Promise<number>;
}

export interface AlertSubject {
  checkId: string;
  checkName: string;
  clientId: string;
  assetId: string;
  assetName: string;
  criticality: number;
}

/**
 * Turns a check's hard transitions into alerts and their tickets (DOMAIN §6): one open alert per fingerprint, one
 * incident per alert, the same ticket again within the reopen window, the ticket resolved on recovery only when no
 * person worked on it. Answers the alert it touched (for the live board), if any.
 */
export class AlertRaiser {
  constructor(
    private readonly alertTickets: AlertTickets,
    private readonly notifier: AlertNotifier,
    private readonly reopenWindowMs: number,
  ) {}

  async onTransition(
    trx: Db,
    subject: AlertSubject,
    transition: CheckTransition,
    status: CheckStatus,
    output: string,
    now: Date,
  ): Promise<string | null> {
    const fingerprint = subject.checkId;
    const last = await latestAlert(trx, fingerprint);
    const worked =
      last?.ticket_id && transition === 'recovery'
        ? await this.alertTickets.workedByPerson(trx, last.ticket_id)
        : false;
    const action: AlertAction = alertAction(
      last
        ? {
            status: last.status as 'open' | 'resolved',
            resolvedAt: last.resolved_at ? new Date(last.resolved_at) : null,
            ticketId: last.ticket_id,
          }
        : null,
      transition,
      now,
      { reopenWindowMs: this.reopenWindowMs, ticketWorkedByPerson: worked },
    );
    const at = now.toISOString();
    const severity = status === 'ok' ? 'warning' : status;
    switch (action.kind) {
      case 'none':
        return null;
      case 'open': {
        const alert = await this.open(
          trx,
          subject,
          fingerprint,
          'problem',
          severity,
          alertSummary(subject.checkName, output),
          at,
        );
        // Within the reopen window the same ticket takes the problem again (a closed one cannot: a new one then).
        const reopened =
          action.ticket === 'reopen' &&
          (await this.alertTickets.reopen(
            trx,
            action.ticketId,
            `Alert #${alert.number}: the problem is back — ${alert.summary}`,
            { alertId: alert.id },
          ));
        const ticketId = reopened
          ? action.ticketId
          : (
              await this.alertTickets.open(trx, {
                clientId: subject.clientId,
                assetId: subject.assetId,
                title: alertTitle(severity, subject.assetName, subject.checkName),
                description: `${alert.summary}\n\nAlert #${alert.number} opened at ${at}.`,
                impact: alertImpact(subject.criticality),
                urgency: alertUrgency(severity),
                alertId: alert.id,
              })
            ).id;
        alert.ticket_id = ticketId;
        await updateAlertRow(trx, alert.id, { ticket_id: ticketId });
        await insertAlertEvent(trx, {
          id: newId(),
          alert_id: alert.id,
          at,
          kind: reopened ? 'reopened' : 'opened',
          user_id: null,
          body: alert.summary,
        });
        await this.notifier.queueFor(trx, alert, 'opened');
        return alert.id;
      }
      case 'update': {
        if (!last) return null;
        const summary = alertSummary(subject.checkName, output);
        const changed: AlertRow = { ...last, severity, summary, updated_at: at, change_seq: last.change_seq + 1 };
        await updateAlertRow(trx, last.id, { severity, summary, updated_at: at, change_seq: changed.change_seq });
        await insertAlertEvent(trx, {
          id: newId(),
          alert_id: last.id,
          at,
          kind: 'severity',
          user_id: null,
          body: summary,
        });
        if (last.ticket_id)
          await this.alertTickets.note(
            trx,
            last.ticket_id,
            `Alert #${last.number} is now ${severity.toUpperCase()}: ${summary}`,
            { alertId: last.id },
          );
        await this.notifier.queueFor(trx, changed, 'severity');
        return last.id;
      }
      case 'resolve': {
        if (!last) return null;
        return this.resolve(trx, last, output, now);
      }
    }
  }

  /** Closes an open alert (a recovery, or a flapping episode that ended). */
  async resolve(trx: Db, alert: AlertRow, output: string, now: Date): Promise<string> {
    const at = now.toISOString();
    const duration = formatDuration(now.getTime() - new Date(alert.opened_at).getTime());
    const resolved: AlertRow = {
      ...alert,
      status: 'resolved',
      resolved_at: at,
      updated_at: at,
      change_seq: alert.change_seq + 1,
    };
    await updateAlertRow(trx, alert.id, {
      status: 'resolved',
      resolved_at: at,
      updated_at: at,
      change_seq: resolved.change_seq,
    });
    const body = `Recovered after ${duration}${output.trim() ? `: ${output.trim().slice(0, 300)}` : ''}`;
    await insertAlertEvent(trx, { id: newId(), alert_id: alert.id, at, kind: 'resolved', user_id: null, body });
    if (alert.ticket_id && alert.kind === 'problem') {
      await this.alertTickets.recover(trx, alert.ticket_id, `Alert #${alert.number} — ${body}`, { alertId: alert.id });
    }
    await this.notifier.queueFor(trx, resolved, 'resolved');
    return alert.id;
  }

  /** A new open alert row (its ticket is attached by the caller). */
  async open(
    trx: Db,
    subject: AlertSubject,
    fingerprint: string,
    kind: 'problem' | 'flapping',
    severity: string,
    summary: string,
    at: string,
  ): Promise<AlertRow> {
    const row: AlertRow = {
      id: newId(),
      number: await nextCounterValue(trx, 'alert'),
      client_id: subject.clientId,
      asset_id: subject.assetId,
      check_id: subject.checkId,
      fingerprint,
      kind,
      status: 'open',
      severity,
      summary,
      opened_at: at,
      updated_at: at,
      resolved_at: null,
      ticket_id: null,
      acknowledged_at: null,
      acknowledged_by: null,
      change_seq: 1,
    };
    await insertAlert(trx, row);
    return row;
  }

  /** Flapping (DOMAIN §6): one alert for the episode, no ticket per change; it ends when the check settles. */
  async flapping(trx: Db, subject: AlertSubject, started: boolean, percent: number, now: Date): Promise<string | null> {
    const fingerprint = `${subject.checkId}:flapping`;
    const last = await latestAlert(trx, fingerprint);
    const at = now.toISOString();
    if (started) {
      if (last?.status === 'open') return null;
      const alert = await this.open(
        trx,
        subject,
        fingerprint,
        'flapping',
        'warning',
        `${subject.checkName}: flapping (${percent.toFixed(1)} % state change)`,
        at,
      );
      await insertAlertEvent(trx, {
        id: newId(),
        alert_id: alert.id,
        at,
        kind: 'opened',
        user_id: null,
        body: alert.summary,
      });
      await this.notifier.queueFor(trx, alert, 'opened');
      return alert.id;
    }
    if (last?.status !== 'open') return null;
    return this.resolve(trx, last, `settled (${percent.toFixed(1)} % state change)`, now);
  }
}
