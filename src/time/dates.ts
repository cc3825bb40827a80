import { DateTime, IANAZone } from 'luxon';

/**
 * Calendar days (due dates, target dates) are stored as PostgreSQL DATE, which Prisma maps to a
 * JS Date at UTC midnight. These helpers convert between that, ISO day strings (YYYY-MM-DD, what
 * Slack's datepicker sends) and a person's local calendar.
 */
export type IsoDay = string;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDay(value: string): boolean {
  return ISO_DAY.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid;
}

/** ISO day → the Date Prisma stores for a DATE column. */
export function dayToDate(day: IsoDay): Date {
  return DateTime.fromISO(day, { zone: 'utc' }).startOf('day').toJSDate();
}

/** A DATE column's value → ISO day. */
export function dateToDay(date: Date): IsoDay {
  return DateTime.fromJSDate(date, { zone: 'utc' }).toISODate() as IsoDay;
}

/**
 * luxon's IANAZone.isValidZone builds an Intl.DateTimeFormat on every call (~0.1 ms), and a zone is
 * checked on every request that resolves a person: remember the answers. Bounded, since zone
 * names come from outside (users.info, settings).
 */
const zoneValidity = new Map<string, boolean>();
function isValidZone(zone: string): boolean {
  let valid = zoneValidity.get(zone);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(zone);
    if (zoneValidity.size >= 1000) zoneValidity.clear();
    zoneValidity.set(zone, valid);
  }
  return valid;
}

export function safeZone(zone: string | null | undefined, fallback: string): string {
  return zone && isValidZone(zone) ? zone : fallback;
}

/** The calendar day of an instant in a zone, as an ISO day (`todayIn(clock, zone)` for today). */
export function dayOf(instant: DateTime, zone: string): IsoDay {
  return instant.setZone(zone).toISODate() as IsoDay;
}

/** Whole days from `from` to `to` (ISO days), negative when `to` is earlier. */
export function daysBetween(from: IsoDay, to: IsoDay): number {
  return Math.round(DateTime.fromISO(to, { zone: 'utc' }).diff(DateTime.fromISO(from, { zone: 'utc' }), 'days').days);
}

export function addDays(day: IsoDay, days: number): IsoDay {
  return DateTime.fromISO(day, { zone: 'utc' }).plus({ days }).toISODate() as IsoDay;
}
