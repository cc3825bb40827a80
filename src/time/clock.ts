import { DateTime } from 'luxon';
import { dayOf, type IsoDay } from './dates';

/** The only source of "now" for domain code: inject it, so tests can pin the clock. */
export interface Clock {
  now(): DateTime;
}

export const systemClock: Clock = { now: () => DateTime.utc() };

/** Today in a zone (a person's), as an ISO day: the one way domain code asks for "today". */
export function todayIn(clock: Clock, zone: string): IsoDay {
  return dayOf(clock.now(), zone);
}

/** A clock that stands still (or moves only when told): for tests and benchmarks. */
export class FixedClock implements Clock {
  private current: DateTime;
  constructor(start: DateTime | string) {
    this.current = typeof start === 'string' ? DateTime.fromISO(start, { setZone: true }).toUTC() : start.toUTC();
  }
  now(): DateTime {
    return this.current;
  }
  set(to: DateTime | string): void {
    this.current = typeof to === 'string' ? DateTime.fromISO(to, { setZone: true }).toUTC() : to.toUTC();
  }
  advance(duration: { days?: number; hours?: number; minutes?: number; seconds?: number }): void {
    this.current = this.current.plus(duration);
  }
}

/**
 * A clock pinned to a chosen instant at creation that then moves with real time: tests and
 * benchmarks pick "now" (e.g. 08:59:58 in Oslo on a DST day) and real queue delays still elapse.
 */
export class ShiftedClock implements Clock {
  private readonly offsetMs: number;
  constructor(start: DateTime | string) {
    const at = typeof start === 'string' ? DateTime.fromISO(start, { setZone: true }) : start;
    this.offsetMs = at.toMillis() - Date.now();
  }
  now(): DateTime {
    return DateTime.fromMillis(Date.now() + this.offsetMs, { zone: 'utc' });
  }
}
