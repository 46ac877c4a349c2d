import type { ApiToken, AttributeValue as AttributeValueSchema } from '@vigie/contracts';
import type { z } from 'zod';

export type {
  ApiToken,
  Asset,
  AssetImpact,
  AssetInput,
  AssetRelation,
  AuditEvent,
  BusinessCalendar,
  Client,
  ClientInput,
  Contact,
  ContactInput,
  Contract,
  ContractInput,
  CreateApiToken,
  CreateUser,
  ImportReport,
  Me,
  Page,
  SessionInfo,
  Site,
  SiteInput,
  SlaPolicy,
  Team,
  TeamInput,
  UpdateUser,
  User,
  Vendor,
} from '@vigie/contracts';

export type AttributeValue = z.infer<typeof AttributeValueSchema>;

export interface CreatedApiToken {
  token: ApiToken;
  secret: string;
}

export type AttributeKind = 'text' | 'integer' | 'number' | 'date' | 'ip' | 'boolean';

export interface AssetTypeInfo {
  type: string;
  category: 'physical' | 'logical';
  attributes: { key: string; kind: AttributeKind }[];
}
