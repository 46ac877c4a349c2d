import type { Me, SessionInfo } from '@vigie/contracts';
import type { Role } from '@vigie/domain';
import type { Actor, Ctx } from '../../core/actor.js';
import type { Clock } from '../../core/clock.js';
import { unauthorized } from '../../core/errors.js';
import { KeyedMutex } from '../../core/keyed-mutex.js';
import type { Db } from '../../db/connection.js';
import { fromJson } from '../../db/dialect.js';
import type { SessionRow, UserRow } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import type { LoginThrottle } from './login-throttle.service.js';
import { randomSecret, safeEqual, sha256, verifyPassword } from './secrets.js';
import { findLiveSession, insertSession, revokeSession, touchSession } from './sessions.repository.js';
import { findLiveTokenByHash, markTokenUsed } from './tokens.repository.js';
import { findUserByEmail, teamClientIdsOf, updateUser } from './users.repository.js';

const ABSOLUTE_SESSION_MS = 7 * 24 * 3600_000;
const TOUCH_EVERY_MS = 60_000;

/** What a request is authenticated as. */
export interface Authenticated {
  actor: Actor;
  /** Present for cookie sessions: writes must echo its CSRF token. */
  session: SessionRow | null;
  user: UserRow;
}

export function presentMe(user: UserRow): Me {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role as Role,
    clientId: user.client_id,
    supportLevel: user.support_level as Me['supportLevel'],
    locale: user.locale as Me['locale'],
  };
}

export class AuthService {
  private readonly attempts = new KeyedMutex();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
    private readonly sessionHours: number,
  ) {}

  /** Checks the password under rate limiting; opens a session whose raw token only the cookie holds. */
  async login(
    input: { email: string; password: string },
    origin: { ip: string; userAgent: string | null; requestId: string },
  ): Promise<{ token: string; info: SessionInfo }> {
    const email = input.email.toLowerCase();
    // Attempts on one account are checked one at a time, so parallel guesses cannot outrun the lockout count.
    const user = await this.attempts.run(email, async () => {
      await this.throttle.assertOpen(email, origin.ip);
      const found = await findUserByEmail(this.db, email);
      const passwordOk = await verifyPassword(found?.password_hash ?? null, input.password);
      if (!found || !passwordOk || found.active !== 1) {
        const locked = await this.throttle.recordFailure(email, origin.ip);
        throw locked ?? unauthorized('E-mail or password is wrong');
      }
      await this.throttle.recordSuccess(email);
      return found;
    });

    const now = this.clock.now();
    const token = randomSecret();
    const session: SessionRow = {
      id: sha256(token),
      user_id: user.id,
      csrf_token: randomSecret(24),
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + this.sessionHours * 3600_000).toISOString(),
      last_seen_at: now.toISOString(),
      revoked_at: null,
      ip: origin.ip,
      user_agent: origin.userAgent?.slice(0, 300) ?? null,
    };
    const actor = await this.actorOf(user, null);
    await this.db.transaction().execute(async (trx) => {
      await insertSession(trx, session);
      await updateUser(trx, user.id, { last_login_at: now.toISOString() });
      await this.audit.record(
        trx,
        { actor, requestId: origin.requestId },
        {
          action: 'login',
          objectType: 'session',
          objectId: null,
          clientId: user.client_id,
          after: { ip: origin.ip },
        },
      );
    });
    return { token, info: { user: presentMe(user), csrfToken: session.csrf_token, expiresAt: session.expires_at } };
  }

  async logout(ctx: Ctx, session: SessionRow): Promise<void> {
    await revokeSession(this.db, session.id, this.clock.now().toISOString());
    await this.audit.record(this.db, ctx, {
      action: 'logout',
      objectType: 'session',
      objectId: null,
      clientId: ctx.actor.clientId,
    });
  }

  /** A cookie's session, sliding its idle expiry at most once a minute; null when expired or revoked. */
  async fromSessionToken(token: string): Promise<Authenticated | null> {
    const now = this.clock.now();
    const found = await findLiveSession(this.db, sha256(token), now.toISOString());
    if (!found) return null;
    const { session, user } = found;
    if (now.getTime() - Date.parse(session.last_seen_at) > TOUCH_EVERY_MS) {
      const idle = now.getTime() + this.sessionHours * 3600_000;
      const absolute = Date.parse(session.created_at) + ABSOLUTE_SESSION_MS;
      session.expires_at = new Date(Math.min(idle, absolute)).toISOString();
      session.last_seen_at = now.toISOString();
      await touchSession(this.db, session.id, session.last_seen_at, session.expires_at);
    }
    return { actor: await this.actorOf(user, null), session, user };
  }

  /** An `Authorization: Bearer vgt_…` token; null when unknown, revoked or expired. */
  async fromApiToken(secret: string): Promise<Authenticated | null> {
    const now = this.clock.now();
    const found = await findLiveTokenByHash(this.db, sha256(secret), now.toISOString());
    if (!found) return null;
    const { token, user } = found;
    if (!token.last_used_at || now.getTime() - Date.parse(token.last_used_at) > TOUCH_EVERY_MS) {
      await markTokenUsed(this.db, token.id, now.toISOString());
    }
    const scopes = fromJson<string[]>(token.scopes);
    return { actor: await this.actorOf(user, scopes), session: null, user };
  }

  csrfMatches(session: SessionRow, header: string | undefined): boolean {
    return typeof header === 'string' && safeEqual(session.csrf_token, header);
  }

  /** The actor of an active person, for work done on their behalf by the system (demo, imports). */
  async actorByEmail(email: string): Promise<Actor | null> {
    const user = await findUserByEmail(this.db, email.toLowerCase());
    return user && user.active === 1 ? this.actorOf(user, null) : null;
  }

  private async actorOf(user: UserRow, scopes: string[] | null): Promise<Actor> {
    const role = user.role as Role;
    return {
      userId: user.id,
      name: user.name,
      role,
      clientId: user.client_id,
      teamClientIds: role === 'technician' ? await teamClientIdsOf(this.db, user.id) : [],
      scopes,
    };
  }
}
