import { en } from '../../src/i18n/en';
import { nb } from '../../src/i18n/nb';
import { nn } from '../../src/i18n/nn';
import { expandPlurals, translator, type MessageKey } from '../../src/i18n';
import { goalModal } from '../../src/slack/features/goal/views';

/**
 * One vocabulary (issue 12 §3, /work/shared/GLOSSARY.md): words the glossary replaced must not
 * come back. Each rule names the glossary's word to use instead.
 */
const NB_FORBIDDEN: [RegExp, string][] = [
  [/\blogg(e|er|et|es)?\b/i, 'registrer (one verb for recording)'],
  [/\btiltro\b/i, 'sikkerhet ("Hvor sikker er du?")'],
  [/\binnsjekk\w*/i, 'fremdriftsoppdatering / registrer fremdrift'],
  [/\bmilepæl\w*/i, 'delmål'],
  [/\bmedarbeidersamtale\w*/i, '1:1-samtale'],
  [/\bpå overtid\b/i, 'forfalt / "På tide med en 1:1-samtale"'],
  [/\bmåltall\w*|\bmålnivå\w*|\btallmål\w*|\bkvantitativ måling\b/i, 'indikator / målverdi'],
  [/\butgangspunkt\w*/i, 'utgangsverdi'],
  [/\ben læring\b|\blæringen er\b|\bdelte læringer\b/i, 'læringspunkt ("læring" is not countable)'],
  [/\blederen din\b/i, '"lederen du følger opp" ("lederen din" is your boss)'],
  [/\bforberede seg\b/i, 'du-form: forberede deg'],
  [/\*Hjem\*|\bHjem-fanen|\bfanen \*?Hjem/i, 'Slack shows the Home tab as "Home"'],
  [/\bReisen\b/, 'Veien hit'],
];

/** The same for nynorsk (GLOSSARY.md's nynorsk column). */
const NN_FORBIDDEN: [RegExp, string][] = [
  [/\blogg(e|ar|a|ast)?\b/i, 'registrer (one verb for recording)'],
  [/\btiltru\b|\btiltro\b/i, 'sikkerheit ("Kor sikker er du?")'],
  [/\binnsjekk\w*/i, 'framdriftsoppdatering / registrer framdrift'],
  [/\bfremdrift\w*/i, 'framdrift'],
  [/\bmilepæl\w*/i, 'delmål'],
  [/\bmedarbeidarsamtale\w*|\bmedarbeidersamtale\w*/i, '1:1-samtale'],
  [/\bpå overtid\b/i, 'forfallen'],
  [/\butgangspunkt\w*/i, 'utgangsverdi'],
  [/\bein læring\b|\bdelte læringar\b/i, 'læringspunkt'],
  // "den overordna leiaren din" is your senior leader; bare "leiaren din" is your boss.
  [/(?<!overordna )\bleiaren din\b/i, '"leiaren du følgjer opp" ("leiaren din" is your boss)'],
  [/\bpåminnelse\w*/i, 'påminning, påminninga, påminningar, påminningane'],
  [/\bsikkerhet\b/i, 'sikkerheit'],
  [/\*Heim\*|\bfana \*?Heim\b/i, 'Slack shows the Home tab as "Home"'],
  [/\bferie\b/i, 'fråvær'],
];

const EN_FORBIDDEN: [RegExp, string][] = [
  [/\w\(s\)/, 'a plural form'],
  [/\b(log|logs|logged|logging)\b(?! in)/i, 'record (one verb for recording)'],
  [/\bregister(ed|s)?\b/i, 'record'],
  [/\bquantitative measure\b/i, 'metric'],
];

function offences(cat: Record<string, string>, rules: [RegExp, string][]): string[] {
  return Object.entries(cat).flatMap(([key, text]) =>
    rules.filter(([re]) => re.test(expandPlurals(text))).map(([re, use]) => `${key}: ${JSON.stringify(text.match(re)?.[0])} → ${use}`),
  );
}

describe('one vocabulary (GLOSSARY.md)', () => {
  test('bokmål uses the glossary words', () => {
    expect(offences(nb, NB_FORBIDDEN)).toEqual([]);
  });

  test('nynorsk uses the glossary words', () => {
    expect(offences(nn, NN_FORBIDDEN)).toEqual([]);
  });

  test('nynorsk speaks of "Kor sikker er du", "verdi no", "forfallen", "lagd bort", "vekeoppsummering"', () => {
    expect(nn['checkin.confidence']).toContain('Kor sikker er du');
    expect(nn['checkin.value']).toBe('Verdi no');
    expect(nn['home.overdue']).toBe('forfallen');
    expect(nn['goal.status.DROPPED']).toBe('lagd bort');
    expect(nn['reminders.digest_title']).toBe('Vekeoppsummering, {week}');
    expect(nn['plan.owner.senior']).toBe('Overordna leiar');
    expect(nn['goal.goal_title']).toBe('Kva er målet?');
  });

  test('English uses the glossary words', () => {
    expect(offences(en, EN_FORBIDDEN)).toEqual([]);
  });

  test('a dropped goal is "lagt bort", not "avsluttet" (which reads as completed)', () => {
    expect(nb['goal.status.DROPPED']).toBe('lagt bort');
    expect(en['goal.status.DROPPED']).toBe('dropped');
  });

  test.each(['nb', 'nn', 'en'] as const)('the goal form has no two fields with one label (%s)', (locale) => {
    const view = goalModal(translator(locale), { leaderUserId: null });
    const labels = (view.blocks as { type: string; label?: { text: string } }[]).filter((b) => b.type === 'input').map((b) => b.label!.text);
    expect(labels.filter((l, i) => labels.indexOf(l) !== i)).toEqual([]);
    if (locale === 'nb') expect(labels).toEqual(expect.arrayContaining(['Hva er målet?', 'Indikator', 'Enhet', 'Utgangsverdi (i dag)', 'Målverdi']));
    if (locale === 'nn') expect(labels).toEqual(expect.arrayContaining(['Kva er målet?', 'Indikator', 'Eining', 'Utgangsverdi (i dag)', 'Målverdi']));
  });

  test('the check-in speaks of "Sikkerhet" and "Verdi nå"', () => {
    const keys: MessageKey[] = ['checkin.saved', 'checkin.notice'];
    for (const k of keys) expect(nb[k]).toContain('Sikkerhet {confidence}/5');
    expect(nb['checkin.value']).toBe('Verdi nå');
  });

  test('the erase confirmation deletes the data about a person, not the person', () => {
    expect(nb['export.erase_confirm_text']).toMatch(/^Dette sletter alle data om \{person\} for godt/);
    expect(en['export.erase_confirm_text']).toMatch(/^This permanently deletes all data about \{person\}/);
  });

  test('no user mention inside a code span (Slack would show the raw id)', () => {
    const inCode = (cat: Record<string, string>) => Object.entries(cat).filter(([, t]) => /`[^`]*\{(leader|senior|person|author|other)\}[^`]*`/.test(t)).map(([k]) => k);
    expect(inCode(nb)).toEqual([]);
    expect(inCode(en)).toEqual([]);
  });
});
