import Holidays from 'date-holidays';
import type { IsoDay } from './dates';

/**
 * Public holidays of a country (issue 12 §7), from `date-holidays` (a maintained calendar of
 * ~200 countries, with the Easter-dependent days computed). Only days of type "public" count: in
 * Norway Skjærtorsdag, Langfredag, 1. and 2. påskedag, 1. mai, Kristi himmelfartsdag, 17. mai,
 * 1. and 2. pinsedag, 1. and 2. juledag and 1. nyttårsdag — not Julaften or Nyttårsaften ("bank"
 * days in the calendar).
 *
 * A country is an ISO 3166-1 alpha-2 code ("NO", "GB", "US"). Norway is the default.
 */
export const DEFAULT_HOLIDAY_COUNTRY = 'NO';

const calendars = new Map<string, Holidays | null>();
const years = new Map<string, Map<IsoDay, string>>();

function calendar(country: string): Holidays | null {
  const code = country.toUpperCase();
  let hd = calendars.get(code);
  if (hd === undefined) {
    hd = isKnownCountry(code) ? new Holidays(code, { types: ['public'] }) : null;
    calendars.set(code, hd);
  }
  return hd;
}

let countryCodes: Set<string> | null = null;

/** Whether `date-holidays` knows the country (ISO 3166-1 alpha-2). */
export function isKnownCountry(country: string | null | undefined): boolean {
  if (!country || !/^[A-Za-z]{2}$/.test(country)) return false;
  countryCodes ??= new Set(Object.keys(new Holidays().getCountries()));
  return countryCodes.has(country.toUpperCase());
}

/** The country's public holidays in a year: day → name (in the country's own language). */
function holidaysOf(country: string, year: number): Map<IsoDay, string> {
  const cacheKey = `${country.toUpperCase()}-${year}`;
  let days = years.get(cacheKey);
  if (!days) {
    days = new Map();
    const hd = calendar(country);
    for (const h of hd ? hd.getHolidays(year) : []) {
      if (h.type !== 'public') continue;
      // `date` is the local start ("2027-05-17 00:00:00"); a holiday may span several days.
      const first = h.date.slice(0, 10) as IsoDay;
      const spanDays = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / 86_400_000));
      for (let i = 0; i < spanDays; i++) {
        const d = new Date(`${first}T00:00:00Z`);
        d.setUTCDate(d.getUTCDate() + i);
        const day = d.toISOString().slice(0, 10) as IsoDay;
        if (!days.has(day)) days.set(day, h.name);
      }
    }
    if (years.size > 2000) years.clear();
    years.set(cacheKey, days);
  }
  return days;
}

/** The public holiday on `day` in `country` (its name), or null. No country, no holidays. */
export function publicHoliday(day: IsoDay, country: string | null | undefined): string | null {
  if (!country) return null;
  return holidaysOf(country, Number(day.slice(0, 4))).get(day) ?? null;
}

export function isPublicHoliday(day: IsoDay, country: string | null | undefined): boolean {
  return publicHoliday(day, country) !== null;
}
