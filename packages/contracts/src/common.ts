import { z } from 'zod';

/** The one error shape every route answers with (DESIGN: HTTP conventions). */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Id = z.uuid();
export const IsoInstant = z.string().describe('UTC instant, ISO 8601');
export const IsoDate = z.iso.date();

/** A page of a list; `nextCursor` is null on the last page. No totals: counting big tables is what makes lists slow. */
export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const ListQuery = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  q: z.string().trim().max(200).optional(),
});
export type ListQuery = z.infer<typeof ListQuery>;

export const LOCALES = ['fr', 'en'] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

/** Text fields: trimmed, empty means absent. */
export const OptionalText = (max = 200) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

export const Address = z.object({
  line1: OptionalText(200),
  line2: OptionalText(200),
  postalCode: OptionalText(20),
  city: OptionalText(100),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'ISO 3166 two-letter country code, e.g. FR')
    .nullable()
    .optional(),
});
export type Address = z.infer<typeof Address>;

/** An address as answered (responses carry no transforms). */
export const AddressView = z.object({
  line1: z.string().nullable().optional(),
  line2: z.string().nullable().optional(),
  postalCode: z.string().nullable().optional(),
  city: z.string().nullable().optional(),
  country: z.string().nullable().optional(),
});

export const Phone = z
  .string()
  .trim()
  .max(40)
  .regex(/^[+()0-9 .\-/]*$/, 'digits, spaces and + ( ) . - / only')
  .transform((v) => (v === '' ? null : v))
  .nullable()
  .optional();

export const TimeZone = z.string().min(1).max(64).describe('IANA time zone, e.g. Europe/Paris');

/**
 * The PATCH form of a create schema: every field optional and no defaults applied,
 * so that a field left out keeps its stored value (zod's `.partial()` would fill in the defaults).
 */
export function patchOf<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>) {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const inner = field instanceof z.ZodDefault ? (field.def.innerType as z.ZodType) : (field as z.ZodType);
    shape[key] = inner.optional();
  }
  return z.object(shape) as unknown as z.ZodObject<{ [K in keyof Shape]: z.ZodOptional<Shape[K]> }>;
}
