import { DateTime } from 'luxon';
import {
  addCadence,
  instantOn,
  isWorkingDay,
  localDay,
  localInstant,
  mondayOnOrAfter,
  nextCadenceDay,
  nextLocalOccurrence,
  nextWorkingDay,
  onOrNextWorkingDay,
} from '../../src/time/rules';

const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

describe('local wall time → instant (luxon, DST)', () => {
  it('keeps 09:00 Europe/Oslo at 09:00 local across the 2027-03-28 spring-forward', () => {
    expect(localInstant('2027-03-27', 9, 0, 'Europe/Oslo').toISO()).toBe('2027-03-27T08:00:00.000Z');
    expect(localInstant('2027-03-28', 9, 0, 'Europe/Oslo').toISO()).toBe('2027-03-28T07:00:00.000Z');
    expect(localInstant('2027-03-29', 9, 0, 'Europe/Oslo').toISO()).toBe('2027-03-29T07:00:00.000Z');
  });

  it('keeps 09:00 Europe/Oslo at 09:00 local across the 2027-10-31 fall-back', () => {
    expect(localInstant('2027-10-30', 9, 0, 'Europe/Oslo').toISO()).toBe('2027-10-30T07:00:00.000Z');
    expect(localInstant('2027-10-31', 9, 0, 'Europe/Oslo').toISO()).toBe('2027-10-31T08:00:00.000Z');
  });

  it('fires a 02:30 reminder on the spring-forward day at 03:30 local, once', () => {
    const at = localInstant('2027-03-28', 2, 30, 'Europe/Oslo');
    expect(at.setZone('Europe/Oslo').toFormat('yyyy-MM-dd HH:mm ZZ')).toBe('2027-03-28 03:30 +02:00');
    // Searching from the day before finds exactly that one instant, and the next one is a day later.
    const first = nextLocalOccurrence(utc('2027-03-27T12:00:00Z'), 'Europe/Oslo', 2, 30);
    expect(first.toISO()).toBe(at.toISO());
    const second = nextLocalOccurrence(first.plus({ seconds: 1 }), 'Europe/Oslo', 2, 30);
    expect(second.setZone('Europe/Oslo').toFormat('yyyy-MM-dd HH:mm')).toBe('2027-03-29 02:30');
  });

  it('fires an ambiguous 02:30 on the fall-back day once (its first occurrence)', () => {
    const at = localInstant('2027-10-31', 2, 30, 'Europe/Oslo');
    expect(at.toISO()).toBe('2027-10-31T00:30:00.000Z');
    const next = nextLocalOccurrence(at.plus({ seconds: 1 }), 'Europe/Oslo', 2, 30);
    // not again at 01:30Z (the second 02:30) but the next day
    expect(next.toISO()).toBe('2027-11-01T01:30:00.000Z');
  });

  it('lands on the right local day in America/New_York (DST 2027-03-14)', () => {
    expect(localInstant('2027-03-13', 9, 0, 'America/New_York').toISO()).toBe('2027-03-13T14:00:00.000Z');
    expect(localInstant('2027-03-14', 9, 0, 'America/New_York').toISO()).toBe('2027-03-14T13:00:00.000Z');
    // 23:30 UTC on a Monday is still Monday afternoon in New York
    expect(localDay(utc('2027-03-15T23:30:00Z'), 'America/New_York')).toBe('2027-03-15');
  });

  it('lands on the right local day in Asia/Kolkata (+05:30)', () => {
    expect(localInstant('2027-01-04', 9, 0, 'Asia/Kolkata').toISO()).toBe('2027-01-04T03:30:00.000Z');
    expect(localDay(utc('2027-01-03T19:00:00Z'), 'Asia/Kolkata')).toBe('2027-01-04');
  });

  it('lands on the right local day in Pacific/Chatham (+13:45 in summer, +12:45 in winter)', () => {
    // 09:00 on 2027-01-04 in Chatham is still 2027-01-03 in UTC
    expect(localInstant('2027-01-04', 9, 0, 'Pacific/Chatham').toISO()).toBe('2027-01-03T19:15:00.000Z');
    expect(localInstant('2027-07-05', 9, 0, 'Pacific/Chatham').toISO()).toBe('2027-07-04T20:15:00.000Z');
    const next = nextLocalOccurrence(utc('2027-01-03T12:00:00Z'), 'Pacific/Chatham', 9, 0);
    expect(next.setZone('Pacific/Chatham').toFormat('yyyy-MM-dd HH:mm')).toBe('2027-01-04 09:00');
  });

  it('moves future reminders when a person changes zone', () => {
    const before = { zone: 'Europe/Oslo', hour: 9, minute: 0, workingDays: [1, 2, 3, 4, 5] };
    const after = { ...before, zone: 'America/New_York' };
    expect(instantOn('2027-06-07', before).toISO()).toBe('2027-06-07T07:00:00.000Z');
    expect(instantOn('2027-06-07', after).toISO()).toBe('2027-06-07T13:00:00.000Z');
    expect(instantOn('2027-06-07', after).setZone('America/New_York').hour).toBe(9);
  });
});

describe('working days and cadences', () => {
  const week = [1, 2, 3, 4, 5];
  it('knows working days and the next one', () => {
    expect(isWorkingDay('2027-03-26', week)).toBe(true); // Friday
    expect(isWorkingDay('2027-03-27', week)).toBe(false); // Saturday
    expect(nextWorkingDay('2027-03-26', week)).toBe('2027-03-29');
    expect(onOrNextWorkingDay('2027-03-27', week)).toBe('2027-03-29');
    expect(onOrNextWorkingDay('2027-03-29', week)).toBe('2027-03-29');
    expect(nextWorkingDay('2027-03-26', [2, 4])).toBe('2027-03-30'); // Tuesday
  });

  it('adds weekly, biweekly and monthly periods (month end clamped)', () => {
    expect(addCadence('2027-01-31', 'WEEKLY')).toBe('2027-02-07');
    expect(addCadence('2027-01-31', 'BIWEEKLY', 2)).toBe('2027-02-28');
    expect(addCadence('2027-01-31', 'MONTHLY')).toBe('2027-02-28');
    expect(addCadence('2027-01-31', 'MONTHLY', 2)).toBe('2027-03-31');
  });

  it('finds the next cadence day on or after a day', () => {
    expect(nextCadenceDay('2027-01-04', 'WEEKLY', '2027-01-05')).toBe('2027-01-11');
    expect(nextCadenceDay('2027-01-04', 'WEEKLY', '2027-01-11')).toBe('2027-01-11');
    expect(nextCadenceDay('2027-01-04', 'BIWEEKLY', '2027-01-04')).toBe('2027-01-18');
    expect(nextCadenceDay('2027-01-31', 'MONTHLY', '2027-05-01')).toBe('2027-05-31');
    expect(nextCadenceDay('2027-01-04', 'NONE', '2027-05-01')).toBeNull();
  });

  it('finds the Monday of a week', () => {
    expect(mondayOnOrAfter('2027-03-29')).toBe('2027-03-29');
    expect(mondayOnOrAfter('2027-03-30')).toBe('2027-04-05');
    expect(mondayOnOrAfter('2027-04-04')).toBe('2027-04-05');
  });
});
