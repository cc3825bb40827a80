import pino from 'pino';
import { createServices } from '../../src/domain';
import { HomeIds } from '../../src/slack/ids';
import { dayToDate } from '../../src/time/dates';
import { countingPrisma } from '../support/countingPrisma';
import { FixedClock, Harness, visibleText } from '../support/harness';
import { followUp, goal, person, settle } from '../support/seed';

type Block = { type: string; block_id?: string; elements?: { type: string; action_id?: string; value?: string; text?: { text: string } }[] };

function buttons(view: Record<string, unknown>): { action_id: string; value?: string; text: string }[] {
  return (view.blocks as Block[])
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? [])
    .filter((e) => e.type === 'button')
    .map((e) => ({ action_id: e.action_id!, value: e.value, text: e.text!.text }));
}

async function seniorWithLeaders(h: Harness, senior: string, count: number, prefix: string): Promise<void> {
  for (let i = 0; i < count; i++) {
    const leader = h.user(`${prefix}${String(i).padStart(3, '0')}`, { locale: 'en-GB' });
    const f = await followUp(h, senior, leader, { channel: 'C0TEAM', nextEvaluationOn: '2026-04-01' });
    for (let g = 0; g < 5; g++) await goal(h, f, `Goal ${g + 1} of leader ${i + 1}`, { baseline: 0, target: 10, current: g * 2 });
    await h.prisma.barrier.create({ data: { followUpId: f.id, kind: 'RESOURCE', description: `Barrier of ${i}`, createdById: f.leaderId } });
    await h.prisma.actionItem.create({ data: { followUpId: f.id, what: `Action of ${i}`, ownerId: f.leaderId, dueDate: dayToDate('2026-03-01'), createdById: f.seniorId } });
  }
}

describe('App Home dashboard', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start({ clock: new FixedClock('2026-03-10T10:00:00Z') });
  });
  afterAll(async () => {
    await settle(h);
    await h.close();
  });

  it('explains how to start when there is nothing yet, in each language', async () => {
    const en = await h.openHome(h.user('UHOEMP01', { locale: 'en-GB' }));
    expect(visibleText(en)).toContain('Welcome to Follow-up');
    expect(visibleText(en)).toContain('*To start*');
    expect(buttons(en).map((b) => [b.action_id, b.text])).toEqual([[HomeIds.setupButton, 'Start a follow-up']]);
    const nb = await h.openHome(h.user('UHOEMP02', { locale: 'nb-NO' }));
    expect(visibleText(nb)).toContain('Velkommen til Oppfølging');
    expect(buttons(nb)[0].text).toBe('Start en oppfølging');
  });

  it('pages 30 leaders × 5 goals within 100 blocks, one views.publish per open, with buttons that run each action', async () => {
    const senior = h.user('UHOSEN01', { locale: 'en-GB' });
    await seniorWithLeaders(h, senior, 30, 'UHOL');
    const before = h.slack.callsOf('views.publish').length;
    const home = await h.openHome(senior);
    expect(h.slack.callsOf('views.publish').length).toBe(before + 1);
    const blocks = home.blocks as Block[];
    expect(blocks.length).toBeLessThanOrEqual(100);
    const text = visibleText(home);
    expect(text).toContain('Leaders 1–10 of 30');
    expect(text).toContain('<@UHOL000>');
    expect(text).not.toContain('<@UHOL010>');
    expect(text).toContain('▓▓▓▓░░░░░░ *Goal 3 of leader 1* (Professional) — 40 %');
    expect(text).toContain('No one-to-one recorded yet · overdue');
    expect(text).toContain('Next evaluation: <!date^');
    expect(text).toContain('Open barriers: 1 — “Barrier of 0”');
    expect(text).toContain('Overdue actions: 1');
    const all = buttons(home);
    expect(all.filter((b) => b.text === 'New goal')).toHaveLength(10);
    expect(all.filter((b) => b.text === 'Edit follow-up')).toHaveLength(10);
    expect(all.filter((b) => b.text === 'Evaluate')).toHaveLength(10);
    const more = all.find((b) => b.action_id === HomeIds.pageButton)!;
    expect(more.text).toBe('Show 20 more');

    // Show more: page 2, one publish
    const n = h.slack.callsOf('views.publish').length;
    await h.action(senior, { action_id: more.action_id, type: 'button', value: more.value });
    const page2 = (await h.slack.waitForCall('views.publish', n + 1)).args.view as Record<string, unknown>;
    expect(visibleText(page2)).toContain('Leaders 11–20 of 30');
    expect(visibleText(page2)).toContain('<@UHOL010>');
    expect(buttons(page2).some((b) => b.action_id === HomeIds.prevPageButton)).toBe(true);

    // Evaluate from a card opens the evaluation modal of that leader.
    const evaluate = all.find((b) => b.text === 'Evaluate')!;
    const opened = h.slack.callsOf('views.open').length;
    await h.action(senior, { action_id: evaluate.action_id, type: 'button', value: evaluate.value });
    const modal = (await h.slack.waitForCall('views.open', opened + 1)).args.view as Record<string, unknown>;
    expect(visibleText(modal)).toContain('Evaluation conversation with <@UHOL000>');
    // Edit follow-up and New goal still work with per-card ids.
    const edit = all.find((b) => b.text === 'Edit follow-up')!;
    await h.action(senior, { action_id: edit.action_id, type: 'button', value: edit.value });
    expect(((await h.slack.waitForCall('views.open', opened + 2)).args.view as { callback_id: string }).callback_id).toBe('setup_view');
    const newGoal = all.find((b) => b.text === 'New goal')!;
    await h.action(senior, { action_id: newGoal.action_id, type: 'button', value: newGoal.value });
    expect(((await h.slack.waitForCall('views.open', opened + 3)).args.view as { callback_id: string }).callback_id).toBe('goal_create_view');
    // "More…" runs a step for that leader: the development modal, pre-filled with them.
    await h.action(senior, { action_id: HomeIds.moreSelect(0), type: 'static_select', selected_option: { value: 'develop|UHOL000' } });
    const develop = (await h.slack.waitForCall('views.open', opened + 4)).args.view as { callback_id: string; blocks: { block_id?: string; element?: { initial_user?: string } }[] };
    expect(develop.callback_id).toBe('develop_view');
    expect(develop.blocks.find((b) => b.block_id === 'develop_leader_block')?.element?.initial_user).toBe('UHOL000');
  });

  it('shows a leader their goals and milestones, plan, prompts due, feedback received and reflections', async () => {
    const senior = h.user('UHOSEN02', { locale: 'en-GB' });
    const leader = h.user('UHOLEA02', { locale: 'nb-NO' });
    const f = await followUp(h, senior, leader, { startDate: '2026-01-05', reflection: 'WEEKLY' });
    const g = await goal(h, f, 'Bygge tillit i teamet');
    await h.prisma.milestone.create({ data: { goalId: g.id, title: 'Første teammøte', position: 1, doneAt: new Date('2026-02-01T10:00:00Z') } });
    await h.prisma.milestone.create({ data: { goalId: g.id, title: 'Medarbeiderundersøkelse', position: 2, dueDate: dayToDate('2026-05-01') } });
    await h.prisma.actionItem.create({ data: { followUpId: f.id, what: 'Snakk med HR', ownerId: f.leaderId, dueDate: dayToDate('2026-03-20'), createdById: f.seniorId } });
    await h.prisma.feedback.create({ data: { workspaceId: h.teamId, giverId: f.seniorId, receiverId: f.leaderId, works: 'Du lytter godt', improve: 'x', advice: 'y' } });
    await h.prisma.reflection.create({ data: { followUpId: f.id, authorId: f.leaderId, prompts: [], answers: ['Jeg lærte å vente'], sharedWithSenior: false, createdAt: new Date('2026-02-01T10:00:00Z') } });
    const home = await h.openHome(leader);
    const text = visibleText(home);
    expect(text).toContain('Min oppfølging');
    expect(text).toContain(`Fulgt opp av <@${senior}>`);
    expect(text).toContain('*Bygge tillit i teamet*');
    expect(text).toContain('✅ Første teammøte');
    expect(text).toContain('◻️ Medarbeiderundersøkelse');
    expect(text).toContain('Snakk med HR');
    expect(text).toContain('Det er tid for en refleksjon');
    expect(text).toContain('«Du lytter godt»');
    expect(text).toContain('«Jeg lærte å vente» (privat)');
    expect(buttons(home).map((b) => b.text)).toEqual(expect.arrayContaining(['Nytt mål', 'Skriv refleksjon', 'Hindring', 'Registrer læringspunkt', 'Status']));
    // The senior leader's Home shows neither the feedback text nor the private reflection.
    const seniorText = visibleText(await h.openHome(senior));
    expect(seniorText).toContain('Bygge tillit i teamet');
    expect(seniorText).not.toContain('Jeg lærte å vente');
  });
});

describe('App Home database cost', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start();
  });
  afterAll(async () => {
    await settle(h);
    await h.close();
  });

  it('uses the same number of queries for 2 leaders as for 12 (batched with `in`)', async () => {
    const small = h.user('UHQSEN01', { locale: 'en-GB' });
    const large = h.user('UHQSEN02', { locale: 'en-GB' });
    await seniorWithLeaders(h, small, 2, 'UHQA');
    await seniorWithLeaders(h, large, 12, 'UHQB');
    const counting = countingPrisma(process.env.TEST_DATABASE_URL!);
    try {
      const services = createServices({
        prisma: counting.prisma,
        slack: { userInfo: async () => null, channelInfo: async () => null, isChannelMember: async () => false },
        clock: h.clock,
        defaults: { locale: 'en', timezone: 'Europe/Oslo' },
        logger: pino({ level: 'silent' }),
      });
      const costOf = async (slackUserId: string) => {
        const p = await person(h, slackUserId);
        const actor = services.people.toActor(p);
        counting.reset();
        const model = await services.home.build(actor);
        return { queries: counting.queries(), leaders: model.asSenior.length };
      };
      const a = await costOf(small);
      const b = await costOf(large);
      expect(a.leaders).toBe(2);
      expect(b.leaders).toBe(12);
      expect(b.queries).toBe(a.queries);
      expect(a.queries).toBeLessThanOrEqual(12);
    } finally {
      await counting.prisma.$disconnect();
    }
  });
});
