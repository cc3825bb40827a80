import { DateTime } from 'luxon';
import { isNorwegian, type Locale } from './index';
import { daysBetween, type IsoDay } from '../time/dates';

/**
 * Dates as the reader reads them (issue 12 §1).
 *
 * Slack has no Norwegian client language, so its `<!date^…>` tokens render English words ("Today",
 * "tomorrow", "Thursday") inside a Norwegian sentence. For a bokmål or nynorsk reader the server
 * therefore writes the date itself, with luxon, in the reader's zone and relative to an injected "now":
 *   bokmål "i dag", "i morgen", "i går", nynorsk "i dag", "i morgon", "i går"; a weekday within the
 *   coming week ("torsdag"; nynorsk "måndag", "tysdag", "laurdag", "sundag"); otherwise "3. desember",
 *   with the year when it is not the current one ("3. desember 2027"); times "kl. 09.00"; weeks
 *   "uke 49" / "veke 49" (ISO week).
 * For an English reader Slack's tokens stay (Slack renders them in the reader's own zone and
 * language), with an English fallback text in the reader's zone ("Friday 3 December 2027",
 * "…, 09:00") for clients and notifications that do not render tokens.
 * Text that Slack shows as plain text (headers, modal titles, notification text) cannot hold a token:
 * use the `plain` variants there.
 */
export interface Reader {
  locale: Locale;
  /** The reader's IANA zone. */
  zone: string;
  /**
   * Now, from the injected Clock: relative words ("i dag") are relative to it. Null when the
   * moment of reading is unknown: then every day is written in full ("3. desember 2027").
   */
  now: DateTime | null;
}

export interface DateFormatter {
  /** A calendar day (a due date, an evaluation day): "i morgen", "torsdag", "3. desember". */
  day(day: IsoDay): string;
  /** A calendar day as plain text (no Slack token, for headers and notification text). */
  plainDay(day: IsoDay): string;
  /** An instant as the reader's local day and time: "i morgen kl. 09.00". */
  dateTime(instant: DateTime | Date): string;
  /** An instant as plain text. */
  plainDateTime(instant: DateTime | Date): string;
  /** An instant's local time: "kl. 09.00" / "09:00". */
  time(instant: DateTime | Date): string;
  /** The ISO week of a day: "uke 49", "veke 49", "week 49" (with the week-year when it is not the current one). */
  week(day: IsoDay): string;
}

const LUXON_LOCALE: Record<Locale, string> = { nb: 'nb', nn: 'nn', en: 'en-GB' };

/** The words a Norwegian reader's relative days are written with, and the word for a week. */
const NORWEGIAN_WORDS: Record<'nb' | 'nn', { today: string; tomorrow: string; yesterday: string; week: string }> = {
  nb: { today: 'i dag', tomorrow: 'i morgen', yesterday: 'i går', week: 'uke' },
  nn: { today: 'i dag', tomorrow: 'i morgon', yesterday: 'i går', week: 'veke' },
};
/**
 * Nynorsk weekdays as the glossary writes them: ICU's nn data says "søndag", nynorsk style (and the
 * glossary) "sundag"; the table is written out so no ICU update changes a reader's words.
 */
const NYNORSK_WEEKDAYS = ['måndag', 'tysdag', 'onsdag', 'torsdag', 'fredag', 'laurdag', 'sundag'] as const;
const WEEK_WORD: Record<Locale, string> = { nb: NORWEGIAN_WORDS.nb.week, nn: NORWEGIAN_WORDS.nn.week, en: 'week' };

function toDateTime(instant: DateTime | Date): DateTime {
  return instant instanceof Date ? DateTime.fromJSDate(instant) : instant;
}

/**
 * The local calendar day `day` at noon in `zone` (the same day in every zone Slack renders it in).
 * Remembered: a fan-out writes the same due day in the same zone for thousands of people, and each
 * luxon zone look-up formats through Intl. Bounded (DateTimes are immutable).
 */
const noons = new Map<string, DateTime>();
function noonOf(day: IsoDay, zone: string): DateTime {
  const key = `${day} ${zone}`;
  let noon = noons.get(key);
  if (!noon) {
    noon = DateTime.fromISO(`${day}T12:00`, { zone });
    if (noons.size >= 2000) noons.clear();
    noons.set(key, noon);
  }
  return noon;
}

/**
 * A calendar day's own names (weekday, month, year): the same in every zone, so read in UTC, which
 * spares luxon a zone-offset look-up (Intl) per date written.
 */
function calendarDay(day: IsoDay, locale: string): DateTime {
  return DateTime.fromISO(day, { zone: 'utc', locale });
}

function norwegianDay(day: IsoDay, reader: Reader, locale: 'nb' | 'nn'): string {
  if (!reader.now) return calendarDay(day, LUXON_LOCALE[locale]).toFormat('d. MMMM yyyy');
  const today = reader.now.setZone(reader.zone).toISODate() as IsoDay;
  const diff = daysBetween(today, day);
  const words = NORWEGIAN_WORDS[locale];
  if (diff === 0) return words.today;
  if (diff === 1) return words.tomorrow;
  if (diff === -1) return words.yesterday;
  const d = calendarDay(day, LUXON_LOCALE[locale]);
  if (diff > 1 && diff < 7) return locale === 'nn' ? NYNORSK_WEEKDAYS[d.weekday - 1] : d.toFormat('cccc');
  return d.year === Number(today.slice(0, 4)) ? d.toFormat('d. MMMM') : d.toFormat('d. MMMM yyyy');
}

function englishPlainDay(day: IsoDay, reader: Reader): string {
  return calendarDay(day, LUXON_LOCALE.en).toFormat('cccc d MMMM yyyy');
}

function week(day: IsoDay, reader: Reader): string {
  const d = DateTime.fromISO(day, { zone: reader.zone });
  const word = WEEK_WORD[reader.locale];
  return reader.now && d.weekYear === reader.now.setZone(reader.zone).weekYear ? `${word} ${d.weekNumber}` : `${word} ${d.weekNumber} ${d.weekYear}`;
}

export function dateFormatter(reader: Reader): DateFormatter {
  const zone = reader.zone;
  const locale = reader.locale;
  if (isNorwegian(locale)) {
    const time = (instant: DateTime | Date) => `kl. ${toDateTime(instant).setZone(zone).toFormat('HH.mm')}`;
    const dateTime = (instant: DateTime | Date) => {
      const local = toDateTime(instant).setZone(zone);
      return `${norwegianDay(local.toISODate() as IsoDay, reader, locale)} ${time(local)}`;
    };
    return {
      day: (d) => norwegianDay(d, reader, locale),
      plainDay: (d) => norwegianDay(d, reader, locale),
      dateTime,
      plainDateTime: dateTime,
      time,
      week: (d) => week(d, reader),
    };
  }
  const plainTime = (instant: DateTime | Date) => toDateTime(instant).setZone(zone).toFormat('HH:mm');
  const plainDateTime = (instant: DateTime | Date) => {
    const local = toDateTime(instant).setZone(zone);
    return `${englishPlainDay(local.toISODate() as IsoDay, reader)}, ${plainTime(local)}`;
  };
  return {
    day: (d) => `<!date^${Math.floor(noonOf(d, zone).toSeconds())}^{date_short_pretty}|${englishPlainDay(d, reader)}>`,
    plainDay: (d) => englishPlainDay(d, reader),
    dateTime: (instant) => `<!date^${Math.floor(toDateTime(instant).toSeconds())}^{date_short_pretty} at {time}|${plainDateTime(instant)}>`,
    plainDateTime,
    time: (instant) => `<!date^${Math.floor(toDateTime(instant).toSeconds())}^{time}|${plainTime(instant)}>`,
    week: (d) => week(d, reader),
  };
}
