import { z } from 'zod';
import { Id, IsoInstant, ListQuery } from './common.js';

export const AuditEvent = z.object({
  id: Id,
  at: IsoInstant,
  actorId: Id.nullable(),
  actorName: z.string(),
  clientId: Id.nullable(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string().nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  requestId: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditListQuery = ListQuery.omit({ q: true }).extend({
  clientId: Id.optional(),
  actorId: Id.optional(),
  objectType: z.string().max(40).optional(),
  objectId: z.string().max(60).optional(),
  action: z.string().max(40).optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
});
export type AuditListQuery = z.infer<typeof AuditListQuery>;
