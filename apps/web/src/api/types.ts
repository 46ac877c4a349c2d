import type {
  ApiToken,
  AssignInput as AssignInputSchema,
  AttributeValue as AttributeValueSchema,
  CallerMatch as CallerMatchSchema,
  CommentInput as CommentInputSchema,
  EscalateInput as EscalateInputSchema,
  MergeInput as MergeInputSchema,
  Notification as NotificationSchema,
  PriorityMatrixView as PriorityMatrixViewSchema,
  RatingInput as RatingInputSchema,
  RejectInput as RejectInputSchema,
  ResolveInput as ResolveInputSchema,
  SavedViewInput as SavedViewInputSchema,
  SavedView as SavedViewSchema,
  StatusInput as StatusInputSchema,
  TicketCategoryInput as TicketCategoryInputSchema,
  TicketCategory as TicketCategorySchema,
  TicketPatch as TicketPatchSchema,
} from '@vigie/contracts';
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
  SlaClockView,
  SlaPolicy,
  Team,
  TeamInput,
  Ticket,
  TicketEvent,
  TicketInput,
  TicketListQuery,
  TicketSla,
  TicketSummary,
  UpdateUser,
  User,
  Vendor,
} from '@vigie/contracts';

export type AttributeValue = z.infer<typeof AttributeValueSchema>;

// Ticket schemas the contracts export without a type: requests as sent (z.input), answers as received (z.infer).
export type TicketPatch = z.input<typeof TicketPatchSchema>;
export type AssignInput = z.input<typeof AssignInputSchema>;
export type StatusInput = z.input<typeof StatusInputSchema>;
export type ResolveInput = z.input<typeof ResolveInputSchema>;
export type RejectInput = z.input<typeof RejectInputSchema>;
export type EscalateInput = z.input<typeof EscalateInputSchema>;
export type CommentInput = z.input<typeof CommentInputSchema>;
export type RatingInput = z.input<typeof RatingInputSchema>;
export type MergeInput = z.input<typeof MergeInputSchema>;
export type TicketCategory = z.infer<typeof TicketCategorySchema>;
export type TicketCategoryInput = z.input<typeof TicketCategoryInputSchema>;
export type PriorityMatrixView = z.infer<typeof PriorityMatrixViewSchema>;
export type SavedView = z.infer<typeof SavedViewSchema>;
export type SavedViewInput = z.input<typeof SavedViewInputSchema>;
export type CallerMatch = z.infer<typeof CallerMatchSchema>;
export type AppNotification = z.infer<typeof NotificationSchema>;
export type { StaffMember } from '@vigie/contracts';

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
