import { en } from '../../src/i18n/en';
import { nb } from '../../src/i18n/nb';
import { nn } from '../../src/i18n/nn';
import { allKeys, format, localeFromSlack, t } from '../../src/i18n';
import { SUBCOMMANDS } from '../../src/slack/commandText';
import { bokmaalWordsIn } from '../support/readerDates';

/**
 * Strings that are rightly the same in both languages (symbols, numbers, product names).
 * A key lands here only after a person checked that bokmål really writes it the same way.
 */
const SAME_IN_BOTH = new Set<string>([
  '—',
  '{percent} %',
  '✅ {title}',
  '🚧 *{kind}* ({status}): {description}',
  // Norwegian words too.
  '*{leader}* · team {channel}',
  'Status',
  // The guide itself says "coaching".
  'Coaching',
]);

/** Keys whose text is rightly the same in both catalogues: each language named in itself. */
// 'status' is the same word in both languages.
const SAME_KEYS = new Set<string>([
  'settings.language.en',
  'page.app_badge',
  'settings.language.nb',
  'settings.language.nn',
  'command.status',
  // The HR overview's subcommand is 'hr' in every language.
  'command.hr',
  'hr.trend_line',
  // Only placeholders and punctuation: the words come from other keys.
  'history.change',
  'history.evaluation_goal',
]);

/** Keys whose nynorsk text is rightly the English word: nynorsk "open" (ei open hindring). */
const SAME_IN_NYNORSK = new Set<string>(['barrier.status.OPEN']);

const placeholders = (s: string): string[] => [...new Set([...s.matchAll(/\{(\w+)(?:\}|\s*,\s*plural\s*,)/g)].map((m) => m[1]))].sort();

describe('i18n catalogues', () => {
  const enKeys = Object.keys(en).sort();
  const nbKeys = Object.keys(nb).sort();

  test('bokmål, nynorsk and English have exactly the same keys', () => {
    expect(nbKeys.filter((k) => !(k in en))).toEqual([]);
    expect(enKeys.filter((k) => !(k in nb))).toEqual([]);
    expect(Object.keys(nn).filter((k) => !(k in en))).toEqual([]);
    expect(enKeys.filter((k) => !(k in nn))).toEqual([]);
    expect(allKeys().sort()).toEqual(enKeys);
  });

  test('every string is non-empty in both languages', () => {
    const empty = enKeys.filter((k) => {
      const key = k as keyof typeof en;
      return en[key].trim() === '' || nb[key].trim() === '' || nn[key].trim() === '';
    });
    expect(empty).toEqual([]);
  });

  test.each([
    ['nb', nb],
    ['nn', nn],
  ] as const)('placeholders are identical in %s and en', (lang, catalogue) => {
    const mismatched = enKeys
      .map((k) => k as keyof typeof en)
      .filter((k) => placeholders(en[k]).join(',') !== placeholders(catalogue[k]).join(','))
      .map((k) => `${k}: en {${placeholders(en[k]).join(',')}} ${lang} {${placeholders(catalogue[k]).join(',')}}`);
    expect(mismatched).toEqual([]);
  });

  test('no nynorsk string is the English one left untranslated (except the allow-list)', () => {
    const same = enKeys
      .map((k) => k as keyof typeof en)
      .filter((k) => en[k] === nn[k] && !SAME_IN_BOTH.has(en[k]) && !SAME_KEYS.has(k) && !SAME_IN_NYNORSK.has(k))
      .map((k) => `${k}: ${JSON.stringify(en[k])}`);
    expect(same).toEqual([]);
  });

  test('no nynorsk string has a common bokmål-only word (the bokmål text copied, or a form mixed in)', () => {
    const found = enKeys
      .map((k) => k as keyof typeof en)
      // Code spans are commands (`/followup setup`), placeholders are filled in at run time.
      .flatMap((k) => bokmaalWordsIn(nn[k].replace(/`[^`]*`/g, ' ').replace(/\{\w+\}/g, ' ')).map((w) => `${k}: «${w}»`));
    expect(found).toEqual([]);
  });

  test('no bokmål string is the English one left untranslated (except the allow-list)', () => {
    const same = enKeys
      .map((k) => k as keyof typeof en)
      .filter((k) => en[k] === nb[k] && !SAME_IN_BOTH.has(en[k]) && !SAME_KEYS.has(k))
      .map((k) => `${k}: ${JSON.stringify(en[k])}`);
    expect(same).toEqual([]);
  });

  test('keys are <feature>.<thing>', () => {
    // Enum values (goal.kind.PERSONAL) keep the database's spelling after the feature.
    expect(enKeys.filter((k) => !/^[a-z][a-z0-9_]*\.[A-Za-z0-9_.]+$/.test(k))).toEqual([]);
  });

  test('every subcommand has a help line in every language', () => {
    const missing = SUBCOMMANDS.filter((sub) => !(`help.sub.${sub}` in en) || !(`help.sub.${sub}` in nb) || !(`help.sub.${sub}` in nn));
    expect(missing).toEqual([]);
  });
});

describe('t()', () => {
  test('fills placeholders and leaves unknown ones visible', () => {
    expect(t('en', 'common.error_too_long', { max: 10, length: 12 })).toBe('Please keep this under 10 characters (it is 12 now).');
    expect(format('en', 'keep it under {max} (it is {length})', { max: 10 })).toBe('keep it under 10 (it is {length})');
  });

  test('bokmål text differs from English for a normal sentence', () => {
    expect(t('nb', 'common.error_required')).not.toBe(t('en', 'common.error_required'));
  });
});

describe('localeFromSlack', () => {
  test.each([
    ['nb-NO', 'nb'],
    ['no-NO', 'nb'],
    ['nn-NO', 'nn'],
    ['NN_no', 'nn'],
    ['NB_no', 'nb'],
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['sv-SE', 'en'],
    ['de-DE', 'en'],
  ] as const)('%s → %s', (slack, expected) => {
    expect(localeFromSlack(slack, 'nb')).toBe(expected);
    expect(localeFromSlack(slack, 'en')).toBe(expected);
  });

  test('unknown locale falls back to the default', () => {
    expect(localeFromSlack(null, 'nb')).toBe('nb');
    expect(localeFromSlack(undefined, 'en')).toBe('en');
    expect(localeFromSlack('', 'en')).toBe('en');
  });
});
