import type { AgentView, EnrollmentView } from '@vigie/contracts';
import { EnrollmentInput } from '@vigie/contracts';
import type { z } from 'zod';
import type { Ctx } from '../../../core/actor.js';
import type { Clock } from '../../../core/clock.js';
import { invalid, notFound } from '../../../core/errors.js';
import { newId } from '../../../core/ids.js';
import type { Db } from '../../../db/connection.js';
import type { AuditService } from '../../audit/audit.service.js';
import { assertCanOperateMonitoring, assertCanReadMonitoring, monitoringReadScope } from '../monitoring.policy.js';
import { newEnrollmentToken } from './agent-credentials.js';
import {
  type AgentListRow,
  bumpAgentConfig,
  findAgent,
  findEnrollment,
  insertEnrollment,
  listAgentRows,
  listEnrollmentRows,
  revokeEnrollmentRow,
  updateAgent,
} from './agents.repository.js';
import { installCommand } from './install-command.js';

/**
 * Agents as the console manages them: enrollment tokens (per client, expiring, shown once with the one-line install
 * command), the agent list with versions and last contact, revocation and credential rotation.
 */
export class AgentService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly offlineSeconds: number,
  ) {}

  async createEnrollment(ctx: Ctx, input: z.input<typeof EnrollmentInput>, serverUrl = 'http://localhost:8080') {
    const values = EnrollmentInput.parse(input);
    assertCanOperateMonitoring(ctx.actor, values.clientId, 'Client');
    const client = await this.db
      .selectFrom('clients')
      .select(['id', 'name'])
      .where('id', '=', values.clientId)
      .executeTakeFirst();
    if (!client) throw notFound('Client');
    if (values.siteId) {
      const site = await this.db
        .selectFrom('sites')
        .select('client_id')
        .where('id', '=', values.siteId)
        .executeTakeFirst();
      if (site?.client_id !== values.clientId)
        throw invalid('unknown site', [{ path: ['siteId'], message: 'no such site at this client' }]);
    }
    const now = this.clock.now();
    const token = newEnrollmentToken();
    const row = {
      id: newId(),
      client_id: values.clientId,
      site_id: values.siteId ?? null,
      label: values.label,
      token_hash: token.hash,
      expires_at: new Date(now.getTime() + values.expiresInHours * 3_600_000).toISOString(),
      uses: 0,
      revoked_at: null,
      created_by: ctx.actor.userId,
      created_at: now.toISOString(),
    };
    await this.db.transaction().execute(async (trx) => {
      await insertEnrollment(trx, row);
      await this.audit.record(trx, ctx, {
        action: 'create',
        objectType: 'agent_enrollment',
        objectId: row.id,
        clientId: row.client_id,
        after: { label: row.label, expiresAt: row.expires_at },
      });
    });
    return {
      ...presentEnrollment({ ...row, client_name: client.name }),
      token: token.secret,
      installCommand: installCommand(serverUrl, token.secret),
    };
  }

  async listEnrollments(ctx: Ctx, clientId?: string): Promise<{ items: EnrollmentView[] }> {
    const rows = await listEnrollmentRows(this.db, monitoringReadScope(ctx.actor), clientId);
    return { items: rows.map(presentEnrollment) };
  }

  async revokeEnrollment(ctx: Ctx, enrollmentId: string): Promise<EnrollmentView> {
    const row = await findEnrollment(this.db, enrollmentId);
    if (!row) throw notFound('Enrollment');
    assertCanOperateMonitoring(ctx.actor, row.client_id, 'Enrollment');
    const at = this.clock.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await revokeEnrollmentRow(trx, enrollmentId, at);
      await this.audit.record(trx, ctx, {
        action: 'update',
        objectType: 'agent_enrollment',
        objectId: enrollmentId,
        clientId: row.client_id,
        after: { revokedAt: at },
      });
    });
    const items = await listEnrollmentRows(this.db, 'all', row.client_id);
    const found = items.find((r) => r.id === enrollmentId);
    if (!found) throw notFound('Enrollment');
    return presentEnrollment(found);
  }

  async list(ctx: Ctx, clientId?: string): Promise<{ items: AgentView[] }> {
    const rows = await listAgentRows(this.db, monitoringReadScope(ctx.actor), clientId);
    return { items: rows.map((row) => this.present(row)) };
  }

  async get(ctx: Ctx, agentId: string): Promise<AgentView> {
    const rows = await this.db.selectFrom('agents').select('client_id').where('id', '=', agentId).executeTakeFirst();
    if (!rows) throw notFound('Agent');
    assertCanReadMonitoring(ctx.actor, rows.client_id, 'Agent');
    const [row] = (await listAgentRows(this.db, 'all', rows.client_id)).filter((r) => r.id === agentId);
    if (!row) throw notFound('Agent');
    return this.present(row);
  }

  /** Revoked at once: the agent's next call is refused; its checks stop raising (no "offline" alert for it). */
  async revoke(ctx: Ctx, agentId: string): Promise<AgentView> {
    const agent = await findAgent(this.db, agentId);
    if (!agent) throw notFound('Agent');
    assertCanOperateMonitoring(ctx.actor, agent.client_id, 'Agent');
    const at = this.clock.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await updateAgent(trx, agentId, { status: 'revoked', revoked_at: at });
      await trx.updateTable('checks').set({ enabled: 0 }).where('agent_id', '=', agentId).execute();
      await this.audit.record(trx, ctx, {
        action: 'update',
        objectType: 'agent',
        objectId: agentId,
        clientId: agent.client_id,
        after: { status: 'revoked' },
      });
    });
    return this.get(ctx, agentId);
  }

  /** Asks the agent to change its credential at its next contact (it calls POST /agent/rotate). */
  async requestRotation(ctx: Ctx, agentId: string): Promise<AgentView> {
    const agent = await findAgent(this.db, agentId);
    if (!agent) throw notFound('Agent');
    assertCanOperateMonitoring(ctx.actor, agent.client_id, 'Agent');
    await this.db.transaction().execute(async (trx) => {
      await updateAgent(trx, agentId, { rotate_requested: 1 });
      await bumpAgentConfig(trx, agentId);
      await this.audit.record(trx, ctx, {
        action: 'update',
        objectType: 'agent',
        objectId: agentId,
        clientId: agent.client_id,
        after: { rotation: 'requested' },
      });
    });
    return this.get(ctx, agentId);
  }

  present(row: AgentListRow): AgentView {
    const online =
      row.status === 'active' &&
      row.last_seen_at !== null &&
      this.clock.now().getTime() - new Date(row.last_seen_at).getTime() <= this.offlineSeconds * 1000;
    return {
      id: row.id,
      clientId: row.client_id,
      clientName: row.client_name,
      assetId: row.asset_id,
      assetName: row.asset_name,
      hostname: row.hostname,
      status: row.status === 'revoked' ? 'revoked' : 'active',
      online,
      version: row.version,
      os: row.os,
      lastSeenAt: row.last_seen_at,
      enrolledAt: row.enrolled_at,
    };
  }
}

function presentEnrollment(row: {
  id: string;
  client_id: string;
  client_name: string;
  label: string;
  expires_at: string;
  uses: number;
  revoked_at: string | null;
  created_at: string;
}): EnrollmentView {
  return {
    id: row.id,
    clientId: row.client_id,
    clientName: row.client_name,
    label: row.label,
    expiresAt: row.expires_at,
    uses: row.uses,
    revoked: row.revoked_at !== null,
    createdAt: row.created_at,
  };
}
