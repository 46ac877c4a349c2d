import { z } from 'zod';
import {
  Address,
  AddressView,
  Id,
  IsoInstant,
  ListQuery,
  Locale,
  OptionalText,
  Phone,
  patchOf,
  TimeZone,
} from './common.js';

const MailDomain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'a mail domain such as example.fr');

export const Client = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  legalName: z.string(),
  timeZone: z.string(),
  locale: Locale,
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  address: AddressView,
  mailDomains: z.array(z.string()),
  /** Provider-only: never shown to client people. */
  notes: z.string().nullable().optional(),
  active: z.boolean(),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
});
export type Client = z.infer<typeof Client>;

export const ClientInput = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9_-]{1,15}$/, '2 to 16 letters, digits, - or _'),
  name: z.string().trim().min(1).max(120),
  legalName: z.string().trim().min(1).max(200),
  timeZone: TimeZone.default('Europe/Paris'),
  locale: Locale.default('fr'),
  phone: Phone,
  email: z.email().nullable().optional(),
  website: z.url().max(300).nullable().optional(),
  address: Address.default({}),
  mailDomains: z.array(MailDomain).max(50).default([]),
  notes: OptionalText(5000),
  active: z.boolean().default(true),
});
export type ClientInput = z.input<typeof ClientInput>;
export const ClientPatch = patchOf(ClientInput);

export const ClientListQuery = ListQuery.extend({
  active: z.enum(['true', 'false']).optional(),
});

export const Site = z.object({
  id: Id,
  clientId: Id,
  name: z.string(),
  address: AddressView,
  phone: z.string().nullable(),
  timeZone: z.string().nullable(),
  accessNotes: z.string().nullable(),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
});
export type Site = z.infer<typeof Site>;

export const SiteInput = z.object({
  name: z.string().trim().min(1).max(120),
  address: Address.default({}),
  phone: Phone,
  timeZone: TimeZone.nullable().optional(),
  accessNotes: OptionalText(2000),
});
export type SiteInput = z.input<typeof SiteInput>;
export const SitePatch = patchOf(SiteInput);

export const Contact = z.object({
  id: Id,
  clientId: Id,
  siteId: Id.nullable(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  mobile: z.string().nullable(),
  jobTitle: z.string().nullable(),
  locale: Locale,
  isPrimary: z.boolean(),
  notes: z.string().nullable().optional(),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
});
export type Contact = z.infer<typeof Contact>;

export const ContactInput = z.object({
  siteId: Id.nullable().optional(),
  firstName: z.string().trim().max(80).default(''),
  lastName: z.string().trim().min(1).max(80),
  email: z.email().trim().toLowerCase().max(254).nullable().optional(),
  phone: Phone,
  mobile: Phone,
  jobTitle: OptionalText(120),
  locale: Locale.default('fr'),
  isPrimary: z.boolean().default(false),
  notes: OptionalText(2000),
});
export type ContactInput = z.input<typeof ContactInput>;
export const ContactPatch = patchOf(ContactInput);
