import { ROLES, SUPPORT_LEVELS } from '@vigie/domain';
import { z } from 'zod';
import { Id, IsoInstant, Locale } from './common.js';

export const Role = z.enum(ROLES);
export const SupportLevel = z.union(
  SUPPORT_LEVELS.map((level) => z.literal(level)),
  { error: 'a support level: 1, 2 or 3' },
);

export const LoginRequest = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().min(1).max(1024),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const Me = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  role: Role,
  clientId: Id.nullable(),
  supportLevel: SupportLevel.nullable(),
  locale: Locale,
});
export type Me = z.infer<typeof Me>;

/** What the SPA needs after sign-in: who it is and the token to send back in `X-CSRF-Token` on writes. */
export const SessionInfo = z.object({
  user: Me,
  csrfToken: z.string(),
  expiresAt: IsoInstant,
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const TOKEN_SCOPES = ['read', 'write', 'admin'] as const;
export const TokenScope = z.enum(TOKEN_SCOPES);

export const ApiToken = z.object({
  id: Id,
  userId: Id,
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(TokenScope),
  expiresAt: IsoInstant.nullable(),
  lastUsedAt: IsoInstant.nullable(),
  revokedAt: IsoInstant.nullable(),
  createdAt: IsoInstant,
});
export type ApiToken = z.infer<typeof ApiToken>;

export const CreateApiToken = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(TokenScope).min(1),
  /** null: never expires (admins only); default 90 days. */
  expiresInDays: z.number().int().min(1).max(730).nullable().default(90),
});
export type CreateApiToken = z.infer<typeof CreateApiToken>;

/** Returned once, at creation: the secret is never shown again. */
export const CreatedApiToken = z.object({ token: ApiToken, secret: z.string() });
