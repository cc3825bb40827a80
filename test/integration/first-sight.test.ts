import { createPrisma, type PrismaClient } from '../../src/data/prisma';
import { repositories } from '../../src/data';
import { createOnce } from '../../src/data/createOnce';
import { PlanIds } from '../support/slackIds';
import { Harness, randomId, visibleText } from '../support/harness';
import { followUp } from '../support/seed';

/**
 * A new person's first requests race (App Home and /followup at once, a double click): every
 * create-on-first-sight path is race-safe, so nobody sees "something went wrong".
 */
describe('create on first sight, concurrently', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start();
  });
  afterAll(async () => {
    await h.close();
  });

  const N = 8;

  it.each([
    ['en-GB', 'How to use /followup', 'Something went wrong'],
    ['nb-NO', 'Slik bruker du /followup', 'Noe gikk galt'],
  ])('a new %s user opening App Home and running /followup 8 times at once gets answers, and one Person row', async (locale, help, generic) => {
    const user = h.user(randomId('UNEW'), { locale });
    const urls = Array.from({ length: N }, () => h.newResponseUrl());
    const ids = urls.map((u) => u.split('/').pop()!);
    const publishes = () => h.slack.callsOf('views.publish').filter((c) => c.args.user_id === user).length;
    const [home, ...commands] = await Promise.all([
      h.event({ type: 'app_home_opened', user, channel: 'D0HOME', tab: 'home' }),
      ...urls.map((responseUrl) => h.command(user, 'help', { responseUrl })),
    ]);
    expect(home.status).toBe(200);
    for (const res of commands) expect(res.status).toBe(200);
    await h.slack.waitFor(() => ids.every((id) => h.slack.responses.some((r) => r.id === id)) && publishes() >= 1, 8000, 'every answer');
    for (const id of ids) {
      const text = visibleText(h.slack.responses.find((r) => r.id === id)!.body.blocks);
      expect(text).toContain(help);
      expect(text).not.toContain(generic);
    }
    const rows = await h.prisma.person.count({ where: { workspaceId: h.teamId, slackUserId: user } });
    expect(rows).toBe(1);
  });

  it.each([
    ['en-GB', 'Action added to the plan of'],
    ['nb-NO', 'Tiltak lagt til i planen for'],
  ])('a double click on a modal\'s submit (%s) saves once, every click is answered, one confirmation', async (locale, confirmation) => {
    const senior = h.user(randomId('USEN'), { locale });
    const leader = h.user(randomId('ULEA'), { locale });
    const f = await followUp(h, senior, leader, { startDate: '2026-01-05' });
    const n = h.slack.callsOf('views.open').length;
    await h.command(senior, `plan <@${leader}>`);
    const view = (await h.slack.waitForCall('views.open', n + 1)).args.view as Record<string, unknown>;
    const values = {
      [PlanIds.leaderBlock]: { [PlanIds.leaderInput]: { type: 'users_select', selected_user: leader } },
      [PlanIds.whatBlock]: { [PlanIds.whatInput]: { type: 'plain_text_input', value: 'Shadow a peer' } },
      [PlanIds.ownerBlock]: { [PlanIds.ownerInput]: { type: 'radio_buttons', selected_option: { value: 'leader' } } },
      [PlanIds.dueBlock]: { [PlanIds.dueInput]: { type: 'datepicker', selected_date: '2030-01-15' } },
    };
    const viewId = randomId('V');
    const answers = await Promise.all(Array.from({ length: 4 }, () => h.submitView(senior, view, values, { viewId })));
    for (const a of answers) expect([a.status, a.body]).toEqual([200, '']);
    expect(await h.prisma.actionItem.count({ where: { followUpId: f.id, what: 'Shadow a peer' } })).toBe(1);
    // One confirmation, in the person's language.
    const confirmations = () => h.slack.callsOf('chat.postMessage').filter((c) => c.args.channel === senior && visibleText(c.args.blocks).includes(confirmation));
    await h.slack.waitFor(() => confirmations().length >= 1, 5000, 'the confirmation');
    await new Promise((r) => setTimeout(r, 500));
    expect(confirmations()).toHaveLength(1);
  });

  it('first requests from a new workspace at once make one Workspace row', async () => {
    const prisma: PrismaClient = createPrisma(process.env.TEST_DATABASE_URL!, { max: 8 });
    try {
      const teamId = randomId('T');
      const repos = repositories(prisma);
      const results = await Promise.all(Array.from({ length: N }, (_, i) => repos.workspaces.ensure(teamId).then(() => repos.people.ensure(teamId, `U${i % 2}X`))));
      expect(new Set(results.map((p) => p.id)).size).toBe(2);
      expect(await prisma.workspace.count({ where: { id: teamId } })).toBe(1);
      expect(await prisma.person.count({ where: { workspaceId: teamId } })).toBe(2);
      await prisma.workspace.delete({ where: { id: teamId } });
    } finally {
      await prisma.$disconnect();
    }
  });

  it('createOnce returns the winner of a race and says which call created it', async () => {
    const prisma: PrismaClient = createPrisma(process.env.TEST_DATABASE_URL!, { max: 8 });
    try {
      const teamId = randomId('T');
      await prisma.workspace.create({ data: { id: teamId } });
      const find = () => prisma.person.findUnique({ where: { workspaceId_slackUserId: { workspaceId: teamId, slackUserId: 'URACE' } } });
      const create = () => prisma.person.create({ data: { workspaceId: teamId, slackUserId: 'URACE' } });
      const results = await Promise.all(Array.from({ length: N }, () => createOnce(find, create)));
      expect(new Set(results.map((r) => r.value.id)).size).toBe(1);
      expect(results.filter((r) => r.created)).toHaveLength(1);
      await prisma.workspace.delete({ where: { id: teamId } });
    } finally {
      await prisma.$disconnect();
    }
  });
});
