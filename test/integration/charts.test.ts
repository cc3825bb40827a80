import { WebClient } from '@slack/web-api';
import { NotAllowedError, ValidationError } from '../../src/domain/errors';
import { renderChart } from '../../src/domain/charts/render';
import { imageBlock, SlackImageUploader, uploadChart } from '../../src/slack/files';
import { FixedClock } from '../../src/time/clock';
import { checkMessage } from '../support/blockKit';
import { Harness } from '../support/harness';
import { followUp, goal } from '../support/seed';

/** Charts from the database through the upload flow, against the fake Slack. */
describe('charts: data, access and upload', () => {
  let h: Harness;
  const clock = new FixedClock('2026-11-30T09:00:00Z');
  beforeAll(async () => {
    h = await Harness.start({ clock });
    h.user('USENIOR', { locale: 'en-GB', tz: 'Europe/London', real_name: 'Sam Senior' });
    h.user('ULEADER', { locale: 'nb-NO', tz: 'Europe/Oslo', real_name: 'Åse Ødegård' });
    h.user('UOTHER', { locale: 'en-US', tz: 'America/New_York' });
  });
  afterAll(() => h.close());

  const actor = (id: string) => h.app.services.people.resolve(h.teamId, id);

  test('a goal chart in each reader’s language; someone else is refused; a goal without a metric has none', async () => {
    const f = await followUp(h, 'USENIOR', 'ULEADER');
    const g = await goal(h, f, 'Redusere sykefravær', { baseline: 8, target: 5, unit: '%', targetDate: '2027-06-01' });
    const leader = await actor('ULEADER');
    const first = await h.app.services.checkIns.record(leader, { goalId: g.id, value: 7, confidence: 3, note: null }, null);
    const second = await h.app.services.checkIns.record(leader, { goalId: g.id, value: 6.5, confidence: 4, note: null }, null);
    // The database stamps check-ins; place them on the days this test is about.
    await h.prisma.checkIn.update({ where: { id: first.checkIn.id }, data: { createdAt: new Date('2026-11-10T09:00:00Z') } });
    await h.prisma.checkIn.update({ where: { id: second.checkIn.id }, data: { createdAt: new Date('2026-11-24T09:00:00Z') } });

    const nb = await h.app.services.charts.goalChart(leader, g.id);
    expect(nb.values.points.map((p) => p.y)).toEqual([7, 6.5]);
    expect(nb.altText).toContain('2 fremdriftsoppdateringer: 6,5 % den 24. november 2026, 7 % den 10. november 2026.');
    expect(nb.altText).toContain('Siste verdi 6,5 %, 50 % av veien til målverdien.');
    const en = await h.app.services.charts.goalChart(await actor('USENIOR'), g.id);
    expect(en.target.label).toBe('Target 5 %');
    expect(en.altText).toContain('Target date 1 June 2027.');

    await expect(h.app.services.charts.goalChart(await actor('UOTHER'), g.id)).rejects.toBeInstanceOf(NotAllowedError);
    const plain = await goal(h, f, 'Bedre samtaler');
    await expect(h.app.services.charts.goalChart(leader, plain.id)).rejects.toMatchObject({ fields: { goal: { key: 'chart.error_no_metric' } } });
  });

  test('the overview of a senior leader’s leaders; a leader without followers gets a clear error', async () => {
    const f2 = await followUp(h, 'USENIOR', 'UOTHER');
    await goal(h, f2, 'Onboarding', { baseline: 0, target: 10, current: 5 });
    const spec = await h.app.services.charts.overviewChart(await actor('USENIOR'));
    expect(spec.bars.map((b) => `${b.leader}: ${b.percent ?? '-'}`)).toEqual(['Åse Ødegård: 50', 'Åse Ødegård: -', 'UOTHER: 50']);
    expect(spec.subtitle).toBe('2 leaders, 3 goals · week 49');
    const err = await h.app.services.charts.overviewChart(await actor('ULEADER')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).fields.leader.key).toBe('chart.error_no_leaders');
  });

  test('status charts: the asker’s visible goals with a metric, narrowed by a mention; none for an outsider', async () => {
    const senior = await actor('USENIOR');
    const all = await h.app.services.charts.statusCharts(senior, null);
    expect(all.map((s) => s.title)).toEqual(['Redusere sykefravær', 'Onboarding']);
    const one = await h.app.services.charts.statusCharts(senior, 'ULEADER');
    expect(one.map((s) => s.title)).toEqual(['Redusere sykefravær']);
    expect(await h.app.services.charts.statusCharts(await actor('ULEADER'), 'UOTHER')).toEqual([]);
    const own = await h.app.services.charts.statusCharts(await actor('ULEADER'), null);
    expect(own.map((s) => s.values.label)).toEqual(['Fremdriftsoppdateringer']);
  });

  test('upload: the three-step flow once; the same picture again makes no Slack call', async () => {
    const senior = await actor('USENIOR');
    const spec = await h.app.services.charts.overviewChart(senior);
    const png = renderChart(spec).png;
    const client = new WebClient(h.slack.token, { slackApiUrl: h.slack.apiUrl });
    const uploader = new SlackImageUploader(h.app.services.repos.chartFiles);
    const before = h.slack.calls.length;

    const first = await uploadChart(uploader, client, h.teamId, spec, png);
    expect(first.uploaded).toBe(true);
    const [url] = h.slack.callsOf('files.getUploadURLExternal').slice(-1);
    expect(url.args).toMatchObject({ filename: expect.stringMatching(/^chart-[0-9a-f]{12}\.png$/), length: String(png.length) });
    expect(h.slack.uploads.has(first.fileId)).toBe(true);
    const [complete] = h.slack.callsOf('files.completeUploadExternal').slice(-1);
    expect(JSON.parse(String(complete.args.files))).toEqual([{ id: first.fileId, title: 'Progress toward target' }]);
    // Private to the app: shared nowhere until a block shows it.
    expect(complete.args.channel_id).toBeUndefined();
    expect(complete.args.channels).toBeUndefined();
    expect(h.slack.calls.length - before).toBe(2);

    const again = await uploadChart(uploader, client, h.teamId, spec, Buffer.from(png));
    expect(again).toMatchObject({ fileId: first.fileId, uploaded: false });
    expect(h.slack.calls.length - before).toBe(2);

    // Another workspace uploads its own copy (file ids belong to a workspace).
    const other = await uploadChart(uploader, client, `${h.teamId}X`, spec, png);
    expect(other.uploaded).toBe(true);

    const message = { channel: 'DUSENIOR', text: spec.title, blocks: [imageBlock(first.fileId, first.altText, first.title)] };
    expect(checkMessage(message)).toEqual([]);
    expect(message.blocks[0]).toEqual({ type: 'image', slack_file: { id: first.fileId }, alt_text: spec.altText, title: { type: 'plain_text', text: 'Progress toward target' } });
  });
});
