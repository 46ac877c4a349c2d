import {
  CheckInput,
  type CheckListQuery,
  type CheckPatch,
  type CheckView,
  type Page,
  SERVER_CHECK_KINDS,
} from '@vigie/contracts';
import type { z } from 'zod';
import type { Ctx } from '../../../core/actor.js';
import type { Clock } from '../../../core/clock.js';
import { invalid, notFound } from '../../../core/errors.js';
import { newId } from '../../../core/ids.js';
import type { Db } from '../../../db/connection.js';
import { toJson } from '../../../db/dialect.js';
import { decodeCursor, toPage } from '../../../db/pagination.js';
import type { CheckRow } from '../../../db/schema-monitoring.js';
import type { AuditService } from '../../audit/audit.service.js';
import { bumpAgentConfig, findAgentOfAsset } from '../agent/agents.repository.js';
import type { MaintenanceLookup } from '../engine/maintenance-lookup.js';
import { assertCanOperateMonitoring, assertCanReadMonitoring, monitoringReadScope } from '../monitoring.policy.js';
import { assetForMonitoring } from '../monitoring-lookups.repository.js';
import { presentCheck } from './check-presenter.js';
import { firstRunAt } from './check-schedule.js';
import {
  type CheckWithNames,
  deleteCheckRow,
  findCheckWithNames,
  insertCheck,
  listCheckRows,
  updateCheckRow,
} from './checks.repository.js';

const SERVER_KINDS: readonly string[] = SERVER_CHECK_KINDS;
const AGENT_KINDS = ['plugin', 'service'];

type CheckValues = z.output<typeof CheckInput>;
type CheckPatchValues = z.output<typeof CheckPatch>;

/** Checks: what is watched on each asset, how often, and how many failures make a problem real. */
export class CheckService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly maintenance: MaintenanceLookup,
  ) {}

  async list(ctx: Ctx, query: z.output<typeof CheckListQuery>): Promise<Page<CheckView>> {
    const scope = monitoringReadScope(ctx.actor);
    const cursor = decodeCursor(query.cursor);
    const rows = await listCheckRows(this.db, { scope, ...query }, cursor, query.limit);
    const views = await Promise.all(rows.map((row) => this.present(row)));
    const byId = new Map(views.map((v) => [v.id, v]));
    return toPage(
      rows,
      query.limit,
      (row) => byId.get(row.id) as CheckView,
      (row) => ({ after: `${row.rank}|${row.name}`, id: row.id }),
    );
  }

  async get(ctx: Ctx, checkId: string): Promise<CheckView> {
    const row = await findCheckWithNames(this.db, checkId);
    if (!row) throw notFound('Check');
    assertCanReadMonitoring(ctx.actor, row.client_id, 'Check');
    return this.present(row);
  }

  /** The row behind a check the caller may configure. */
  async operable(ctx: Ctx, checkId: string): Promise<CheckWithNames> {
    const row = await findCheckWithNames(this.db, checkId);
    if (!row) throw notFound('Check');
    assertCanOperateMonitoring(ctx.actor, row.client_id, 'Check');
    return row;
  }

  async create(ctx: Ctx, input: z.input<typeof CheckInput>): Promise<CheckView> {
    const values = CheckInput.parse(input);
    const asset = await assetForMonitoring(this.db, values.assetId);
    if (!asset) throw invalid('unknown asset', [{ path: ['assetId'], message: 'no such asset' }]);
    assertCanOperateMonitoring(ctx.actor, asset.client_id, 'Asset');
    const kind = values.config.kind;
    if (kind === 'heartbeat') {
      throw invalid('the heartbeat check comes with the agent', [
        { path: ['config', 'kind'], message: 'created by enrolling an agent' },
      ]);
    }
    const agent = AGENT_KINDS.includes(kind) ? await findAgentOfAsset(this.db, asset.id) : undefined;
    if (AGENT_KINDS.includes(kind) && (!agent || agent.status !== 'active')) {
      throw invalid('this asset has no agent: enroll it first', [
        { path: ['config', 'kind'], message: 'needs an agent on the asset' },
      ]);
    }
    const now = this.clock.now();
    const id = newId();
    const row: CheckRow = {
      id,
      client_id: asset.client_id,
      asset_id: asset.id,
      agent_id: agent?.id ?? null,
      kind,
      name: values.name,
      config: toJson(values.config),
      host_check: (values.hostCheck ?? kind === 'icmp') ? 1 : 0,
      interval_seconds: values.intervalSeconds,
      timeout_ms: values.timeoutMs,
      max_attempts: values.maxAttempts,
      enabled: values.enabled ? 1 : 0,
      status: 'pending',
      hard: 1,
      attempt: 1,
      reachability: 'up',
      flapping: 0,
      history: '',
      output: null,
      latency_ms: null,
      last_result_at: null,
      state_since: now.toISOString(),
      next_run_at: SERVER_KINDS.includes(kind) ? firstRunAt(id, values.intervalSeconds, now).toISOString() : null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
    await this.db.transaction().execute(async (trx) => {
      await insertCheck(trx, row);
      if (row.agent_id) await bumpAgentConfig(trx, row.agent_id);
      await this.audit.record(trx, ctx, {
        action: 'create',
        objectType: 'check',
        objectId: id,
        clientId: row.client_id,
        after: { name: row.name, kind, assetId: row.asset_id },
      });
    });
    return this.get(ctx, id);
  }

  async update(ctx: Ctx, checkId: string, patch: CheckPatchValues): Promise<CheckView> {
    const current = await this.operable(ctx, checkId);
    if (patch.config && patch.config.kind !== current.kind) {
      throw invalid('a check keeps its kind: create another check', [
        { path: ['config', 'kind'], message: `this check is ${current.kind}` },
      ]);
    }
    const now = this.clock.now();
    const set: Partial<CheckRow> = { updated_at: now.toISOString() };
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.config !== undefined) set.config = toJson(patch.config);
    if (patch.timeoutMs !== undefined) set.timeout_ms = patch.timeoutMs;
    if (patch.maxAttempts !== undefined) set.max_attempts = patch.maxAttempts;
    if (patch.hostCheck !== undefined) set.host_check = patch.hostCheck ? 1 : 0;
    if (patch.enabled !== undefined) set.enabled = patch.enabled ? 1 : 0;
    if (patch.intervalSeconds !== undefined) {
      set.interval_seconds = patch.intervalSeconds;
      if (SERVER_KINDS.includes(current.kind)) {
        set.next_run_at = firstRunAt(checkId, patch.intervalSeconds, now).toISOString();
      }
    }
    await this.db.transaction().execute(async (trx) => {
      await updateCheckRow(trx, checkId, set);
      if (current.agent_id) await bumpAgentConfig(trx, current.agent_id);
      await this.audit.record(trx, ctx, {
        action: 'update',
        objectType: 'check',
        objectId: checkId,
        clientId: current.client_id,
        before: { name: current.name, enabled: current.enabled === 1, intervalSeconds: current.interval_seconds },
        after: {
          name: set.name ?? current.name,
          enabled: (set.enabled ?? current.enabled) === 1,
          intervalSeconds: set.interval_seconds ?? current.interval_seconds,
        },
      });
    });
    return this.get(ctx, checkId);
  }

  async remove(ctx: Ctx, checkId: string): Promise<void> {
    const current = await this.operable(ctx, checkId);
    await this.db.transaction().execute(async (trx) => {
      await deleteCheckRow(trx, checkId);
      if (current.agent_id) await bumpAgentConfig(trx, current.agent_id);
      await this.audit.record(trx, ctx, {
        action: 'delete',
        objectType: 'check',
        objectId: checkId,
        clientId: current.client_id,
        before: { name: current.name, kind: current.kind, assetId: current.asset_id },
      });
    });
  }

  async present(row: CheckWithNames): Promise<CheckView> {
    const ref = { clientId: row.client_id, siteId: row.site_id, assetId: row.asset_id, checkId: row.id };
    const window = await this.maintenance.activeAt(ref, this.clock.now());
    return presentCheck(row, window !== null);
  }
}
