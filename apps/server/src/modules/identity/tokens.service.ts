import type { ApiToken, CreateApiToken } from '@vigie/contracts';
import type { Ctx } from '../../core/actor.js';
import type { Clock } from '../../core/clock.js';
import { forbidden, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { Db } from '../../db/connection.js';
import type { AuditService } from '../audit/audit.service.js';
import { assertCanCreateToken } from './identity.policy.js';
import { randomSecret, sha256 } from './secrets.js';
import { findTokenById, insertToken, listTokensOfUser, presentToken, revokeToken } from './tokens.repository.js';

/** Tokens are made and revoked by a signed-in person, never by another token (a leaked token must not breed). */
function assertSignedInPerson(ctx: Ctx): void {
  if (ctx.actor.scopes !== null) throw forbidden('API tokens are managed from a signed-in session, not with a token');
}

/** Personal API tokens: the secret is shown once, only its hash is kept; scoped, expiring, revocable. */
export class TokenService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async list(ctx: Ctx): Promise<ApiToken[]> {
    const userId = this.personOf(ctx);
    return (await listTokensOfUser(this.db, userId)).map(presentToken);
  }

  async create(ctx: Ctx, input: CreateApiToken): Promise<{ token: ApiToken; secret: string }> {
    const userId = this.personOf(ctx);
    assertSignedInPerson(ctx);
    assertCanCreateToken(ctx.actor, input.scopes, input.expiresInDays);
    const now = this.clock.now();
    const prefix = randomSecret(6).replace(/[-_]/g, 'x').slice(0, 8);
    const secret = `vgt_${prefix}_${randomSecret()}`;
    const row = {
      id: newId(),
      user_id: userId,
      name: input.name,
      prefix: `vgt_${prefix}`,
      token_hash: sha256(secret),
      scopes: [...new Set(input.scopes)],
      expires_at:
        input.expiresInDays === null ? null : new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString(),
      last_used_at: null,
      revoked_at: null,
      created_at: now.toISOString(),
    };
    const token = presentToken(row);
    await this.db.transaction().execute(async (trx) => {
      await insertToken(trx, row);
      await this.audit.record(trx, ctx, {
        action: 'create',
        objectType: 'api_token',
        objectId: row.id,
        clientId: ctx.actor.clientId,
        after: token,
      });
    });
    return { token, secret };
  }

  /** A person revokes their own tokens; an admin any token. */
  async revoke(ctx: Ctx, id: string): Promise<void> {
    const userId = this.personOf(ctx);
    assertSignedInPerson(ctx);
    const row = await findTokenById(this.db, id);
    if (!row || (row.user_id !== userId && ctx.actor.role !== 'admin')) throw notFound('API token');
    if (row.revoked_at) return;
    const at = this.clock.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await revokeToken(trx, id, at);
      await this.audit.record(trx, ctx, {
        action: 'revoke',
        objectType: 'api_token',
        objectId: id,
        clientId: ctx.actor.clientId,
        after: { revokedAt: at },
      });
    });
  }

  private personOf(ctx: Ctx): string {
    if (!ctx.actor.userId) throw forbidden('API tokens belong to people');
    return ctx.actor.userId;
  }
}
