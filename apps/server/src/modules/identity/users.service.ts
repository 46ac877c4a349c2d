import type { CreateUser, UpdateUser, User } from '@vigie/contracts';
import type { Role } from '@vigie/domain';
import type { Ctx } from '../../core/actor.js';
import type { Clock } from '../../core/clock.js';
import { conflict, invalid, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { Db } from '../../db/connection.js';
import type { AuditService } from '../audit/audit.service.js';
import type { ClientDirectory } from '../clients/client-directory.js';
import { assertCanManageUsers, assertCanReadUsers, roleClientProblem } from './identity.policy.js';
import { hashPassword } from './secrets.js';
import { revokeSessionsOfUser } from './sessions.repository.js';
import { findUserByEmail, findUserById, insertUser, listUsers, presentUser, updateUser } from './users.repository.js';

export class UserService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly clients: ClientDirectory,
  ) {}

  list(ctx: Ctx, query: Parameters<typeof listUsers>[1]) {
    assertCanReadUsers(ctx.actor);
    return listUsers(this.db, query);
  }

  async get(ctx: Ctx, id: string): Promise<User> {
    assertCanReadUsers(ctx.actor);
    const row = await findUserById(this.db, id);
    if (!row) throw notFound('User');
    return presentUser(row);
  }

  async create(ctx: Ctx, input: CreateUser): Promise<User> {
    assertCanManageUsers(ctx.actor);
    await this.checkRoleAndClient(input.role, input.clientId);
    if (await findUserByEmail(this.db, input.email)) throw conflict(`A user with e-mail ${input.email} already exists`);
    const now = this.clock.now().toISOString();
    const row = {
      id: newId(),
      email: input.email,
      name: input.name,
      password_hash: await hashPassword(input.password),
      role: input.role,
      client_id: input.clientId,
      support_level: input.role === 'technician' ? (input.supportLevel ?? 1) : null,
      specialties: input.specialties,
      locale: input.locale,
      active: 1,
      last_login_at: null,
      created_at: now,
      updated_at: now,
    };
    const user = presentUser(row);
    await this.db.transaction().execute(async (trx) => {
      await insertUser(trx, row);
      await this.audit.record(trx, ctx, {
        action: 'create',
        objectType: 'user',
        objectId: row.id,
        clientId: row.client_id,
        after: user,
      });
    });
    return user;
  }

  /** Deactivating a user or changing their password ends their open sessions. */
  async update(ctx: Ctx, id: string, patch: UpdateUser): Promise<User> {
    assertCanManageUsers(ctx.actor);
    const current = await findUserById(this.db, id);
    if (!current) throw notFound('User');
    const role = (patch.role ?? current.role) as Role;
    const clientId = patch.clientId === undefined ? current.client_id : patch.clientId;
    await this.checkRoleAndClient(role, clientId);
    if (ctx.actor.userId === id && (patch.active === false || (patch.role && patch.role !== 'admin'))) {
      throw conflict('You cannot deactivate or demote yourself');
    }
    const now = this.clock.now().toISOString();
    const changes = {
      ...(patch.name !== undefined && { name: patch.name }),
      role,
      client_id: clientId,
      ...(patch.supportLevel !== undefined && { support_level: patch.supportLevel }),
      ...(patch.specialties !== undefined && { specialties: patch.specialties }),
      ...(patch.locale !== undefined && { locale: patch.locale }),
      ...(patch.active !== undefined && { active: patch.active ? 1 : 0 }),
      ...(patch.password !== undefined && { password_hash: await hashPassword(patch.password) }),
      updated_at: now,
    };
    const after = presentUser({ ...current, ...changes });
    await this.db.transaction().execute(async (trx) => {
      await updateUser(trx, id, changes);
      if (patch.active === false || patch.password !== undefined || role !== current.role) {
        await revokeSessionsOfUser(trx, id, now);
      }
      const before = presentUser(current);
      await this.audit.record(trx, ctx, {
        action: 'update',
        objectType: 'user',
        objectId: id,
        clientId,
        before: { ...before, password: '(unchanged)' },
        after: { ...after, password: patch.password ? '(changed)' : '(unchanged)' },
      });
    });
    return after;
  }

  async revokeSessions(ctx: Ctx, id: string): Promise<{ revoked: number }> {
    assertCanManageUsers(ctx.actor);
    const user = await findUserById(this.db, id);
    if (!user) throw notFound('User');
    return this.db.transaction().execute(async (trx) => {
      const revoked = await revokeSessionsOfUser(trx, id, this.clock.now().toISOString());
      await this.audit.record(trx, ctx, {
        action: 'revoke_sessions',
        objectType: 'user',
        objectId: id,
        clientId: user.client_id,
        after: { revoked },
      });
      return { revoked };
    });
  }

  private async checkRoleAndClient(role: Role, clientId: string | null): Promise<void> {
    const problem = roleClientProblem(role, clientId);
    if (problem) throw invalid(problem, [{ path: ['clientId'], message: problem }]);
    if (clientId && !(await this.clients.exists(clientId))) {
      throw invalid('unknown client', [{ path: ['clientId'], message: 'no such client' }]);
    }
  }
}
