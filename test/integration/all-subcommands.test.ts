import { SUBCOMMANDS } from '../../src/slack/commandText';
import { allKeys } from '../../src/i18n';
import { FixedClock, Harness, visibleText } from '../support/harness';
import { goalValues, openModal, setupFollowUp } from '../support/flows';

/**
 * Walks every subcommand in bokmål and in English, as a senior leader with a leader and a goal,
 * and checks what comes back: something in each language (a modal or a message), different
 * between the two, and no raw i18n key or unfilled placeholder showing.
 */
describe('every subcommand answers in both languages', () => {
  let h: Harness;
  const people = { en: { senior: 'UALLSEEN', leader: 'UALLLEEN' }, nb: { senior: 'UALLSENB', leader: 'UALLLENB' } };
  const keys = new Set<string>(allKeys());

  beforeAll(async () => {
    h = await Harness.start({ clock: new FixedClock('2026-11-26T09:00:00Z') });
    for (const lang of ['en', 'nb'] as const) {
      const locale = lang === 'nb' ? 'nb-NO' : 'en-GB';
      h.user(people[lang].senior, { locale, is_admin: true });
      h.user(people[lang].leader, { locale });
      await setupFollowUp(h, people[lang].senior, people[lang].leader, { channel: 'CALLTEAM' });
      const view = await openModal(h, people[lang].senior, `goal <@${people[lang].leader}>`);
      await h.submitView(people[lang].senior, view, goalValues({ leader: people[lang].leader, title: 'Walk goal', metric: 'NPS', baseline: '10', target: '20', milestones: [{ title: 'First step' }] }));
    }
  });
  afterAll(async () => {
    await h.close();
  });

  /** What the invoker sees after `/followup <text>`: a new modal, ephemeral answer or DM. */
  async function answer(user: string, text: string): Promise<string> {
    const opens = h.slack.callsOf('views.open').length;
    const responses = h.slack.responses.length;
    const dms = () => h.slack.callsOf('chat.postMessage').filter((c) => c.args.channel === user);
    const dmCount = dms().length;
    const res = await h.command(user, text);
    expect(res.status).toBe(200);
    await h.slack.waitFor(
      () => h.slack.callsOf('views.open').length > opens || h.slack.responses.length > responses || dms().length > dmCount,
      5000,
      `an answer to /followup ${text}`,
    );
    const parts: string[] = [];
    for (const c of h.slack.callsOf('views.open').slice(opens)) parts.push(visibleText(c.args.view));
    for (const r of h.slack.responses.slice(responses)) parts.push(String(r.body.text ?? ''), visibleText(r.body.blocks));
    for (const c of dms().slice(dmCount)) parts.push(String(c.args.text ?? ''), visibleText(c.args.blocks));
    return parts.join('\n');
  }

  it.each(SUBCOMMANDS.filter((s) => s !== 'export'))('/followup %s', async (sub) => {
    const en = await answer(people.en.senior, `${sub} <@${people.en.leader}>`);
    const nb = await answer(people.nb.senior, `${sub} <@${people.nb.leader}>`);
    for (const text of [en, nb]) {
      expect(text.trim().length).toBeGreaterThan(0);
      expect(text).not.toMatch(/not available yet|ikke tilgjengelig ennå/);
      expect(text).not.toMatch(/Something went wrong|Noe gikk galt/);
      // No raw key (e.g. "goal.title") and no unfilled placeholder (e.g. "{name}").
      for (const word of text.split(/[\s*_`]+/)) expect(keys.has(word)).toBe(false);
      expect(text).not.toMatch(/\{[a-z][a-zA-Z]*\}/);
    }
    expect(nb).not.toEqual(en);
  });
});
