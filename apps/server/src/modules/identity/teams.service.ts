import type { Team, TeamInput } from '@vigie/contracts';
import { type Ctx, clientScopeOf } from '../../core/actor.js';
import type { Clock } from '../../core/clock.js';
import { conflict, invalid, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { Db } from '../../db/connection.js';
import type { AuditService } from '../audit/audit.service.js';
import type { ClientDirectory } from '../clients/client-directory.js';
import { assertCanManageTeams, assertCanReadTeams } from './identity.policy.js';
import {
  deleteTeam,
  findTeam,
  findTeamByName,
  insertTeam,
  listTeams,
  nonStaffUserIds,
  setTeamLinks,
  updateTeam,
} from './teams.repository.js';

/** Teams are the technicians' queues and decide which clients a technician sees. */
export class TeamService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly clients: ClientDirectory,
  ) {}

  /** Every staff member sees the teams; only managers see which clients a team serves beyond their own. */
  async list(ctx: Ctx): Promise<Team[]> {
    assertCanReadTeams(ctx.actor);
    const scope = clientScopeOf(ctx.actor);
    const teams = await listTeams(this.db);
    return scope === 'all'
      ? teams
      : teams.map((t) => ({ ...t, clientIds: t.clientIds.filter((id) => scope.includes(id)) }));
  }

  async create(ctx: Ctx, input: TeamInput): Promise<Team> {
    assertCanManageTeams(ctx.actor);
    await this.check(input);
    if (await findTeamByName(this.db, input.name)) throw conflict(`A team named ${input.name} already exists`);
    const now = this.clock.now().toISOString();
    const id = newId();
    const team: Team = {
      id,
      name: input.name,
      description: input.description,
      memberIds: input.memberIds,
      clientIds: input.clientIds,
    };
    await this.db.transaction().execute(async (trx) => {
      await insertTeam(trx, { id, name: input.name, description: input.description, created_at: now, updated_at: now });
      await setTeamLinks(trx, id, input.memberIds, input.clientIds);
      await this.audit.record(trx, ctx, {
        action: 'create',
        objectType: 'team',
        objectId: id,
        clientId: null,
        after: team,
      });
    });
    return team;
  }

  async update(ctx: Ctx, id: string, patch: Partial<TeamInput>): Promise<Team> {
    assertCanManageTeams(ctx.actor);
    const current = await findTeam(this.db, id);
    if (!current) throw notFound('Team');
    const next: Team = { ...current, ...patch, id };
    await this.check(next);
    if (next.name !== current.name && (await findTeamByName(this.db, next.name))) {
      throw conflict(`A team named ${next.name} already exists`);
    }
    await this.db.transaction().execute(async (trx) => {
      await updateTeam(trx, id, {
        name: next.name,
        description: next.description,
        updated_at: this.clock.now().toISOString(),
      });
      await setTeamLinks(trx, id, next.memberIds, next.clientIds);
      await this.audit.record(trx, ctx, {
        action: 'update',
        objectType: 'team',
        objectId: id,
        clientId: null,
        before: current,
        after: next,
      });
    });
    return next;
  }

  async remove(ctx: Ctx, id: string): Promise<void> {
    assertCanManageTeams(ctx.actor);
    const current = await findTeam(this.db, id);
    if (!current) throw notFound('Team');
    await this.db.transaction().execute(async (trx) => {
      await deleteTeam(trx, id);
      await this.audit.record(trx, ctx, {
        action: 'delete',
        objectType: 'team',
        objectId: id,
        clientId: null,
        before: current,
      });
    });
  }

  private async check(input: { memberIds: readonly string[]; clientIds: readonly string[] }): Promise<void> {
    const problems = [];
    for (const id of await nonStaffUserIds(this.db, input.memberIds)) {
      problems.push({ path: ['memberIds', input.memberIds.indexOf(id)], message: 'not a provider staff member' });
    }
    for (const [i, clientId] of input.clientIds.entries()) {
      if (!(await this.clients.exists(clientId))) problems.push({ path: ['clientIds', i], message: 'no such client' });
    }
    if (problems.length > 0) throw invalid('the team refers to unknown people or clients', problems);
  }
}
