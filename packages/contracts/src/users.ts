import { z } from 'zod';
import { Role, SupportLevel } from './auth.js';
import { Id, IsoInstant, ListQuery, Locale } from './common.js';

export const PASSWORD_MIN_LENGTH = 12;
export const Password = z.string().min(PASSWORD_MIN_LENGTH, `at least ${PASSWORD_MIN_LENGTH} characters`).max(256);

export const User = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  role: Role,
  clientId: Id.nullable(),
  supportLevel: SupportLevel.nullable(),
  specialties: z.array(z.string()),
  locale: Locale,
  active: z.boolean(),
  lastLoginAt: IsoInstant.nullable(),
  createdAt: IsoInstant,
});
export type User = z.infer<typeof User>;

export const CreateUser = z.object({
  email: z.email().trim().toLowerCase().max(254),
  name: z.string().trim().min(1).max(120),
  role: Role,
  clientId: Id.nullable().default(null),
  supportLevel: SupportLevel.nullable().default(null),
  specialties: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  locale: Locale.default('fr'),
  password: Password,
});
export type CreateUser = z.infer<typeof CreateUser>;

export const UpdateUser = z
  .object({
    name: z.string().trim().min(1).max(120),
    role: Role,
    clientId: Id.nullable(),
    supportLevel: SupportLevel.nullable(),
    specialties: z.array(z.string().trim().min(1).max(40)).max(20),
    locale: Locale,
    active: z.boolean(),
    password: Password,
  })
  .partial();
export type UpdateUser = z.infer<typeof UpdateUser>;

export const UserListQuery = ListQuery.extend({
  role: Role.optional(),
  clientId: Id.optional(),
});

export const Team = z.object({
  id: Id,
  name: z.string(),
  description: z.string().nullable(),
  memberIds: z.array(Id),
  clientIds: z.array(Id),
});
export type Team = z.infer<typeof Team>;

export const TeamInput = z.object({
  name: z.string().trim().min(1).max(80),
  description: z.string().trim().max(500).nullable().default(null),
  memberIds: z.array(Id).max(500).default([]),
  clientIds: z.array(Id).max(5000).default([]),
});
export type TeamInput = z.infer<typeof TeamInput>;
