import { DateTime } from 'luxon';
import { formatNumber, INTL_LOCALE, isNorwegian, t, type Locale, type MessageKey, type Vars } from '../../i18n';
import { ALT_TEXT_MAX } from './spec';

/** Helpers shared by the chart specs: dates and numbers as the reader writes them. */
export function intlLocale(locale: Locale): string {
  return INTL_LOCALE[locale];
}

/** "3. desember 2026" (bokmål and nynorsk) / "3 December 2026". */
export function longDay(locale: Locale, at: DateTime): string {
  return at.setLocale(intlLocale(locale)).toFormat(isNorwegian(locale) ? 'd. MMMM yyyy' : 'd MMMM yyyy');
}

/** "3. des." / "3 Dec" — or with the year when the axis spans more than one. */
export function shortDay(locale: Locale, at: DateTime, withYear: boolean): string {
  const l = at.setLocale(intlLocale(locale));
  if (withYear) return l.toFormat(isNorwegian(locale) ? 'd. MMM yy' : 'd MMM yy');
  return l.toFormat(isNorwegian(locale) ? 'd. MMM' : 'd MMM');
}

/** A number with its unit: "42 %", "3,5 poeng". */
export function withUnit(locale: Locale, value: number, unit: string | null): string {
  const n = formatNumber(locale, value);
  if (!unit) return n;
  return unit === '%' ? `${n} %` : `${n} ${unit}`;
}

export function percentText(locale: Locale, ratio: number): string {
  return t(locale, 'common.progress', { percent: formatNumber(locale, Math.round(ratio * 100)) });
}

/** Joins sentences, keeping the whole within Slack's alt_text limit. */
export function joinAlt(parts: string[]): string {
  const text = parts.filter((p) => p.length > 0).join(' ');
  return text.length <= ALT_TEXT_MAX ? text : `${text.slice(0, ALT_TEXT_MAX - 1)}…`;
}

/** A list of items that stops (with "and N more") before the text passes `budget` characters. */
export function listWithin(locale: Locale, items: string[], budget: number): string {
  const out: string[] = [];
  let used = 0;
  for (let i = 0; i < items.length; i += 1) {
    const rest = items.length - i;
    const more = t(locale, 'chart.alt_more', { count: rest });
    if (used + items[i].length + 2 > budget - more.length - 2 && rest > 1) {
      out.push(more);
      break;
    }
    out.push(items[i]);
    used += items[i].length + 2;
  }
  return out.join(', ');
}

export function tr(locale: Locale) {
  return (key: MessageKey, vars?: Vars) => t(locale, key, vars);
}

/** Cuts a label to `max` characters with an ellipsis. */
export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
