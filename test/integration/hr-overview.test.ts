import { settingsForm } from '../../src/slack/features/settings/fields';
import { dayToDate } from '../../src/time/dates';
import { FixedClock, Harness, randomId, visibleText } from '../support/harness';
import { followUp, goal, openedView, person, settle } from '../support/seed';
import { bokmaalWordsIn } from '../support/readerDates';
import { radio, select, text, users } from '../support/steps';

/**
 * The HR overview (issue 21 §1) from outside: an admin names an HR partner in settings (audited),
 * the partner reads the overview and gets its CSV; figures appear from the threshold's number of
 * follow-ups (4 hidden, 5 shown); nothing anyone wrote reaches the partner by any path.
 */
describe('HR overview', () => {
  let h: Harness;
  const ADMIN = 'UHRADM01';
  const PARTNER = 'UHRPAR01';
  const NYNORSK = 'UHRPAR02';
  const secrets: string[] = [];

  async function reply(user: string, command: string): Promise<string> {
    const n = h.slack.responses.length;
    await h.command(user, command);
    const body = await h.slack.waitForResponse(n + 1);
    expect(body.response_type).toBe('ephemeral');
    return `${String(body.text)}\n${visibleText(body.blocks)}`;
  }

  /** A follow-up with a goal, a one-to-one, an organisational barrier: each with a secret text. */
  async function seedFollowUp(i: number) {
    const f = await followUp(h, `UHRSEN${String(i).padStart(2, '0')}`, `UHRLEA${String(i).padStart(2, '0')}`, { oneToOne: 'WEEKLY', startDate: '2026-12-01' });
    const secret = `SECRET-${randomId('', 8)}`;
    secrets.push(secret);
    await goal(h, f, `${secret} goal`, { baseline: 0, target: 10, current: 5 });
    await h.prisma.conversation.create({ data: { followUpId: f.id, heldOn: dayToDate('2027-02-20'), agenda: [{ text: secret }], notes: secret, loggedById: f.seniorId } });
    await h.prisma.barrier.create({ data: { followUpId: f.id, kind: 'ORGANISATIONAL', description: `${secret} barrier`, createdById: f.leaderId } });
    await h.prisma.reflection.create({ data: { followUpId: f.id, authorId: f.leaderId, prompts: [{ key: 'g1', text: 'q' }], answers: [secret], sharedWithSenior: true } });
    return f;
  }

  beforeAll(async () => {
    // Monday 1 March 2027, 10:00 in Oslo.
    h = await Harness.start({ clock: new FixedClock('2027-03-01T09:00:00Z') });
    h.user(ADMIN, { locale: 'en-GB', is_admin: true, tz: 'Europe/Oslo' });
    h.user(PARTNER, { locale: 'en-GB', tz: 'Europe/Oslo' });
    h.user(NYNORSK, { locale: 'nn-NO', tz: 'Europe/Oslo' });
    await person(h, ADMIN, { isAdmin: true });
    for (let i = 1; i <= 4; i++) await seedFollowUp(i);
  });
  afterAll(async () => {
    await settle(h);
    await h.close();
  });

  it('nobody but an admin may read it before a partner is named', async () => {
    expect(await reply(PARTNER, 'hr')).toContain('Only workspace admins, and the HR partners an admin names in `/followup settings`, can see the HR overview.');
    expect(await reply(ADMIN, 'hr')).toContain('HR overview');
  });

  it('an admin names HR partners in settings; a threshold below 3 is refused and nothing is lost; the change is audited', async () => {
    const before = h.slack.callsOf('views.open').length;
    await h.command(ADMIN, 'settings');
    const view = await openedView(h, before + 1);
    expect(visibleText(view)).toContain('HR partners');
    const ws = settingsForm.ids;
    const values = (threshold: string) => ({
      [ws.language.block]: { [ws.language.action]: radio('auto') },
      [ws.hour.block]: { [ws.hour.action]: select('default') },
      [ws.wsLanguage.block]: { [ws.wsLanguage.action]: radio('auto') },
      [ws.wsHour.block]: { [ws.wsHour.action]: select('9') },
      [ws.wsHrPartners.block]: { [ws.wsHrPartners.action]: users([PARTNER, NYNORSK]) },
      [ws.wsHrThreshold.block]: { [ws.wsHrThreshold.action]: text(threshold) },
    });
    const refused = await h.submitView(ADMIN, view, values('2'));
    expect(refused.json<{ errors: Record<string, string> }>().errors[ws.wsHrThreshold.block]).toBe('Enter a whole number from 3 to 50.');
    expect(await h.prisma.hrPartner.count({ where: { workspaceId: h.teamId } })).toBe(0);

    const saved = await h.submitView(ADMIN, { ...view, id: randomId('V') }, values('5'));
    expect(saved.status).toBe(200);
    for (let i = 0; i < 100 && (await h.prisma.hrPartner.count({ where: { workspaceId: h.teamId } })) < 2; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await h.prisma.hrPartner.count({ where: { workspaceId: h.teamId } })).toBe(2);
    const audit = await h.prisma.auditEntry.findMany({ where: { workspaceId: h.teamId, action: 'hr_partner_named' }, orderBy: { subjectUserId: 'asc' } });
    expect(audit.map((a) => [a.actorUserId, a.subjectUserId])).toEqual([
      [ADMIN, PARTNER],
      [ADMIN, NYNORSK],
    ].sort((a, b) => a[1].localeCompare(b[1])));
    // The admin reads it in the audit list, with the exports and erasures.
    const log = await reply(ADMIN, 'export audit');
    expect(log).toContain(`<@${ADMIN}> named <@${PARTNER}> HR partner`);
  });

  it('4 follow-ups: every figure is too few to show; 5: the figures appear', async () => {
    const four = await reply(PARTNER, 'hr');
    expect(four).toContain('*Follow-ups*: _too few to show_');
    expect(four).not.toMatch(/\*Follow-ups\*: \d/);

    await seedFollowUp(5);
    const five = await reply(PARTNER, 'hr');
    expect(five).toContain('*Follow-ups*: 5 · active 5 · pending 0 · ended 0');
    expect(five).toContain('*Open barriers*: personal 0 · organisational 5 · resource 0');
    expect(five).toContain('Average progress of active goals toward their target: 50 %');
    expect(five).toContain('A figure computed from fewer than 5 follow-ups is not shown.');
    for (const secret of secrets) expect(five).not.toContain(secret);
  });

  it('the CSV goes to the partner’s own DM and holds the same figures, no content', async () => {
    const uploads = h.slack.callsOf('files.completeUploadExternal').length;
    expect(await reply(PARTNER, 'hr csv')).toContain('The HR overview is sent to you as a CSV file in your direct messages with the app.');
    const complete = await h.slack.waitForCall('files.completeUploadExternal', uploads + 1);
    const fileId = (JSON.parse(String(complete.args.files)) as { id: string }[])[0].id;
    const csv = h.slack.uploads.get(fileId) ?? '';
    expect(csv.split('\r\n')[0]).toBe('figure,part,value');
    expect(csv).toContain('follow-ups,total,5');
    expect(csv).toContain('open barriers,Organisational,5');
    for (const secret of secrets) expect(csv).not.toContain(secret);
    const opened = h.slack.callsOf('conversations.open').at(-1);
    expect(opened?.args.users).toBe(PARTNER);
  });

  it('a nynorsk HR partner reads it in nynorsk', async () => {
    const text = await reply(NYNORSK, 'hr');
    expect(text).toContain('HR-oversikt');
    expect(text).toContain('*Oppfølgingar*: 5 · aktive 5');
    expect(bokmaalWordsIn(text)).toEqual([]);
  });

  it('an HR partner sees no content by any other path: export, status, App Home', async () => {
    expect(await reply(PARTNER, 'export <@UHRLEA01>')).toContain('You do not have access to this.');
    expect(h.slack.callsOf('files.completeUploadExternal').filter((c) => String(c.args.files).includes('.json'))).toHaveLength(0);
    expect(await reply(PARTNER, 'status <@UHRLEA01>')).toContain('can see this summary');
    const home = visibleText(await h.openHome(PARTNER));
    for (const secret of secrets) expect(home).not.toContain(secret);
  });
});
