import type { AgentConfig, EnrollRequest, EnrollResponse } from '@vigie/contracts';
import { type Ctx, systemActor } from '../../../core/actor.js';
import type { Clock } from '../../../core/clock.js';
import { AppError } from '../../../core/errors.js';
import { newId } from '../../../core/ids.js';
import type { Db } from '../../../db/connection.js';
import { fromJson, toJson } from '../../../db/dialect.js';
import type { AgentRow } from '../../../db/schema-monitoring.js';
import type { AssetService } from '../../assets/assets.service.js';
import type { AuditService } from '../../audit/audit.service.js';
import { agentCheckRows, heartbeatCheckOfAsset, insertCheck } from '../checks/checks.repository.js';
import { assetByName } from '../monitoring-lookups.repository.js';
import { hashOf, newAgentCredential } from './agent-credentials.js';
import {
  countEnrollmentUse,
  findAgentByCredential,
  findAgentOfAsset,
  findEnrollmentByHash,
  insertAgent,
  updateAgent,
} from './agents.repository.js';

/** How often agents measure and inventory, unless the installation says otherwise. */
export interface AgentCadence {
  metricsSeconds: number;
  inventoryHours: number;
  updatesHours: number;
  /** Silence after which an agent is offline (its heartbeat check goes critical). */
  offlineSeconds: number;
}

export const DEFAULT_AGENT_CADENCE: AgentCadence = {
  metricsSeconds: 60,
  inventoryHours: 6,
  updatesHours: 6,
  offlineSeconds: 300,
};

const enrollmentRefused = () =>
  new AppError(
    401,
    'enrollment_invalid',
    'This enrollment token is unknown, expired or revoked: create a new one in the console',
  );

/**
 * The agents' side of the API (DOMAIN §6): enrollment with an expiring per-client token, which gives the agent its
 * own credential (only its hash is kept); recognising an agent by its credential; the configuration it runs; the
 * credential rotation the console asks for.
 */
export class AgentApiService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly assets: AssetService,
    readonly cadence: AgentCadence = DEFAULT_AGENT_CADENCE,
  ) {}

  async enroll(input: EnrollRequest): Promise<EnrollResponse> {
    const now = this.clock.now();
    const enrollment = await findEnrollmentByHash(this.db, hashOf(input.token));
    if (!enrollment || enrollment.revoked_at || enrollment.expires_at <= now.toISOString()) throw enrollmentRefused();
    const ctx: Ctx = { actor: { ...systemActor, name: `Agent enrollment (${enrollment.label})` }, requestId: null };
    // A machine enrolled again (a reinstall) keeps its asset; its previous agent is retired.
    const existing = await assetByName(this.db, enrollment.client_id, input.hostname);
    const assetId =
      existing?.id ??
      (
        await this.assets.createMany(ctx, enrollment.client_id, [
          {
            clientId: enrollment.client_id,
            siteId: enrollment.site_id,
            name: input.hostname,
            type: 'server',
            criticality: 2,
            status: 'in_service',
            ownerContactId: null,
            vendorId: null,
            vendorContractRef: null,
            attributes: {},
            notes: `Enrolled by vigie-agent ${input.agentVersion} (${input.os.name}).`,
          },
        ])
      )[0];
    if (!assetId) throw new AppError(500, 'internal', 'the asset could not be created');
    const credential = newAgentCredential();
    const agent: AgentRow = {
      id: newId(),
      client_id: enrollment.client_id,
      asset_id: assetId,
      hostname: input.hostname,
      credential_hash: credential.hash,
      previous_credential_hash: null,
      rotate_requested: 0,
      status: 'active',
      version: input.agentVersion,
      os: input.os.name,
      last_seen_at: now.toISOString(),
      last_seq: 0,
      config_version: 1,
      enrolled_at: now.toISOString(),
      revoked_at: null,
    };
    await this.db.transaction().execute(async (trx) => {
      const previous = await findAgentOfAsset(trx, assetId);
      if (previous && previous.status === 'active') {
        await updateAgent(trx, previous.id, { status: 'revoked', revoked_at: now.toISOString() });
      }
      await insertAgent(trx, agent);
      if (previous) {
        await trx.updateTable('checks').set({ agent_id: agent.id }).where('agent_id', '=', previous.id).execute();
      }
      await this.ensureHeartbeat(trx, agent, now);
      await countEnrollmentUse(trx, enrollment.id);
      await this.audit.record(trx, ctx, {
        action: 'create',
        objectType: 'agent',
        objectId: agent.id,
        clientId: agent.client_id,
        after: { hostname: agent.hostname, assetId, version: agent.version, enrollment: enrollment.label },
      });
    });
    return { agentId: agent.id, assetId, credential: credential.secret, config: await this.configOf(this.db, agent) };
  }

  /** The agent behind a bearer credential; a revoked or unknown one is refused, each with its own code. */
  async authenticate(bearer: string | undefined): Promise<AgentRow> {
    const match = bearer ? /^Bearer\s+(\S+)$/i.exec(bearer) : null;
    if (!match?.[1])
      throw new AppError(401, 'agent_unknown', 'Agent credential missing: Authorization: Bearer <credential>');
    const hash = hashOf(match[1]);
    const agent = await findAgentByCredential(this.db, hash);
    if (!agent) throw new AppError(401, 'agent_unknown', 'Unknown agent credential: enroll this machine again');
    if (agent.status !== 'active') {
      throw new AppError(
        401,
        'agent_revoked',
        'This agent was revoked in the console: enroll the machine again to resume',
      );
    }
    if (agent.credential_hash === hash && agent.previous_credential_hash) {
      // The new credential is in use: the previous one stops working now.
      await updateAgent(this.db, agent.id, { previous_credential_hash: null });
    }
    return agent;
  }

  config(agent: AgentRow): Promise<AgentConfig> {
    return this.configOf(this.db, agent);
  }

  /** A new credential; the one used to ask stays valid until the new one is first used (a lost answer is harmless). */
  async rotate(agent: AgentRow, presented: string | undefined): Promise<{ credential: string }> {
    const credential = newAgentCredential();
    const usedHash = hashOf(/^Bearer\s+(\S+)$/i.exec(presented ?? '')?.[1] ?? '');
    await this.db.transaction().execute(async (trx) => {
      await updateAgent(trx, agent.id, {
        credential_hash: credential.hash,
        previous_credential_hash: usedHash,
        rotate_requested: 0,
        config_version: agent.config_version + 1,
      });
      await this.audit.record(
        trx,
        { actor: { ...systemActor, name: `Agent ${agent.hostname}` }, requestId: null },
        {
          action: 'update',
          objectType: 'agent',
          objectId: agent.id,
          clientId: agent.client_id,
          after: { credential: 'rotated' },
        },
      );
    });
    return { credential: credential.secret };
  }

  private async configOf(db: Db, agent: AgentRow): Promise<AgentConfig> {
    const checks = await agentCheckRows(db, agent.asset_id);
    const plugins: AgentConfig['plugins'] = [];
    const services: string[] = [];
    for (const check of checks) {
      const config = fromJson<{ kind: string; command?: string[]; unit?: string }>(check.config);
      if (config.kind === 'plugin' && config.command) {
        plugins.push({
          checkId: check.id,
          name: check.name,
          command: config.command,
          intervalSeconds: check.interval_seconds,
          timeoutSeconds: Math.max(1, Math.ceil(check.timeout_ms / 1000)),
        });
      }
      if (config.kind === 'service' && config.unit) services.push(config.unit);
    }
    return {
      version: agent.config_version,
      metricsSeconds: this.cadence.metricsSeconds,
      inventoryHours: this.cadence.inventoryHours,
      updatesHours: this.cadence.updatesHours,
      services,
      plugins,
      rotateCredential: agent.rotate_requested === 1,
    };
  }

  /** Every agent's asset gets one heartbeat check: silence past the limit is the agent going offline. */
  private async ensureHeartbeat(trx: Db, agent: AgentRow, now: Date): Promise<void> {
    const existing = await heartbeatCheckOfAsset(trx, agent.asset_id);
    const at = now.toISOString();
    if (existing) {
      await trx.updateTable('checks').set({ agent_id: agent.id, enabled: 1 }).where('id', '=', existing.id).execute();
      return;
    }
    await insertCheck(trx, {
      id: newId(),
      client_id: agent.client_id,
      asset_id: agent.asset_id,
      agent_id: agent.id,
      kind: 'heartbeat',
      name: 'Agent',
      config: toJson({ kind: 'heartbeat', silenceSeconds: this.cadence.offlineSeconds }),
      host_check: 1,
      interval_seconds: this.cadence.metricsSeconds,
      timeout_ms: 10_000,
      max_attempts: 1,
      enabled: 1,
      status: 'ok',
      hard: 1,
      attempt: 1,
      reachability: 'up',
      flapping: 0,
      history: 'o',
      output: 'Agent enrolled',
      latency_ms: null,
      last_result_at: at,
      state_since: at,
      next_run_at: null,
      created_at: at,
      updated_at: at,
    });
  }
}
