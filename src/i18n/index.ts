import { en, type MessageKey } from './en';
import { nb } from './nb';

export type Locale = 'nb' | 'en';
export type { MessageKey };
export type Vars = Record<string, string | number>;

const catalogs: Record<Locale, Record<MessageKey, string>> = { en, nb };

/** Translates a key. Unknown placeholders are left as written so a mistake is visible, not blank. */
export function t(locale: Locale, key: MessageKey, vars?: Vars): string {
  const template = catalogs[locale][key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** A translator bound to one locale. */
export type Translate = (key: MessageKey, vars?: Vars) => string;
export function translator(locale: Locale): Translate {
  return (key, vars) => t(locale, key, vars);
}

/** Slack locale (e.g. nb-NO, no-NO, nn-NO, en-GB) → the app's language. */
export function localeFromSlack(slackLocale: string | null | undefined, fallback: Locale): Locale {
  if (!slackLocale) return fallback;
  const lang = slackLocale.toLowerCase().split(/[-_]/)[0];
  if (lang === 'nb' || lang === 'no' || lang === 'nn') return 'nb';
  if (lang) return 'en';
  return fallback;
}

export function allKeys(): MessageKey[] {
  return Object.keys(en) as MessageKey[];
}

/** Numbers as the reader writes them: 3,5 in bokmål, 3.5 in English. */
export function formatNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(locale === 'nb' ? 'nb-NO' : 'en-GB', { maximumFractionDigits: 2 }).format(value);
}
