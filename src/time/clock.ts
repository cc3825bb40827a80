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

/**
 * A clock that moves with real time from an offset that can be moved forward (the local trial
 * workspace's clock control). Queue delays are real milliseconds, so whoever moves it also moves the
 * queued jobs' delays (src/local/timeTravel.ts).
 */
export class MovableClock implements Clock {
  private offset = 0;
  constructor(start?: DateTime | string) {
    if (start) this.offset = (typeof start === 'string' ? DateTime.fromISO(start, { setZone: true }) : start).toMillis() - Date.now();
  }
  now(): DateTime {
    return DateTime.fromMillis(Date.now() + this.offset, { zone: 'utc' });
  }
  /** Back to real time, or to any instant, even an earlier one (a reset workspace: nothing is queued). */
  reset(to?: DateTime): void {
    this.offset = to ? to.toMillis() - Date.now() : 0;
  }
  /** How far the clock is ahead of real time, in ms. */
  get offsetMs(): number {
    return this.offset;
  }
  /** Moves the clock to an instant (never backwards: what was sent stays sent). Returns the ms moved. */
  moveTo(to: DateTime | string): number {
    const at = typeof to === 'string' ? DateTime.fromISO(to, { setZone: true }) : to;
    const by = Math.max(0, at.toMillis() - this.now().toMillis());
    this.offset += by;
    return by;
  }
}
