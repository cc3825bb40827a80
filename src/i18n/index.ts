import { en, type MessageKey } from './en';
import { nb } from './nb';
import { nn } from './nn';

/** bokmål, nynorsk, English. */
export type Locale = 'nb' | 'nn' | 'en';
export type { MessageKey };
export type Vars = Record<string, string | number>;

/**
 * Message syntax (every catalogue):
 * - `{name}` is replaced by the variable `name` (a string or a number).
 * - Counts use plural forms chosen with `Intl.PluralRules` for the reader's language:
 *   `{count, plural, one {# leder} other {# ledere}}`. `#` is the number (decimal comma in bokmål,
 *   no thousands grouping); `=0 {…}` picks an exact number before the language's category (`zero`, `one`,
 *   `two`, `few`, `many`, `other`; bokmål and English use `one` and `other`). A plural variable must
 *   be a number. The forms hold text and `#` only — no `{placeholders}` inside a form. `other` is
 *   required. Use this for every count a reader sees: no "(s)", no "1 påminnelser".
 * - Variables are typed from the English catalogue (`as const`): `t(locale, key, vars)` and
 *   `translator(locale)(key, vars)` fail to compile when a variable is missing or misspelt, when a
 *   plural variable is not a number, or when a key with no variables gets some. A key built at run
 *   time (a union such as `` `goal.kind.${k}` ``) accepts any variables.
 */

// ── types: the variables of a message, read from its text ────────────────────
type IsName<S extends string> = S extends '' ? false : S extends `${string}${' ' | '#' | '{' | ',' | '='}${string}` ? false : true;

/** The variables of a template: `{name}` → string | number, `{name, plural, …}` → number. */
export type VarsOf<S extends string> = S extends `${string}{${infer Inner}}${infer Rest}`
  ? Inner extends `${infer Name}, plural,${string}`
    ? { [K in Name]: number } & VarsOf<Rest extends `${string}}}${infer After}` ? After : ''>
    : IsName<Inner> extends true
      ? { [K in Inner]: string | number } & VarsOf<Rest>
      : VarsOf<Rest>
  : {};

type Flatten<T> = { [K in keyof T]: T[K] };
type IsUnion<T, U = T> = T extends unknown ? ([U] extends [T] ? false : true) : never;

/** The variables message `K` needs. */
export type MessageVars<K extends MessageKey> = Flatten<VarsOf<(typeof en)[K]>>;

/** The rest-arguments of t()/tr(): none for a message without variables, else exactly its variables. */
export type VarArgs<K extends MessageKey> =
  true extends IsUnion<K>
    ? [vars?: Vars]
    : keyof MessageVars<K> extends never
      ? [vars?: Record<string, never>]
      : [vars: MessageVars<K>];

// ── run time ────────────────────────────────────────────────────────────────
const catalogs: Record<Locale, Record<MessageKey, string>> = { en, nb, nn };

const pluralRules: Record<Locale, Intl.PluralRules> = {
  nb: new Intl.PluralRules('nb-NO'),
  nn: new Intl.PluralRules('nn-NO'),
  en: new Intl.PluralRules('en-GB'),
};

/** Index of the `}` closing the `{` at `open`, counting nested braces; -1 when unbalanced. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** `one {# leder} other {# ledere}` → { one: '# leder', other: '# ledere' }. */
export function pluralForms(spec: string): Record<string, string> | null {
  const forms: Record<string, string> = {};
  let i = 0;
  while (i < spec.length) {
    const m = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(spec.slice(i));
    if (!m) return spec.slice(i).trim() === '' ? forms : null;
    const open = i + m[0].length - 1;
    const close = closing(spec, open);
    if (close < 0) return null;
    forms[m[1]] = spec.slice(open + 1, close);
    i = close + 1;
  }
  return forms;
}

/** The plural form of `forms` for `n` in `locale`. */
export function choosePlural(locale: Locale, forms: Record<string, string>, n: number): string {
  return forms[`=${n}`] ?? forms[pluralRules[locale].select(n)] ?? forms.other ?? '';
}

/** The template with each plural block replaced by all its forms (for checks over every text a reader can see). */
export function expandPlurals(template: string): string {
  return template.replace(/\{(\w+)\s*,\s*plural\s*,/g, '\u0000').split('\u0000').reduce((acc, part, i) => {
    if (i === 0) return part;
    // part = "one {…} other {…}}rest": the block ends at the first "}" that closes no form.
    let depth = 0;
    let end = 0;
    for (; end < part.length; end++) {
      if (part[end] === '{') depth++;
      else if (part[end] === '}' && depth-- === 0) break;
    }
    const forms = pluralForms(part.slice(0, end)) ?? {};
    return acc + Object.values(forms).join(' / ') + part.slice(end + 1);
  }, '');
}

/** Renders a template. Unknown placeholders are left as written so a mistake is visible, not blank. */
export function format(locale: Locale, template: string, vars?: Vars): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) break;
    const close = closing(template, open);
    if (close < 0) break;
    out += template.slice(i, open);
    const inner = template.slice(open + 1, close);
    const plural = /^(\w+)\s*,\s*plural\s*,([\s\S]*)$/.exec(inner);
    if (plural) {
      const value = vars?.[plural[1]];
      const forms = pluralForms(plural[2]);
      const n = typeof value === 'number' ? value : Number(value);
      if (forms && value !== undefined && Number.isFinite(n)) out += choosePlural(locale, forms, n).replace(/#/g, formatCount(locale, n));
      else out += template.slice(open, close + 1);
    } else if (/^\w+$/.test(inner) && vars && inner in vars) {
      out += String(vars[inner]);
    } else {
      out += template.slice(open, close + 1);
    }
    i = close + 1;
  }
  return out + template.slice(i);
}

/** Translates a key; see the message syntax above. */
export function t<K extends MessageKey>(locale: Locale, key: K, ...args: VarArgs<K>): string {
  return format(locale, catalogs[locale][key], args[0] as Vars | undefined);
}

/** A translator bound to one locale. */
export type Translate = <K extends MessageKey>(key: K, ...args: VarArgs<K>) => string;
export function translator(locale: Locale): Translate {
  return (key, ...args) => format(locale, catalogs[locale][key], args[0] as Vars | undefined);
}

/**
 * Slack locale (e.g. nb-NO, no-NO, nn-NO, en-GB) → the app's language: `nn*` is nynorsk, `nb*` and
 * `no*` bokmål, anything else English. (Slack's own client languages include neither; a person who
 * wants nynorsk usually chooses it in the app's settings.)
 */
export function localeFromSlack(slackLocale: string | null | undefined, fallback: Locale): Locale {
  if (!slackLocale) return fallback;
  const lang = slackLocale.toLowerCase().split(/[-_]/)[0];
  if (lang === 'nn') return 'nn';
  if (lang === 'nb' || lang === 'no') return 'nb';
  if (lang) return 'en';
  return fallback;
}

export function allKeys(): MessageKey[] {
  return Object.keys(en) as MessageKey[];
}

/** The Intl (BCP 47) tag of each language: numbers, plural rules, dates. */
export const INTL_LOCALE: Record<Locale, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

/** True for the two written Norwegian languages (server-written dates, decimal comma). */
export function isNorwegian(locale: Locale): locale is 'nb' | 'nn' {
  return locale === 'nb' || locale === 'nn';
}

/** A count in a plural form: decimal comma in Norwegian, no thousands grouping (3000 tegn, 3000 characters). */
function formatCount(locale: Locale, value: number): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: 2, useGrouping: false }).format(value);
}

/** Numbers as the reader writes them: 3,5 in bokmål and nynorsk, 3.5 in English. */
export function formatNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: 2 }).format(value);
}
