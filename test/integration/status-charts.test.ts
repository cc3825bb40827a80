import { FixedClock, Harness } from '../support/harness';
import { checkMessage } from '../support/blockKit';
import { followUp, goal, settle } from '../support/seed';

type Block = Record<string, unknown> & { type: string };

/** `/followup status` carries the charts of the goals the asker may see — to the asker only. */
describe('/followup status with charts', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start({ clock: new FixedClock('2026-11-30T09:00:00Z') });
  });
  afterAll(async () => {
    await settle(h);
    await h.close();
  });

  async function statusOf(userId: string, args: string): Promise<Block[]> {
    const n = h.slack.responses.length;
    await h.command(userId, `status ${args}`.trim());
    const body = await h.slack.waitForResponse(n + 1);
    expect(body.response_type).toBe('ephemeral');
    expect(checkMessage({ channel: 'D0', text: body.text, blocks: body.blocks })).toEqual([]);
    return body.blocks as Block[];
  }

  it('shows the picture with the numbers in words, in each reader’s language, only in the asker’s reply', async () => {
    const senior = h.user('USCSEN01', { locale: 'en-GB', tz: 'Europe/London' });
    const leader = h.user('USCLEA01', { locale: 'nb-NO', tz: 'Europe/Oslo' });
    const stranger = h.user('USCSTR01', { locale: 'en-GB' });
    const f = await followUp(h, senior, leader);
    const g = await goal(h, f, 'Redusere sykefravær', { baseline: 8, target: 5, unit: '%' });
    await goal(h, f, 'Bedre samtaler'); // no metric: no chart
    const actor = await h.app.services.people.resolve(h.teamId, leader);
    await h.app.services.checkIns.record(actor, { goalId: g.id, value: 6.5, confidence: 4, note: null }, null);
    const postsBefore = h.slack.callsOf('chat.postMessage').length + h.slack.callsOf('chat.postEphemeral').length;

    const en = await statusOf(senior, `<@${leader}>`);
    const enImages = en.filter((b) => b.type === 'image');
    expect(enImages).toHaveLength(1);
    expect(enImages[0].slack_file).toEqual({ id: expect.stringMatching(/^F/) });
    expect(enImages[0].alt_text).toContain('Chart of the goal “Redusere sykefravær”');
    expect(enImages[0].alt_text).toContain('Latest value 6.5 %, 50 % of the way to the target.');
    // The picture comes after the card.
    expect(en.findIndex((b) => b.type === 'image')).toBeGreaterThan(en.findIndex((b) => b.type === 'section'));

    const nb = await statusOf(leader, '');
    const nbImages = nb.filter((b) => b.type === 'image');
    expect(nbImages).toHaveLength(1);
    expect(nbImages[0].alt_text).toContain('Siste verdi 6,5 %, 50 % av veien til målverdien.');
    // Each language is its own picture (its own labels): two uploads, none shared to a channel.
    const completes = h.slack.callsOf('files.completeUploadExternal');
    expect(completes).toHaveLength(2);
    for (const c of completes) {
      expect(c.args.channel_id).toBeUndefined();
      expect(c.args.channels).toBeUndefined();
    }
    // Asked again: the same picture is not uploaded again.
    await statusOf(senior, `<@${leader}>`);
    expect(h.slack.callsOf('files.completeUploadExternal')).toHaveLength(2);

    // Nothing was posted anywhere else: the reply to the asker is the only place the picture shows.
    expect(h.slack.callsOf('chat.postMessage').length + h.slack.callsOf('chat.postEphemeral').length).toBe(postsBefore);

    // Someone who may not see the leader's goals gets the refusal and no picture.
    const refused = await statusOf(stranger, `<@${leader}>`);
    expect(refused.some((b) => b.type === 'image')).toBe(false);
    expect(h.slack.callsOf('files.completeUploadExternal')).toHaveLength(2);
  });
});
