import { DateTime } from 'luxon';
import { messageDates } from '../../src/domain/reminders/messages';
import { dateFormatter } from '../../src/i18n/dates';
import { FixedClock } from '../../src/time/clock';
import { addDays } from '../../src/time/dates';
import { bokmaalWordsIn } from '../support/readerDates';

const OSLO = 'Europe/Oslo';
const NY = 'America/New_York';
const CHATHAM = 'Pacific/Chatham';

const nbAt = (now: string, zone = OSLO) => dateFormatter({ locale: 'nb', zone, now: new FixedClock(now).now() });
const nnAt = (now: string, zone = OSLO) => dateFormatter({ locale: 'nn', zone, now: new FixedClock(now).now() });
const enAt = (now: string, zone = OSLO) => dateFormatter({ locale: 'en', zone, now: new FixedClock(now).now() });

/** English date words Slack would write (April, August, September and November are spelt alike in bokmål); a bokmål reader must see none. */
const ENGLISH = /\b(today|tomorrow|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|may|june|july|october|december|week|at)\b|<!date/i;

describe('dates for a bokmål reader (server-side, luxon, reader zone)', () => {
  // Monday 30 November 2026, 11:00 in Oslo.
  const f = nbAt('2026-11-30T10:00:00Z');

  test.each([
    ['2026-11-30', 'i dag'],
    ['2026-12-01', 'i morgen'],
    ['2026-11-29', 'i går'],
    ['2026-12-03', 'torsdag'],
    ['2026-12-06', 'søndag'],
    ['2026-12-07', '7. desember'],
    ['2026-11-20', '20. november'],
    ['2027-12-03', '3. desember 2027'],
    ['2025-12-03', '3. desember 2025'],
  ])('%s reads "%s"', (day, text) => {
    expect(f.day(day)).toBe(text);
    expect(f.plainDay(day)).toBe(text);
  });

  test('times are "kl. 09.00" in the reader zone, on both sides of a DST change', () => {
    // Oslo: CET (+1) before 28 March 2027, CEST (+2) after.
    expect(f.time(DateTime.fromISO('2027-03-26T08:00:00Z'))).toBe('kl. 09.00');
    expect(f.time(DateTime.fromISO('2027-03-29T07:00:00Z'))).toBe('kl. 09.00');
    expect(f.time(new Date('2027-10-31T08:00:00Z'))).toBe('kl. 09.00');
  });

  test('a date and time is the day word and the time', () => {
    const sat = nbAt('2027-03-27T10:00:00Z');
    expect(sat.dateTime(DateTime.fromISO('2027-03-29T07:00:00Z'))).toBe('mandag kl. 09.00');
    expect(sat.dateTime(DateTime.fromISO('2027-03-28T07:00:00Z'))).toBe('i morgen kl. 09.00');
    expect(sat.dateTime(DateTime.fromISO('2027-03-27T16:30:00Z'))).toBe('i dag kl. 17.30');
    expect(sat.dateTime(DateTime.fromISO('2027-04-05T07:00:00Z'))).toBe('5. april kl. 09.00');
  });

  test('"today" is the reader’s today: the same instant is a different day in another zone', () => {
    const now = '2026-11-30T23:30:00Z'; // Oslo: 1 Dec 00:30; New York: 30 Nov 18:30; Chatham: 1 Dec 13:15
    expect(nbAt(now, OSLO).day('2026-12-01')).toBe('i dag');
    expect(nbAt(now, NY).day('2026-12-01')).toBe('i morgen');
    expect(nbAt(now, CHATHAM).day('2026-12-01')).toBe('i dag');
    expect(nbAt(now, CHATHAM).day('2026-11-30')).toBe('i går');
    // An instant shown in the reader's zone: 23:30 UTC is 00:30 the next day in Oslo.
    expect(nbAt(now, OSLO).dateTime(DateTime.fromISO(now))).toBe('i dag kl. 00.30');
    expect(nbAt(now, NY).dateTime(DateTime.fromISO(now))).toBe('i dag kl. 18.30');
  });

  test('across the spring-forward night the day words stay right', () => {
    // 28 March 2027 02:00 → 03:00 in Oslo. 00:30 local (23:30 UTC the day before) is already the 28th.
    const f2 = nbAt('2027-03-27T23:30:00Z');
    expect(f2.day('2027-03-28')).toBe('i dag');
    expect(f2.day('2027-03-29')).toBe('i morgen');
    expect(f2.day('2027-04-03')).toBe('lørdag');
    expect(f2.day('2027-04-04')).toBe('4. april');
  });

  test('weeks are ISO weeks: "uke 49"', () => {
    expect(f.week('2026-11-30')).toBe('uke 49');
    expect(f.week('2026-12-06')).toBe('uke 49');
    expect(f.week('2027-01-01')).toBe('uke 53'); // ISO week 53 of 2026
    expect(f.week('2027-01-04')).toBe('uke 1 2027');
  });

  test('no English date word for any day two years around now, in three zones', () => {
    for (const zone of [OSLO, NY, CHATHAM]) {
      const fz = nbAt('2026-11-30T10:00:00Z', zone);
      for (let i = -400; i <= 400; i += 1) {
        const day = addDays('2026-11-30', i);
        const texts = [fz.day(day), fz.plainDay(day), fz.week(day), fz.dateTime(DateTime.fromISO(`${day}T08:00:00Z`))];
        for (const text of texts) expect({ day, text, english: ENGLISH.test(text) }).toEqual({ day, text, english: false });
      }
    }
  });

  test('without a known "now" the day is written in full', () => {
    const f0 = dateFormatter({ locale: 'nb', zone: OSLO, now: null });
    expect(f0.day('2026-12-03')).toBe('3. desember 2026');
    expect(f0.week('2026-12-03')).toBe('uke 49 2026');
  });
});

describe('dates for a nynorsk reader (server-side, luxon, reader zone; the glossary\'s words)', () => {
  // Monday 30 November 2026, 11:00 in Oslo.
  const f = nnAt('2026-11-30T10:00:00Z');

  test.each([
    ['2026-11-30', 'i dag'],
    ['2026-12-01', 'i morgon'],
    ['2026-11-29', 'i går'],
    ['2026-12-02', 'onsdag'],
    ['2026-12-03', 'torsdag'],
    ['2026-12-05', 'laurdag'],
    ['2026-12-06', 'sundag'],
    ['2026-12-07', '7. desember'],
    ['2027-12-03', '3. desember 2027'],
  ])('%s reads "%s"', (day, text) => {
    expect(f.day(day)).toBe(text);
    expect(f.plainDay(day)).toBe(text);
  });

  test('every weekday in nynorsk: måndag, tysdag … laurdag, sundag', () => {
    const sunday = nnAt('2026-12-06T10:00:00Z');
    expect(['2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-12'].map((d) => sunday.day(d))).toEqual(['tysdag', 'onsdag', 'torsdag', 'fredag', 'laurdag']);
    expect(nnAt('2026-12-03T10:00:00Z').day('2026-12-07')).toBe('måndag');
  });

  test('times are "kl. 09.00"; a date and time is the day word and the time, across DST', () => {
    const sat = nnAt('2027-03-27T10:00:00Z');
    expect(sat.time(DateTime.fromISO('2027-03-29T07:00:00Z'))).toBe('kl. 09.00');
    expect(sat.dateTime(DateTime.fromISO('2027-03-29T07:00:00Z'))).toBe('måndag kl. 09.00');
    expect(sat.dateTime(DateTime.fromISO('2027-03-28T07:00:00Z'))).toBe('i morgon kl. 09.00');
    expect(sat.dateTime(DateTime.fromISO('2027-04-05T07:00:00Z'))).toBe('5. april kl. 09.00');
  });

  test('weeks are ISO weeks: "veke 49"', () => {
    expect(f.week('2026-11-30')).toBe('veke 49');
    expect(f.week('2027-01-04')).toBe('veke 1 2027');
    expect(dateFormatter({ locale: 'nn', zone: OSLO, now: null }).week('2026-12-03')).toBe('veke 49 2026');
  });

  test('no English date word and no bokmål-only word for any day two years around now, in three zones', () => {
    for (const zone of [OSLO, NY, CHATHAM]) {
      const fz = nnAt('2026-11-30T10:00:00Z', zone);
      for (let i = -400; i <= 400; i += 1) {
        const day = addDays('2026-11-30', i);
        const texts = [fz.day(day), fz.plainDay(day), fz.week(day), fz.dateTime(DateTime.fromISO(`${day}T08:00:00Z`))];
        for (const text of texts) expect({ day, text, english: ENGLISH.test(text), bokmaal: bokmaalWordsIn(text) }).toEqual({ day, text, english: false, bokmaal: [] });
      }
    }
  });
});

describe('dates for an English reader (Slack tokens with a fallback)', () => {
  const f = enAt('2026-11-30T10:00:00Z');

  test('a day is a Slack token anchored at noon in the reader zone, with an English fallback', () => {
    const noon = DateTime.fromISO('2026-12-03T12:00:00', { zone: OSLO });
    expect(f.day('2026-12-03')).toBe(`<!date^${noon.toSeconds()}^{date_short_pretty}|Thursday 3 December 2026>`);
    expect(f.plainDay('2026-12-03')).toBe('Thursday 3 December 2026');
  });

  test('a date and time token falls back to the reader’s local time, across DST', () => {
    const summer = DateTime.fromISO('2027-03-29T07:00:00Z');
    expect(f.dateTime(summer)).toBe(`<!date^${summer.toSeconds()}^{date_short_pretty} at {time}|Monday 29 March 2027, 09:00>`);
    const winter = new Date('2027-03-26T08:00:00Z');
    expect(f.plainDateTime(winter)).toBe('Friday 26 March 2027, 09:00');
    expect(enAt('2026-11-30T10:00:00Z', NY).plainDateTime(winter)).toBe('Friday 26 March 2027, 04:00');
    expect(f.time(winter)).toBe(`<!date^${winter.getTime() / 1000}^{time}|09:00>`);
  });

  test('weeks read "week 49"', () => {
    expect(f.week('2026-11-30')).toBe('week 49');
  });
});

describe('messageDates (the dates of a workflow message)', () => {

  test('a digest composed on Monday 30 November 2026 is headed with the ISO week in the reader’s language', () => {
    const composedAt = new FixedClock('2026-11-30T07:00:00Z').now().toISO()!;
    expect(messageDates({ locale: 'nb', zone: OSLO, composedAt }).week('2026-11-30')).toBe('uke 49');
    expect(messageDates({ locale: 'en', zone: OSLO, composedAt }).week('2026-11-30')).toBe('week 49');
    expect(messageDates({ locale: 'nb', zone: OSLO, composedAt }).day('2026-12-01')).toBe('i morgen');
    expect(messageDates({ locale: 'nn', zone: OSLO, composedAt }).week('2026-11-30')).toBe('veke 49');
    expect(messageDates({ locale: 'nn', zone: OSLO, composedAt }).day('2026-12-01')).toBe('i morgon');
  });

  test('without composedAt a bokmål date is written in full, never in English', () => {
    expect(messageDates({ locale: 'nb', zone: OSLO }).day('2026-12-01')).toBe('1. desember 2026');
  });
});
