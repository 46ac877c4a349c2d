import { ASSET_STATUSES, ASSET_TYPES, RELATION_KINDS } from '@vigie/domain';
import { z } from 'zod';
import { Id, IsoInstant, ListQuery, OptionalText, Phone, patchOf } from './common.js';

export const AssetType = z.enum(ASSET_TYPES);
export const AssetStatus = z.enum(ASSET_STATUSES);
export const Criticality = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
  error: 'criticality goes from 1 (low) to 4 (vital)',
});
export const RelationKind = z.enum(RELATION_KINDS);
export const AttributeValue = z.union([z.string().max(500), z.number(), z.boolean()]);

export const Vendor = z.object({
  id: Id,
  name: z.string(),
  website: z.string().nullable(),
  supportPhone: z.string().nullable(),
  supportEmail: z.string().nullable(),
  supportUrl: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
});
export type Vendor = z.infer<typeof Vendor>;

export const VendorInput = z.object({
  name: z.string().trim().min(1).max(120),
  website: z.url().max(300).nullable().optional(),
  supportPhone: Phone,
  supportEmail: z.email().nullable().optional(),
  supportUrl: z.url().max(300).nullable().optional(),
  notes: OptionalText(2000),
});
export type VendorInput = z.input<typeof VendorInput>;
export const VendorPatch = patchOf(VendorInput);

export const Asset = z.object({
  id: Id,
  clientId: Id,
  clientName: z.string(),
  siteId: Id.nullable(),
  siteName: z.string().nullable(),
  name: z.string(),
  type: AssetType,
  category: z.enum(['physical', 'logical']),
  criticality: Criticality,
  status: AssetStatus,
  ownerContactId: Id.nullable(),
  vendorId: Id.nullable(),
  vendorContractRef: z.string().nullable(),
  attributes: z.record(z.string(), AttributeValue),
  notes: z.string().nullable().optional(),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
});
export type Asset = z.infer<typeof Asset>;

export const AssetInput = z.object({
  clientId: Id,
  siteId: Id.nullable().default(null),
  name: z.string().trim().min(1).max(160),
  type: AssetType,
  criticality: Criticality.default(2),
  status: AssetStatus.default('in_service'),
  ownerContactId: Id.nullable().default(null),
  vendorId: Id.nullable().default(null),
  vendorContractRef: OptionalText(120),
  attributes: z.record(z.string().max(60), AttributeValue).default({}),
  notes: OptionalText(5000),
});
export type AssetInput = z.input<typeof AssetInput>;
export const AssetPatch = patchOf(AssetInput.omit({ clientId: true }));

export const AssetListQuery = ListQuery.extend({
  clientId: Id.optional(),
  siteId: Id.optional(),
  type: AssetType.optional(),
  criticality: z.coerce.number({ error: 'criticality goes from 1 (low) to 4 (vital)' }).int().min(1).max(4).optional(),
  status: AssetStatus.optional(),
});
export type AssetListQuery = z.infer<typeof AssetListQuery>;

export const AssetSummary = z.object({ id: Id, name: z.string(), type: AssetType, criticality: Criticality });
export type AssetSummary = z.infer<typeof AssetSummary>;

export const AssetRelation = z.object({
  id: Id,
  clientId: Id,
  kind: RelationKind,
  source: AssetSummary,
  target: AssetSummary,
  createdAt: IsoInstant,
});
export type AssetRelation = z.infer<typeof AssetRelation>;

export const AssetRelationInput = z.object({ sourceId: Id, kind: RelationKind, targetId: Id });

export const AssetImpact = z.object({
  asset: AssetSummary,
  impacted: z.array(z.object({ asset: AssetSummary, depth: z.number().int(), via: RelationKind, throughId: Id })),
});
export type AssetImpact = z.infer<typeof AssetImpact>;
