import { DateTime } from 'luxon';

/** The only source of "now" for domain code: inject it, so tests can pin the clock. */
export interface Clock {
  now(): DateTime;
}

export const systemClock: Clock = { now: () => DateTime.utc() };

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
