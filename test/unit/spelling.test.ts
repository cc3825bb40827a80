import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { en } from '../../src/i18n/en';
import { nb } from '../../src/i18n/nb';
import { nn } from '../../src/i18n/nn';
import { expandPlurals } from '../../src/i18n';

/**
 * Spell check of every catalogue string (issue 12 §6, nynorsk issue 21): each word of every bokmål,
 * nynorsk and English text is checked with Debian's hunspell dictionaries (nb_NO and nn_NO from
 * hunspell-no, en_GB from hunspell-en-gb)
 * plus a short project word list (src/i18n/words.<lang>.txt: compounds and product words the
 * dictionary does not know). A new unknown word fails with the word and its key.
 *
 * Install the dictionaries with: apt-get update && apt-get install -y hunspell hunspell-no hunspell-en-gb
 * (.ci/run does this in CI).
 */
const INSTALL = 'apt-get update && apt-get install -y hunspell hunspell-no hunspell-en-gb';
const DICTS = { nb: 'nb_NO', nn: 'nn_NO', en: 'en_GB' } as const;
type Lang = keyof typeof DICTS;

function dictionaryProblem(dict: string): string | null {
  const probe = spawnSync('hunspell', ['-d', dict, '-l'], { input: 'test\n', encoding: 'utf8' });
  if (probe.error) return `hunspell is not installed (${probe.error.message}).`;
  if (probe.status !== 0) return `the hunspell dictionary ${dict} is missing: ${probe.stderr.trim()}`;
  return null;
}

/**
 * The project word list, one word a line, `#` starts a comment. A plain word goes to hunspell as a
 * personal dictionary, so `evalueringssamtale/samtale` inflects like "samtale" (hunspell's
 * word/model syntax: evalueringssamtalen, -samtaler, -samtalene). A word with `.`, `:` or `-`
 * (f.eks., 1:1-samtale) is matched as written, case-insensitively.
 */
function projectWords(lang: Lang): { tokens: Set<string>; personal: string } {
  const file = join(__dirname, '../../src/i18n', `words.${lang}.txt`);
  const lines = existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .map((l) => l.replace(/#.*/, '').trim())
        .filter(Boolean)
    : [];
  const tokens = new Set(lines.filter((l) => /[.:-]/.test(l)).map((l) => l.toLowerCase()));
  const dir = mkdtempSync(join(tmpdir(), 'spell-'));
  const personal = join(dir, `words.${lang}.dic`);
  writeFileSync(personal, lines.filter((l) => !/[.:-]/.test(l)).join('\n') + '\n');
  return { tokens, personal };
}

/** Every text of a catalogue entry: a string, or each form of a plural entry. */
function texts(value: unknown): string[] {
  if (typeof value === 'string') return [expandPlurals(value)];
  if (value && typeof value === 'object') return Object.values(value as Record<string, string>);
  return [];
}

/** Leaves the words a reader sees: no placeholders, code spans, Slack tokens or markup. */
function prose(text: string): string {
  return text
    .replace(/`[^`]*`/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\{\w+\}/g, ' ')
    .replace(/#/g, ' ')
    .replace(/\b[A-Z][a-z]+\/[A-Z][A-Za-z_]+\b/g, ' ') // zone names (Europe/Oslo)
    .replace(/@[\w-]+/g, ' ') // @anna, @Follow-up
    .replace(/(^|\s)\/\w+/g, ' '); // /followup, /invite
}

const TOKEN = /[\p{L}\p{N}]+(?:['’.:\-/][\p{L}\p{N}]+)*\.?/gu;

interface Unknown {
  word: string;
  key: string;
}

function check(lang: Lang, catalogue: Record<string, unknown>): Unknown[] {
  const { tokens: known, personal } = projectWords(lang);
  const partsByKey: { key: string; part: string }[] = [];
  for (const [key, value] of Object.entries(catalogue)) {
    for (const text of texts(value)) {
      for (const token of prose(text).match(TOKEN) ?? []) {
        const bare = token.replace(/\.$/, '');
        if (known.has(token.toLowerCase()) || known.has(bare.toLowerCase())) continue;
        for (const part of bare.split(/[.:\-/]/)) {
          if (!part || /\p{N}/u.test(part)) continue;
          partsByKey.push({ key, part });
        }
      }
    }
  }
  const unique = [...new Set(partsByKey.map((p) => p.part))];
  const run = spawnSync('hunspell', ['-d', DICTS[lang], '-p', personal, '-l'], { input: unique.join('\n') + '\n', encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`hunspell failed: ${run.stderr}`);
  const wrong = new Set(run.stdout.split('\n').filter(Boolean));
  const seen = new Set<string>();
  return partsByKey
    .filter((p) => wrong.has(p.part))
    .filter((p) => (seen.has(`${p.key} ${p.part}`) ? false : (seen.add(`${p.key} ${p.part}`), true)))
    .map((p) => ({ word: p.part, key: p.key }));
}

describe('spelling of the catalogues (hunspell + src/i18n/words.*.txt)', () => {
  test.each([
    ['nb', nb],
    ['nn', nn],
    ['en', en],
  ] as const)('every %s word is in the dictionary or the project word list', (lang, catalogue) => {
    const problem = dictionaryProblem(DICTS[lang]);
    if (problem) throw new Error(`Cannot spell-check the ${lang} catalogue: ${problem}\nInstall the dictionaries with:\n  ${INSTALL}`);
    const unknown = check(lang, catalogue as Record<string, unknown>).map((u) => `«${u.word}» in ${u.key}`);
    if (unknown.length > 0) {
      throw new Error(
        `Unknown ${lang} words (fix the spelling, or add a real word to src/i18n/words.${lang}.txt):\n  ${unknown.join('\n  ')}`,
      );
    }
  });

  test('the checker finds a misspelt word and names its key', () => {
    if (dictionaryProblem(DICTS.nb)) throw new Error(`hunspell nb_NO missing. Install with:\n  ${INSTALL}`);
    expect(check('nb', { 'x.key': 'Registrer fremdrift på målet', 'y.key': 'Regsitrer en påminelse' })).toEqual([
      { word: 'Regsitrer', key: 'y.key' },
      { word: 'påminelse', key: 'y.key' },
    ]);
    expect(check('nb', { 'z.key': 'Evalueringssamtalen med {leader} er `/followup mål @anna` <@U1>' })).toEqual([]);
  });
});
