/**
 * Password reset and first-login invitation by mail. A link carries a random 256-bit token; only its SHA-256 is
 * stored, it works once, and a newer link of the same purpose voids the older ones. The reset request answers the
 * same whether the address exists or not; it is rate-limited per address (silently) and per IP (429).
 */
import type { SessionInfo } from '@vigie/contracts';
import type { Role } from '@vigie/domain';
import { type Actor, type Ctx, isAdmin, isProviderManager, systemCtx } from '../../core/actor.js';
import type { Clock } from '../../core/clock.js';
import { AppError, forbidden, notFound, tooManyRequests } from '../../core/errors.js';
import type { Db } from '../../db/connection.js';
import type { UserRow } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import type { OutboundSettings } from '../mail/outbound/outbound-settings.js';
import { localeOf } from '../mail/outbound/templates/ticket-mail-texts.js';
import { enqueueMail } from '../mail/outbox.repository.js';
import { presentMe } from './auth.service.js';
import { findLinkByHash, insertLink, type LinkPurpose, useLink } from './one-time-links.repository.js';
import { buildPasswordLinkMail } from './password-links.mail.js';
import { hashPassword, randomSecret, sha256 } from './secrets.js';
import { insertSession, revokeSessionsOfUser } from './sessions.repository.js';
import { findThrottle, saveThrottle } from './throttle.repository.js';
import { findUserByEmail, findUserById, updateUser } from './users.repository.js';

const HOUR = 3600_000;
export const RESET_VALIDITY_MS = HOUR;
export const INVITATION_VALIDITY_MS = 7 * 24 * HOUR;
/** Reset mails to one address per hour (beyond: nothing is sent, the answer stays the same). */
const RESETS_PER_ADDRESS = 3;
/** Reset requests from one IP per hour (beyond: 429). */
const RESETS_PER_IP = 20;

const PATHS: Record<LinkPurpose, string> = { reset: '/reset-password', invitation: '/invitation' };

export const linkGone = {
  invalid: () => new AppError(410, 'link_invalid', 'This link is not valid: ask for a new one'),
  expired: () => new AppError(410, 'link_expired', 'This link has expired: ask for a new one'),
  used: () => new AppError(410, 'link_used', 'This link was already used: ask for a new one if you need to'),
};

export interface RequestOrigin {
  ip: string;
  userAgent: string | null;
  requestId: string;
}

export class PasswordLinkService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly settings: OutboundSettings,
    private readonly sessionHours: number,
  ) {}

  /** Told once a reset link's mail is queued after the answer (the server wakes the outbound sender). */
  onQueued: () => void = () => {};
  /** Told when a reset link could not be written (the database failed): the person asks again. */
  onError: (error: unknown) => void = () => {};
  private resets: Promise<void> = Promise.resolve();

  /**
   * Sends a reset link if the address is an active account; answers the same in every case, and as fast: the link is
   * written after the answer (one after the other, so that a newer link always voids the older), otherwise a known
   * address would answer a few milliseconds later than an unknown one and tell the accounts apart.
   */
  async requestReset(email: string, origin: RequestOrigin): Promise<void> {
    await this.countOrRefuse(`reset-ip:${origin.ip}`, RESETS_PER_IP, true);
    const withinLimit = await this.countOrRefuse(`reset-address:${sha256(email)}`, RESETS_PER_ADDRESS, false);
    const user = await findUserByEmail(this.db, email);
    if (!withinLimit || !user || user.active !== 1) return;
    const ctx = { actor: { ...systemCtx.actor, name: 'Vigie' }, requestId: origin.requestId };
    this.resets = this.resets
      .then(() => this.sendLink('reset', user, ctx))
      .then(
        () => this.onQueued(),
        (error: unknown) => this.onError(error),
      );
  }

  /** Resolves once every reset link asked for so far is written (tests, shutdown). */
  settled(): Promise<void> {
    return this.resets;
  }

  async completeReset(token: string, password: string, origin: RequestOrigin): Promise<void> {
    const { link, user } = await this.usable('reset', token);
    const passwordHash = await hashPassword(password);
    const now = this.clock.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      if (!(await useLink(trx, link.id, now))) throw linkGone.used();
      await updateUser(trx, user.id, { password_hash: passwordHash, updated_at: now });
      await revokeSessionsOfUser(trx, user.id, now);
      await this.audit.record(trx, this.ctxOfUser(user, origin), {
        action: 'password_reset',
        objectType: 'user',
        objectId: user.id,
        clientId: user.client_id,
        after: { ip: origin.ip },
      });
    });
  }

  /** Admins invite anyone; managers anyone but administrators. */
  async invite(ctx: Ctx, userId: string): Promise<{ userId: string; email: string; expiresAt: string }> {
    assertCanInvite(ctx.actor);
    const user = await findUserById(this.db, userId);
    if (!user) throw notFound('User');
    if ((user.role as Role) === 'admin' && !isAdmin(ctx.actor))
      throw forbidden('Only administrators invite administrators');
    if (user.active !== 1)
      throw new AppError(409, 'conflict', 'This account is deactivated: activate it before inviting');
    const expiresAt = await this.sendLink('invitation', user, ctx);
    return { userId: user.id, email: user.email, expiresAt };
  }

  async invitationInfo(token: string): Promise<{ email: string; name: string; expiresAt: string }> {
    const { link, user } = await this.usable('invitation', token);
    return { email: user.email, name: user.name, expiresAt: new Date(link.expires_at).toISOString() };
  }

  /** Sets the password and opens a session, as signing in does; the raw session token goes in the cookie only. */
  async acceptInvitation(
    token: string,
    password: string,
    origin: RequestOrigin,
  ): Promise<{ token: string; info: SessionInfo }> {
    const { link, user } = await this.usable('invitation', token);
    const passwordHash = await hashPassword(password);
    const now = this.clock.now();
    const at = now.toISOString();
    const sessionToken = randomSecret();
    const session = {
      id: sha256(sessionToken),
      user_id: user.id,
      csrf_token: randomSecret(24),
      created_at: at,
      expires_at: new Date(now.getTime() + this.sessionHours * HOUR).toISOString(),
      last_seen_at: at,
      revoked_at: null,
      ip: origin.ip,
      user_agent: origin.userAgent?.slice(0, 300) ?? null,
    };
    await this.db.transaction().execute(async (trx) => {
      if (!(await useLink(trx, link.id, at))) throw linkGone.used();
      await updateUser(trx, user.id, { password_hash: passwordHash, last_login_at: at, updated_at: at });
      await revokeSessionsOfUser(trx, user.id, at);
      await insertSession(trx, session);
      await this.audit.record(trx, this.ctxOfUser(user, origin), {
        action: 'invitation_accepted',
        objectType: 'user',
        objectId: user.id,
        clientId: user.client_id,
        after: { ip: origin.ip },
      });
    });
    return {
      token: sessionToken,
      info: { user: presentMe(user), csrfToken: session.csrf_token, expiresAt: session.expires_at },
    };
  }

  /** The link and its person, or 410 saying why it cannot be used. */
  private async usable(purpose: LinkPurpose, token: string) {
    const found = await findLinkByHash(this.db, sha256(token));
    if (!found || found.link.purpose !== purpose) throw linkGone.invalid();
    if (found.link.used_at !== null) throw linkGone.used();
    if (new Date(found.link.expires_at).getTime() <= this.clock.now().getTime()) throw linkGone.expired();
    if (found.user.active !== 1) throw linkGone.invalid();
    return found;
  }

  /** Writes the link and queues its mail in one transaction; returns when it expires. */
  private async sendLink(purpose: LinkPurpose, user: UserRow, ctx: Ctx): Promise<string> {
    const token = randomSecret(32);
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + (purpose === 'reset' ? RESET_VALIDITY_MS : INVITATION_VALIDITY_MS));
    const locale = localeOf(user.locale);
    const url = `${this.settings.publicUrl}${PATHS[purpose]}?token=${token}`;
    const mail = buildPasswordLinkMail(purpose, locale, user, url, this.settings.supportAddress);
    await this.db.transaction().execute(async (trx) => {
      await insertLink(trx, {
        purpose,
        userId: user.id,
        tokenHash: sha256(token),
        expiresAt: expiresAt.toISOString(),
        now: now.toISOString(),
      });
      // No client on the mail: password links are read in the mail log by administrators and managers only.
      await enqueueMail(
        trx,
        { kind: purpose, to: [{ address: user.email, name: user.name }], locale, ...mail, userId: user.id },
        { supportAddress: this.settings.supportAddress, now, held: this.settings.relayUrl === null },
      );
      await this.audit.record(trx, ctx, {
        action: purpose === 'reset' ? 'password_reset_link' : 'invitation',
        objectType: 'user',
        objectId: user.id,
        clientId: user.client_id,
        after: { expiresAt: expiresAt.toISOString() },
      });
    });
    return expiresAt.toISOString();
  }

  /**
   * Counts one request against a fixed one-hour window; past the limit, refuses (429) or answers false.
   * Shares the login throttle's table, under keys of its own.
   */
  private async countOrRefuse(key: string, limit: number, refuse: boolean): Promise<boolean> {
    const now = this.clock.now();
    const row = await findThrottle(this.db, key);
    const windowOpen = row && now.getTime() - new Date(row.window_started_at).getTime() < HOUR;
    const count = windowOpen ? row.failures + 1 : 1;
    const started = windowOpen ? row.window_started_at : now.toISOString();
    await saveThrottle(this.db, { key, failures: count, window_started_at: started, locked_until: null });
    if (count <= limit) return true;
    if (!refuse) return false;
    const seconds = Math.max(1, Math.ceil((new Date(started).getTime() + HOUR - now.getTime()) / 1000));
    throw tooManyRequests('Too many password reset requests from here; try again later', seconds);
  }

  private ctxOfUser(user: UserRow, origin: RequestOrigin): Ctx {
    const actor: Actor = {
      userId: user.id,
      name: user.name,
      role: user.role as Role,
      clientId: user.client_id,
      teamClientIds: [],
      scopes: null,
    };
    return { actor, requestId: origin.requestId };
  }
}

export function assertCanInvite(actor: Actor): void {
  if (!isProviderManager(actor)) throw forbidden('Only administrators and managers send invitations');
}
