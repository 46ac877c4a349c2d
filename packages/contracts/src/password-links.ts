import { z } from 'zod';
import { Id } from './common.js';
import { Password } from './users.js';

/**
 * Password reset and first-login invitation: links sent by mail that work once. The token is the `token` query
 * parameter of the link (`/reset-password?token=…`, `/invitation?token=…`); the server keeps only its SHA-256.
 * A link that cannot be used answers 410 with the code `link_invalid`, `link_expired` or `link_used`.
 */
export const LinkToken = z
  .string({ error: 'the token of the link' })
  .trim()
  .min(1, 'the token of the link')
  .max(200, 'not a token of a Vigie link');

export const PasswordResetRequest = z.object({ email: z.string().trim().toLowerCase().max(254) });
export type PasswordResetRequest = z.infer<typeof PasswordResetRequest>;

export const PasswordResetAccepted = z.object({ message: z.string() });

export const PasswordLinkCompletion = z.object({ token: LinkToken, password: Password });
export type PasswordLinkCompletion = z.infer<typeof PasswordLinkCompletion>;

export const InvitationQuery = z.object({ token: LinkToken });

/** Who the invitation is for, to greet them on the page where they choose a password. */
export const InvitationInfo = z.object({ email: z.string(), name: z.string(), expiresAt: z.string() });
export type InvitationInfo = z.infer<typeof InvitationInfo>;

export const InvitationSent = z.object({ userId: Id, email: z.string(), expiresAt: z.string() });
export type InvitationSent = z.infer<typeof InvitationSent>;
