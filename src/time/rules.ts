import { DateTime } from 'luxon';
import { dayOf, type IsoDay } from './dates';
import { isPublicHoliday } from './holidays';

/**
 * Pure calendar and wall-clock rules for scheduled workflows, computed with luxon from a
 * person's IANA zone and wanted local time (never from a UTC offset snapshot, never with cron).
 */
export type CadenceName = 'WEEKLY' | 'BIWEEKLY' | 'MONTHLY' | 'NONE';

/** ISO weekdays 1 = Monday … 7 = Sunday. */
export const DEFAULT_WORKING_DAYS: readonly number[] = [1, 2, 3, 4, 5];

/**
 * The days a person works: ISO weekdays, less the public holidays of their country (ISO 3166-1
 * alpha-2, see src/time/holidays.ts; null or absent = no holidays).
 */
export interface WorkingCalendar {
  workingDays: readonly number[];
  holidayCountry?: string | null;
}

/** When a person wants their reminders: their zone, local hour and minute, and working days. */
export interface LocalSchedule extends WorkingCalendar {
  zone: string;
  hour: number;
  minute: number;
}

function calendarOf(c: readonly number[] | WorkingCalendar): WorkingCalendar {
  return Array.isArray(c) ? { workingDays: c as readonly number[] } : (c as WorkingCalendar);
}

function day(d: IsoDay): DateTime {
  return DateTime.fromISO(d, { zone: 'utc' });
}

function iso(d: DateTime): IsoDay {
  return d.toISODate() as IsoDay;
}

/**
 * The instant a local wall time happens on a local calendar day.
 * - A time that does not exist that day (skipped by a spring-forward) fires at the same distance
 *   after the gap: 02:30 on Europe/Oslo's 2027-03-28 fires at 03:30 local.
 * - A time that happens twice (fall-back) fires once, at its first occurrence.
 */
export function localInstant(onDay: IsoDay, hour: number, minute: number, zone: string): DateTime {
  const d = day(onDay);
  const candidate = DateTime.fromObject({ year: d.year, month: d.month, day: d.day, hour, minute }, { zone });
  // Luxon resolves an ambiguous wall time to the later offset; prefer the earlier occurrence.
  const earlier = candidate.minus({ hours: 1 });
  if (earlier.hour === candidate.hour && earlier.minute === candidate.minute && earlier.day === candidate.day) return earlier.toUTC();
  return candidate.toUTC();
}

/** The instant of `schedule`'s local time on a local day. */
export function instantOn(onDay: IsoDay, schedule: LocalSchedule): DateTime {
  return localInstant(onDay, schedule.hour, schedule.minute, schedule.zone);
}

/** The local calendar day of an instant in a zone (the same rule as dates.ts `dayOf`). */
export const localDay = dayOf;

export function isoWeekday(d: IsoDay): number {
  return day(d).weekday;
}

/** A working weekday that is not a public holiday of the calendar's country. */
export function isWorkingDay(d: IsoDay, calendar: readonly number[] | WorkingCalendar): boolean {
  const c = calendarOf(calendar);
  const days = c.workingDays.length > 0 ? c.workingDays : DEFAULT_WORKING_DAYS;
  return days.includes(isoWeekday(d)) && !isPublicHoliday(d, c.holidayCountry);
}

/** The day itself when it is a working day, else the next working day (holidays skipped). */
export function onOrNextWorkingDay(d: IsoDay, calendar: readonly number[] | WorkingCalendar): IsoDay {
  let cur = day(d);
  // Christmas and Easter with a weekend and a short working week still fit well within a month.
  for (let i = 0; i < 31; i++) {
    if (isWorkingDay(iso(cur), calendar)) return iso(cur);
    cur = cur.plus({ days: 1 });
  }
  return d;
}

/** The first working day strictly after `d`. */
export function nextWorkingDay(d: IsoDay, calendar: readonly number[] | WorkingCalendar): IsoDay {
  return onOrNextWorkingDay(iso(day(d).plus({ days: 1 })), calendar);
}

/** `d` moved by `n` cadence periods (months keep the day of month, clamped at month end). */
export function addCadence(d: IsoDay, cadence: CadenceName, n = 1): IsoDay {
  switch (cadence) {
    case 'WEEKLY':
      return iso(day(d).plus({ weeks: n }));
    case 'BIWEEKLY':
      return iso(day(d).plus({ weeks: 2 * n }));
    case 'MONTHLY':
      return iso(day(d).plus({ months: n }));
    case 'NONE':
      return d;
  }
}

/**
 * The cadence days after `start` (start + k periods, k ≥ 1), the first one on or after `from`.
 * Null for NONE.
 */
export function nextCadenceDay(start: IsoDay, cadence: CadenceName, from: IsoDay): IsoDay | null {
  if (cadence === 'NONE') return null;
  // Jump close first, then walk (monthly periods are not of equal length).
  const approxDays = cadence === 'WEEKLY' ? 7 : cadence === 'BIWEEKLY' ? 14 : 28;
  const gap = Math.floor(day(from).diff(day(start), 'days').days / approxDays);
  let k = Math.max(1, gap - 1);
  for (let guard = 0; guard < 1000; guard++, k++) {
    const candidate = addCadence(start, cadence, k);
    if (candidate >= from) return candidate;
  }
  return null;
}

/** Monday of the week on or after `d` (d itself when it is a Monday). */
export function mondayOnOrAfter(d: IsoDay): IsoDay {
  const dt = day(d);
  return iso(dt.plus({ days: (8 - dt.weekday) % 7 }));
}

/**
 * The next instant at or after `now` when the local wall clock of `zone` shows hour:minute,
 * optionally restricted to days accepted by `accept`.
 */
export function nextLocalOccurrence(now: DateTime, zone: string, hour: number, minute: number, accept: (d: IsoDay) => boolean = () => true): DateTime {
  let d = localDay(now, zone);
  for (let i = 0; i < 400; i++) {
    if (accept(d)) {
      const at = localInstant(d, hour, minute, zone);
      if (at >= now) return at;
    }
    d = iso(day(d).plus({ days: 1 }));
  }
  throw new Error('no local occurrence within 400 days');
}
