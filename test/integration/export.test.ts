import { ExportIds } from '../../src/slack/features/export/views';
import { FixedClock, Harness, visibleText } from '../support/harness';
import { goalValues, openModal, setupFollowUp } from '../support/flows';

describe('/followup export and erasure', () => {
  let h: Harness;
  /** Files posted by the export (the setup also sends calendar invitations, .ics files). */
  const exportUploads = () => h.slack.callsOf('files.completeUploadExternal').filter((c) => !String(c.args.files).includes('.ics'));
  let senior: string;
  let leader: string;
  let admin: string;
  beforeAll(async () => {
    h = await Harness.start({ clock: new FixedClock('2026-11-26T09:00:00Z') });
    senior = h.user('UXSENIOR', { locale: 'en-GB' });
    leader = h.user('UXLEADER', { locale: 'nb-NO' });
    admin = h.user('UXADMIN1', { locale: 'en-GB', is_admin: true });
    await setupFollowUp(h, senior, leader, { channel: 'CXTEAM01' });
    const view = await openModal(h, senior, `goal <@${leader}>`);
    await h.submitView(senior, view, goalValues({ leader, title: 'Export me' }));
  });
  afterAll(async () => {
    await h.close();
  });

  it('sends a person their own data as a JSON file in their DM', async () => {
    const n = h.slack.responses.length;
    await h.command(leader, 'eksport');
    const reply = await h.slack.waitForResponse(n + 1);
    expect(reply.text).toBe('Dataene dine er sendt til deg som en fil i direktemeldingene dine med appen.');
    const complete = exportUploads().at(-1);
    expect(complete?.args.channel_id).toBe(`D${leader.slice(1)}`);
    expect(String(complete?.args.initial_comment)).toContain('Her er alt oppfølgingsappen lagrer om deg');
    const fileId = (JSON.parse(String(complete?.args.files)) as { id: string }[])[0].id;
    const data = JSON.parse(h.slack.uploads.get(fileId) ?? '{}') as { person: { slackUserId: string }; followUps: { goals: { title: string }[] }[] };
    expect(data.person.slackUserId).toBe(leader);
    expect(data.followUps[0].goals.map((g) => g.title)).toEqual(['Export me']);
  });

  it('refuses to export someone else\'s data for a non-admin', async () => {
    const n = h.slack.responses.length;
    const uploads = exportUploads().length;
    await h.command(senior, `export <@${leader}>`);
    const reply = await h.slack.waitForResponse(n + 1);
    expect(reply.text).toBe('You do not have access to this.');
    expect(exportUploads()).toHaveLength(uploads);
  });

  it('lets an admin have a person\'s data sent to that person (not to the admin), then erase it', async () => {
    const n = h.slack.responses.length;
    await h.command(admin, `export <@${leader}>`);
    const reply = await h.slack.waitForResponse(n + 1);
    expect(visibleText(reply.blocks)).toContain(`The data of <@${leader}> has been sent to them`);
    const complete = exportUploads().at(-1);
    expect(complete?.args.channel_id).toBe(`D${leader.slice(1)}`);

    // The erase button: a non-admin clicking a forged one is refused and nothing is deleted.
    const m = h.slack.responses.length;
    await h.action(senior, { type: 'button', action_id: ExportIds.eraseButton, value: leader }, { response_url: h.newResponseUrl() });
    expect((await h.slack.waitForResponse(m + 1)).text).toBe('You do not have access to this.');
    expect(await h.prisma.goal.count({ where: { title: 'Export me', followUp: { workspaceId: h.teamId } } })).toBe(1);

    await h.action(admin, { type: 'button', action_id: ExportIds.eraseButton, value: leader }, { response_url: h.newResponseUrl() });
    expect((await h.slack.waitForResponse(m + 2)).text).toBe(`The data of <@${leader}> has been erased: 1 follow-up ended, 0 messages deleted.`);
    expect(await h.prisma.goal.count({ where: { title: 'Export me', followUp: { workspaceId: h.teamId } } })).toBe(0);
    expect(await h.prisma.person.count({ where: { workspaceId: h.teamId, slackUserId: leader } })).toBe(0);
    expect(await h.prisma.person.count({ where: { workspaceId: h.teamId, slackUserId: senior } })).toBe(1);
  });
});
