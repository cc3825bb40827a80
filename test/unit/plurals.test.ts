import { en } from '../../src/i18n/en';
import { nb } from '../../src/i18n/nb';
import { nn } from '../../src/i18n/nn';
import { choosePlural, format, pluralForms, t, translator, type Locale, type MessageKey, type MessageVars } from '../../src/i18n';

/**
 * Every count a reader sees reads right for 0, 1 and 2 in both languages (issue 12 §2): plural
 * forms chosen with Intl.PluralRules, no "(s)", no "1 påminnelser".
 */
type Case = { key: MessageKey; vars: (n: number) => Record<string, string | number>; nb: [string, string, string]; en: [string, string, string] };

const cases: Case[] = [
  {
    key: 'chart.goal.alt_checkins',
    vars: (n) => ({ count: n, list: '…' }),
    nb: ['0 fremdriftsoppdateringer: ….', '1 fremdriftsoppdatering: ….', '2 fremdriftsoppdateringer: ….'],
    en: ['0 check-ins: ….', '1 check-in: ….', '2 check-ins: ….'],
  },
  {
    key: 'chart.goal.alt_milestones',
    vars: (n) => ({ done: 0, total: n }),
    nb: ['0 av 0 delmål nådd.', '0 av 1 delmål nådd.', '0 av 2 delmål nådd.'],
    en: ['0 of 0 milestones reached.', '0 of 1 milestone reached.', '0 of 2 milestones reached.'],
  },
  {
    key: 'chart.overview.subtitle',
    vars: (n) => ({ leaders: n, goals: n, week: 49 }),
    nb: ['0 ledere, 0 mål · uke 49', '1 leder, 1 mål · uke 49', '2 ledere, 2 mål · uke 49'],
    en: ['0 leaders, 0 goals · week 49', '1 leader, 1 goal · week 49', '2 leaders, 2 goals · week 49'],
  },
  {
    key: 'chart.overview.alt_intro',
    vars: (n) => ({ leaders: n, goals: n }),
    nb: ['Fremdrift mot målverdi for 0 mål hos 0 ledere.', 'Fremdrift mot målverdi for 1 mål hos 1 leder.', 'Fremdrift mot målverdi for 2 mål hos 2 ledere.'],
    en: ['Progress toward target of 0 leaders’ 0 goals.', 'Progress toward target of 1 leader’s 1 goal.', 'Progress toward target of 2 leaders’ 2 goals.'],
  },
  {
    key: 'reminders.failed_home',
    vars: (n) => ({ count: n }),
    nb: ['⚠️ 0 påminnelser kunne ikke leveres', '⚠️ 1 påminnelse kunne ikke leveres', '⚠️ 2 påminnelser kunne ikke leveres'],
    en: ['⚠️ 0 reminders could not be delivered', '⚠️ 1 reminder could not be delivered', '⚠️ 2 reminders could not be delivered'],
  },
  {
    key: 'reminders.digest_leader',
    vars: (n) => ({ leader: '<@U1>', checkins: n, conversations: n, barriers: n, overdue: n }),
    nb: [
      '*<@U1>* · 0 fremdriftsoppdateringer · 0 1:1-samtaler · 0 åpne hindringer · 0 forfalte tiltak',
      '*<@U1>* · 1 fremdriftsoppdatering · 1 1:1-samtale · 1 åpen hindring · 1 forfalt tiltak',
      '*<@U1>* · 2 fremdriftsoppdateringer · 2 1:1-samtaler · 2 åpne hindringer · 2 forfalte tiltak',
    ],
    en: [
      '*<@U1>* · 0 check-ins · 0 one-to-ones · 0 open barriers · 0 overdue actions',
      '*<@U1>* · 1 check-in · 1 one-to-one · 1 open barrier · 1 overdue action',
      '*<@U1>* · 2 check-ins · 2 one-to-ones · 2 open barriers · 2 overdue actions',
    ],
  },
  {
    key: 'status.compact_line',
    vars: (n) => ({ leader: 'Anna', goals: n, progress: '40 %', barriers: n, overdue: n }),
    nb: [
      'Anna: 0 mål, 40 % · 0 åpne hindringer · 0 forfalte tiltak',
      'Anna: 1 mål, 40 % · 1 åpen hindring · 1 forfalt tiltak',
      'Anna: 2 mål, 40 % · 2 åpne hindringer · 2 forfalte tiltak',
    ],
    en: ['Anna: 0 goals, 40 % · 0 open barriers · 0 overdue actions', 'Anna: 1 goal, 40 % · 1 open barrier · 1 overdue action', 'Anna: 2 goals, 40 % · 2 open barriers · 2 overdue actions'],
  },
  {
    key: 'status.more_barriers',
    vars: (n) => ({ count: n }),
    nb: ['…og 0 åpne hindringer til.', '…og 1 åpen hindring til.', '…og 2 åpne hindringer til.'],
    en: ['…and 0 more open barriers.', '…and 1 more open barrier.', '…and 2 more open barriers.'],
  },
  {
    key: 'home.more_leaders',
    vars: (n) => ({ count: n }),
    nb: ['0 ledere til vises ikke.', '1 leder til vises ikke.', '2 ledere til vises ikke.'],
    en: ['0 more leaders not shown.', '1 more leader not shown.', '2 more leaders not shown.'],
  },
  {
    key: 'home.more_goals',
    vars: (n) => ({ count: n }),
    nb: ['…og 0 mål til.', '…og 1 mål til.', '…og 2 mål til.'],
    en: ['…and 0 more goals.', '…and 1 more goal.', '…and 2 more goals.'],
  },
  {
    key: 'home.more_actions',
    vars: (n) => ({ count: n }),
    nb: ['…og 0 tiltak til.', '…og 1 tiltak til.', '…og 2 tiltak til.'],
    en: ['…and 0 more actions.', '…and 1 more action.', '…and 2 more actions.'],
  },
  {
    key: 'reminders.digest_more',
    vars: (n) => ({ count: n }),
    nb: ['…og 0 ledere til.', '…og 1 leder til.', '…og 2 ledere til.'],
    en: ['…and 0 more leaders.', '…and 1 more leader.', '…and 2 more leaders.'],
  },
  {
    key: 'questions.more',
    vars: (n) => ({ count: n }),
    nb: ['0 spørsmål til vises ikke.', '1 spørsmål til vises ikke.', '2 spørsmål til vises ikke.'],
    en: ['0 more questions not shown.', '1 more question not shown.', '2 more questions not shown.'],
  },
  {
    key: 'evaluate.done',
    vars: (n) => ({ count: n, leader: 'Anna' }),
    nb: ['Evaluering av 0 mål med Anna er lagret.', 'Evaluering av 1 mål med Anna er lagret.', 'Evaluering av 2 mål med Anna er lagret.'],
    en: ['Evaluation of 0 goals with Anna saved.', 'Evaluation of 1 goal with Anna saved.', 'Evaluation of 2 goals with Anna saved.'],
  },
  {
    key: 'evaluate.done_notify_leader',
    vars: (n) => ({ count: n, senior: 'Bo' }),
    nb: ['Bo har registrert en evaluering av de 0 målene dine.', 'Bo har registrert en evaluering av målet ditt.', 'Bo har registrert en evaluering av de 2 målene dine.'],
    en: ['Bo recorded an evaluation of your 0 goals.', 'Bo recorded an evaluation of your goal.', 'Bo recorded an evaluation of your 2 goals.'],
  },
  {
    key: 'conversation.saved_with_actions',
    vars: (n) => ({ other: 'Anna', date: 'i dag', actions: n }),
    nb: [
      '1:1-samtalen med Anna i dag er registrert, og 0 avtalte tiltak er lagt i planen.',
      '1:1-samtalen med Anna i dag er registrert, og 1 avtalt tiltak er lagt i planen.',
      '1:1-samtalen med Anna i dag er registrert, og 2 avtalte tiltak er lagt i planen.',
    ],
    en: [
      'One-to-one with Anna on i dag recorded, with 0 agreed actions added to the plan.',
      'One-to-one with Anna on i dag recorded, with 1 agreed action added to the plan.',
      'One-to-one with Anna on i dag recorded, with 2 agreed actions added to the plan.',
    ],
  },
  {
    key: 'conversation.notice',
    vars: (n) => ({ author: 'Bo', date: 'i går', actions: n }),
    nb: ['Bo registrerte 1:1-samtalen deres i går (0 avtalte tiltak).', 'Bo registrerte 1:1-samtalen deres i går (1 avtalt tiltak).', 'Bo registrerte 1:1-samtalen deres i går (2 avtalte tiltak).'],
    en: ['Bo recorded your one-to-one on i går (0 agreed actions).', 'Bo recorded your one-to-one on i går (1 agreed action).', 'Bo recorded your one-to-one on i går (2 agreed actions).'],
  },
  {
    key: 'reminders.nudge',
    vars: (n) => ({ leader: 'Anna', days: n, since: 'i går' }),
    nb: [
      '👋 Det er ikke registrert noen 1:1-samtale med Anna på 0 dager (siden i går). En kort samtale holder oppfølgingen levende.',
      '👋 Det er ikke registrert noen 1:1-samtale med Anna på 1 dag (siden i går). En kort samtale holder oppfølgingen levende.',
      '👋 Det er ikke registrert noen 1:1-samtale med Anna på 2 dager (siden i går). En kort samtale holder oppfølgingen levende.',
    ],
    en: [
      '👋 No one-to-one with Anna has been recorded for 0 days (since i går). A short conversation keeps the follow-up alive.',
      '👋 No one-to-one with Anna has been recorded for 1 day (since i går). A short conversation keeps the follow-up alive.',
      '👋 No one-to-one with Anna has been recorded for 2 days (since i går). A short conversation keeps the follow-up alive.',
    ],
  },
  {
    key: 'reminders.journey_milestones',
    vars: (n) => ({ done: 0, total: n }),
    nb: ['0 av 0 delmål', '0 av 1 delmål', '0 av 2 delmål'],
    en: ['0 of 0 milestones', '0 of 1 milestone', '0 of 2 milestones'],
  },
  {
    key: 'setup.eval_weeks',
    vars: (n) => ({ weeks: n }),
    nb: ['Hver 0. uke', 'Hver uke', 'Hver 2. uke'],
    en: ['Every 0 weeks', 'Every week', 'Every 2 weeks'],
  },
  {
    key: 'common.error_too_long',
    vars: (n) => ({ max: n, length: 3 }),
    nb: ['Hold teksten under 0 tegn (den er 3 nå).', 'Hold teksten under 1 tegn (den er 3 nå).', 'Hold teksten under 2 tegn (den er 3 nå).'],
    en: ['Please keep this under 0 characters (it is 3 now).', 'Please keep this under 1 character (it is 3 now).', 'Please keep this under 2 characters (it is 3 now).'],
  },
];

/** Counts shown as a label's value ("Åpne hindringer: 2"), a page position, or a running number: no noun to inflect. */
const LABEL_COUNTS = new Set([
  'chart.goal.alt_milestones', // "{done} of N milestones": the noun follows the total, a plural form
  'chart.overview.alt_leader', // {goals} is the list of a leader's goals, not a count
  'settings.error_retention_days', // {max} is the upper bound of a range, not a count
  'settings.error_hr_threshold', // {min}–{max}: a range
  'hr.followups', // each figure is a label's value, or "too few to show"
  'hr.milestones', // a label's value, or "too few to show"
  'home.open_barriers',
  'home.overdue_actions',
  'home.button_more',
  'home.page_of',
  'evaluate.hidden_goals',
  'schedule.more',
  'chart.alt_more', // "and {count} more" after a list
  'chart.goal.alt_milestones', // {done} of {total, plural…}: the noun follows total
  'chart.overview.alt_leader', // {goals} is the list of goals
  'reminders.journey_milestones', // {done} of {total, plural…}: the noun follows total
  'common.error_too_long', // (it is {length} now)
  'page.too_long', // (it is {length} now)
  'chart.goal.alt_milestones', // {done} of {total, plural…}: the noun follows total
  'chart.overview.alt_leader', // {goals} is the list of the leader's goals, not a count
]);
const COUNT_NAMES = /\{(count|days|actions|checkins|conversations|barriers|overdue|goals|leaders|total|weeks|max|done|length|shown|from|to)\}/;

/** The same counts for a nynorsk reader (the glossary's plurals: leiarar, påminningar, hindringar, veke). */
const nynorsk: { key: MessageKey; vars: (n: number) => Record<string, string | number>; nn: [string, string, string] }[] = [
  { key: 'chart.goal.alt_checkins', vars: (n) => ({ count: n, list: '…' }), nn: ['0 framdriftsoppdateringar: ….', '1 framdriftsoppdatering: ….', '2 framdriftsoppdateringar: ….'] },
  { key: 'chart.overview.subtitle', vars: (n) => ({ leaders: n, goals: n, week: 49 }), nn: ['0 leiarar, 0 mål · veke 49', '1 leiar, 1 mål · veke 49', '2 leiarar, 2 mål · veke 49'] },
  { key: 'reminders.failed_home', vars: (n) => ({ count: n }), nn: ['⚠️ 0 påminningar kunne ikkje leverast', '⚠️ 1 påminning kunne ikkje leverast', '⚠️ 2 påminningar kunne ikkje leverast'] },
  {
    key: 'status.compact_line',
    vars: (n) => ({ leader: 'Anna', goals: n, progress: '40 %', barriers: n, overdue: n }),
    nn: ['Anna: 0 mål, 40 % · 0 opne hindringar · 0 forfalne tiltak', 'Anna: 1 mål, 40 % · 1 open hindring · 1 forfalle tiltak', 'Anna: 2 mål, 40 % · 2 opne hindringar · 2 forfalne tiltak'],
  },
  { key: 'home.more_leaders', vars: (n) => ({ count: n }), nn: ['0 leiarar til blir ikkje viste.', '1 leiar til blir ikkje viste.', '2 leiarar til blir ikkje viste.'] },
  { key: 'evaluate.done_notify_leader', vars: (n) => ({ senior: 'Bo', count: n }), nn: ['Bo har registrert ei evaluering av dei 0 måla dine.', 'Bo har registrert ei evaluering av målet ditt.', 'Bo har registrert ei evaluering av dei 2 måla dine.'] },
  { key: 'setup.eval_weeks', vars: (n) => ({ weeks: n }), nn: ['Kvar 0. veke', 'Kvar veke', 'Kvar 2. veke'] },
  { key: 'common.error_too_long', vars: (n) => ({ max: n, length: 3 }), nn: ['Hald teksten under 0 teikn (no er han 3).', 'Hald teksten under 1 teikn (no er han 3).', 'Hald teksten under 2 teikn (no er han 3).'] },
];

describe('plural forms for a nynorsk reader', () => {
  describe.each(nynorsk)('$key', (c) => {
    test.each([0, 1, 2])('reads right for %i', (n) => {
      expect(format('nn', nn[c.key], c.vars(n))).toBe(c.nn[n as 0 | 1 | 2]);
    });
  });

  test('numbers in a nynorsk plural have a decimal comma', () => {
    expect(format('nn', '{n, plural, one {# dag} other {# dagar}}', { n: 1.5 })).toBe('1,5 dagar');
    expect(translator('nn')('reminders.failed_home', { count: 1 })).toBe('⚠️ 1 påminning kunne ikkje leverast');
  });
});

describe('plural forms (Intl.PluralRules, nb and en)', () => {
  describe.each(cases)('$key', (c) => {
    test.each([0, 1, 2])('reads right for %i in both languages', (n) => {
      const i = n as 0 | 1 | 2;
      expect(format('nb', nb[c.key], c.vars(n))).toBe(c.nb[i]);
      expect(format('en', en[c.key], c.vars(n))).toBe(c.en[i]);
    });
  });

  test('no English string hedges with "(s)"', () => {
    expect(Object.entries(en).filter(([, v]) => /\w\(s\)/.test(v)).map(([k]) => k)).toEqual([]);
  });

  test('every count in the catalogue is a plural form, unless it is a label value', () => {
    const bare = (Object.keys(en) as MessageKey[]).filter((k) => !LABEL_COUNTS.has(k) && (COUNT_NAMES.test(en[k]) || COUNT_NAMES.test(nb[k]) || COUNT_NAMES.test(nn[k])));
    expect(bare).toEqual([]);
  });

  test('every plural has an "other" form, in both languages', () => {
    for (const cat of [en, nb, nn] as Record<string, string>[]) {
      for (const [key, text] of Object.entries(cat)) {
        for (const m of text.matchAll(/\{(\w+), plural,/g)) {
          const start = m.index + m[0].length;
          let depth = 1;
          let end = start;
          while (depth > 0 && end < text.length) {
            if (text[end] === '{') depth++;
            if (text[end] === '}') depth--;
            end++;
          }
          const forms = pluralForms(text.slice(start, end - 1));
          expect({ key, forms: forms && 'other' in forms }).toEqual({ key, forms: true });
        }
      }
    }
  });

  test('exact numbers win over categories; numbers are written in the reader’s style', () => {
    expect(choosePlural('nb', { '=0': 'ingen', one: 'én', other: 'flere' }, 0)).toBe('ingen');
    expect(format('nb', '{n, plural, one {# dag} other {# dager}}', { n: 1500 })).toBe('1500 dager');
    expect(format('en', '{n, plural, one {# day} other {# days}}', { n: 1.5 })).toBe('1.5 days');
    expect(format('nb', '{n, plural, one {# dag} other {# dager}}', { n: 1.5 })).toBe('1,5 dager');
  });

  test('a translator renders plurals in its own language', () => {
    const locales: Locale[] = ['nb', 'en'];
    expect(locales.map((l) => translator(l)('reminders.failed_home', { count: 1 }))).toEqual([
      '⚠️ 1 påminnelse kunne ikke leveres',
      '⚠️ 1 reminder could not be delivered',
    ]);
  });
});

describe('typed variables (compile-time; npm run typecheck checks these lines)', () => {
  test('the right variables compile, wrong ones do not', () => {
    const vars: MessageVars<'reminders.failed_home'> = { count: 2 };
    expect(t('en', 'reminders.failed_home', vars)).toContain('2 reminders');
    expect(t('en', 'common.cancel')).toBe('Cancel');
    // @ts-expect-error a missing variable
    t('en', 'setup.created');
    // @ts-expect-error a misspelt variable
    t('en', 'setup.created', { leadr: '<@U1>' });
    // @ts-expect-error a plural count must be a number
    t('en', 'reminders.failed_home', { count: 'two' });
    // @ts-expect-error a message without variables takes none
    t('en', 'common.cancel', { extra: 1 });
    const tr = translator('nb');
    // @ts-expect-error one of several variables missing
    tr('status.compact_line', { leader: 'A', goals: 1, progress: '1 %', barriers: 0 });
    expect(tr('status.compact_line', { leader: 'A', goals: 1, progress: '1 %', barriers: 0, overdue: 2 })).toBe('A: 1 mål, 1 % · 0 åpne hindringer · 2 forfalte tiltak');
  });
});
