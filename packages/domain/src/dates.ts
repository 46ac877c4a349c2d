const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A calendar date written YYYY-MM-DD that exists (no 30 February): JavaScript's Date would roll it over silently. */
export function isRealDate(iso: string): boolean {
  if (!ISO_DATE.test(iso)) return false;
  return new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) === iso;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The local calendar date (YYYY-MM-DD) of an instant in a time zone: "today" for a client. */
export function localDateOf(instant: Date, timeZone: string): string {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(timeZone, format);
  }
  return format.format(instant);
}
