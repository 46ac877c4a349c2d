import Holidays from 'date-holidays';
import { isValidHolidayRegion } from './calendar.js';
import { DAY_MS, dayOfIsoDate, isoDateOfDay } from './zoned-time.js';

/** (region, year) → day numbers (days since 1970-01-01) of its public holidays. Computing them costs ~1 ms. */
const byRegionYear = new Map<string, ReadonlySet<number>>();
const calendars = new Map<string, Holidays>();

function holidaysOf(region: string): Holidays {
  let holidays = calendars.get(region);
  if (!holidays) {
    if (!isValidHolidayRegion(region)) throw new Error(`unknown holiday region "${region}"`);
    const [country, state] = region.split('-');
    holidays = state ? new Holidays(country ?? '', state) : new Holidays(country ?? '');
    calendars.set(region, holidays);
  }
  return holidays;
}

/**
 * Day numbers of the public holidays of a date-holidays region ("FR", "FR-57" …) in a year, computed once per
 * (region, year) and cached, so that business-time walks can test a day in constant time. Only type "public"
 * counts (not observances, bank or school holidays): those are the days the provider's office is closed by law.
 * A holiday closes its whole local date, even when it starts at noon; one lasting several days closes each.
 * Throws on a region date-holidays does not know (calendars are validated before they are saved).
 */
export function publicHolidayDays(region: string, year: number): ReadonlySet<number> {
  const key = `${region}:${year}`;
  let days = byRegionYear.get(key);
  if (!days) {
    const set = new Set<number>();
    for (const holiday of holidaysOf(region).getHolidays(year) ?? []) {
      if (holiday.type !== 'public') continue;
      const first = dayOfIsoDate(holiday.date);
      const length = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / DAY_MS));
      for (let i = 0; i < length; i++) set.add(first + i);
    }
    days = set;
    byRegionYear.set(key, days);
  }
  return days;
}

/** The public holidays of a region in a year as sorted ISO dates, e.g. to show them next to a calendar. */
export function publicHolidayDates(region: string, year: number): string[] {
  return [...publicHolidayDays(region, year)].sort((a, b) => a - b).map(isoDateOfDay);
}
