import { spawn } from 'node:child_process';
import path from 'node:path';
import { Redis } from 'ioredis';
import { DateTime } from 'luxon';
import { startLocalWorkspace, type RunningLocalWorkspace } from '../../src/local/start';
import { randomId, visibleText } from '../support/harness';
import { setupValues } from '../support/flows';
import { deleteQueueKeys } from '../support/queueKeys';

/**
 * The local trial workspace, server side, driven through its /local/* API exactly as the page
 * drives it: a person types a command, the app's modal shows up in their state, a submission with a
 * bad field is answered under that field, a good one closes the modal and the app's messages
 * appear; the clock moves and a due reminder appears once, at the recipient's local time; the demo
 * journey seeds a four-week change process; reset empties the workspace.
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const SENIOR = 'ULOCALSENIOR';
const OLA = 'ULOCALLEAD1';
const SAM = 'ULOCALLEAD2';

let w: RunningLocalWorkspace;

async function get(p: string): Promise<Json> {
  const res = await fetch(`${w.baseUrl}${p}`);
  return (await res.json()) as Json;
}
async function post(p: string, body: Json): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${w.baseUrl}${p}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Json };
}
const state = (as: string) => get(`/local/state?as=${as}`);

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 8000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 40));
  }
}

/** `/followup <text>` in the person's DM; the modal it opened, as their state shows it. */
async function openModal(as: string, text: string): Promise<Json> {
  const before = new Set(((await state(as)).modals as Json[]).map((m) => m.id));
  const sent = await post('/local/command', { as, channel: `D${as.slice(1)}`, text });
  expect(sent.body).toEqual({ ok: true });
  return until(`a modal for ${text}`, async () => ((await state(as)).modals as Json[]).find((m) => !before.has(m.id)));
}

/** The senior leader sets up a follow-up of `leader` through the modal; the leader accepts in their DM. */
async function followUp(leader: string, channel: string, extra: Partial<Parameters<typeof setupValues>[0]> = {}): Promise<void> {
  const modal = await openModal(SENIOR, `/followup setup <@${leader}>`);
  const done = await post('/local/submit', { as: SENIOR, viewId: modal.id, state: { values: setupValues({ leader, channel, startDate: w.clock.now().setZone('Europe/Oslo').toISODate()!, ...extra }) } });
  expect(done.body).toEqual({ ok: true });
  const invitation = await until('the invitation in the leader’s DM', async () =>
    ((await state(leader)).messages[`D${leader.slice(1)}`] as Json[]).find((m) => JSON.stringify(m.blocks ?? []).includes('consent_accept')),
  );
  const button = (invitation.blocks as Json[]).flatMap((b) => (b.elements ?? []) as Json[]).find((e) => e.action_id === 'consent_accept')!;
  const clicked = await post('/local/action', { as: leader, where: 'message', channel: `D${leader.slice(1)}`, ts: invitation.ts, action: { type: 'button', action_id: 'consent_accept', block_id: 'b', value: button.value } });
  expect(clicked.body).toEqual({ ok: true });
  await until('the follow-up accepted', async () => (await w.prisma.followUp.findFirst({ where: { workspaceId: w.config.local!.teamId, leader: { slackUserId: leader }, status: 'ACTIVE' } })) !== null);
}

beforeAll(async () => {
  // A Tuesday morning in Oslo, so "next Monday 08:00" is days away.
  w = await startLocalWorkspace({ port: 0, databaseUrl: process.env.TEST_DATABASE_URL, redisUrl: process.env.TEST_REDIS_URL, queuePrefix: randomId('q', 12), teamId: randomId('TLOC', 8), logLevel: (process.env.TEST_LOG_LEVEL as 'error' | undefined) ?? 'silent', startAt: '2027-03-02T10:00:00+01:00' });
});

afterAll(async () => {
  await w.web.services.retention.eraseWorkspace(w.config.local!.teamId).catch(() => undefined);
  await w.close();
  const redis = new Redis(process.env.TEST_REDIS_URL!);
  await deleteQueueKeys(redis, w.config.queuePrefix);
  await redis.quit();
});

describe('local mode on the /local API', () => {
  test('a person sees only what Slack would show them: the cast, their channels, their own DM with the app, the banner in both languages', async () => {
    const s = await state(SAM);
    expect(s.me).toBe(SAM);
    expect(s.locale).toBe('en');
    expect(s.banner).toEqual({ text_nb: 'Lokal prøveversjon – ikke koblet til Slack', text_en: 'Local trial — not connected to Slack' });
    expect(s.people.map((p: Json) => p.realName)).toEqual(['Ingrid Berg', 'Ola Nordmann', 'Sam Taylor', 'Kari Admin']);
    expect(s.ims).toEqual([{ id: 'DLOCALLEAD2', name: 'Follow-up', unread: 0 }]);
    expect(Object.keys(s.messages)).not.toContain('DLOCALSENIOR');
    expect(s.channels.find((c: Json) => c.id === 'CLOCALTEAM2')).toEqual({ id: 'CLOCALTEAM2', name: 'team-sam', isMember: true, isPrivate: false });
    expect(s.clock.zone).toBe('America/New_York');
    expect(s.clock.label).toBe('Tuesday 2 March 04:00 New York');
    expect((await state(SENIOR)).clock.label).toBe('tirsdag 2. mars kl. 10.00 Oslo');
    expect(s.commands[0].subcommands.find((c: Json) => c.en === 'goal')).toMatchObject({ nb: 'mål' });
    expect((await fetch(`${w.baseUrl}/local/state?as=UNOBODY`)).status).toBe(400);
  });

  test('an unknown command is refused like Slack refuses it; a command that answers in place shows "only visible to you"', async () => {
    expect((await post('/local/command', { as: OLA, channel: 'DLOCALLEAD1', text: '/foo bar' })).body).toEqual({ ok: false, error: 'unknown_command' });
    expect((await post('/local/command', { as: OLA, channel: 'DLOCALLEAD1', text: '/followup hjelp' })).body).toEqual({ ok: true });
    const help = await until('the help', async () => ((await state(OLA)).ephemerals.DLOCALLEAD1 as Json[] | undefined)?.[0]);
    expect(visibleText(help.blocks)).toContain('Slik bruker du /followup');
    expect((await state(SENIOR)).ephemerals.DLOCALLEAD1).toBeUndefined();
  });

  test('command → modal → a submission with a missing field is answered under that field and keeps what was typed → a good one closes it and the messages appear', async () => {
    const modal = await openModal(SENIOR, '/followup oppsett');
    expect(modal.callback_id).toBe('setup_view');
    const typed = setupValues({ leader: null, channel: 'CLOCALTEAM1', startDate: '2027-03-02' });
    const refused = await post('/local/submit', { as: SENIOR, viewId: modal.id, state: { values: typed } });
    expect(refused.body.ok).toBe(true);
    expect(Object.keys(refused.body.errors)).toEqual(['setup_leader_block']);
    expect(refused.body.errors.setup_leader_block).toBe('Fyll ut dette feltet.');
    const still = (await state(SENIOR)).modals as Json[];
    expect(still.map((m) => m.id)).toEqual([modal.id]);
    expect(still[0].state.values.setup_channel_block.setup_channel_input.selected_conversation).toBe('CLOCALTEAM1');

    const accepted = await post('/local/submit', { as: SENIOR, viewId: modal.id, state: { values: { ...typed, ...setupValues({ leader: OLA, channel: 'CLOCALTEAM1', startDate: '2027-03-02' }) } } });
    expect(accepted.body).toEqual({ ok: true });
    expect((await state(SENIOR)).modals).toEqual([]);
    const invitation = await until('the invitation', async () => ((await state(OLA)).messages.DLOCALLEAD1 as Json[]).find((m) => JSON.stringify(m.blocks ?? []).includes('consent_accept')));
    expect(invitation.bot).toBe(true);
    expect((await state(OLA)).ims[0].unread).toBeGreaterThanOrEqual(1);
    const button = (invitation.blocks as Json[]).flatMap((b) => (b.elements ?? []) as Json[]).find((e) => e.action_id === 'consent_accept')!;
    expect((await post('/local/action', { as: OLA, where: 'message', channel: 'DLOCALLEAD1', ts: invitation.ts, action: { type: 'button', action_id: 'consent_accept', block_id: 'b', value: button.value } })).body).toEqual({ ok: true });
    await until('the follow-up accepted', async () => (await w.prisma.followUp.findFirst({ where: { workspaceId: w.config.local!.teamId, status: 'ACTIVE' } })) !== null);
    // Opening the app's Home sends app_home_opened: the app publishes the Home tab.
    expect((await post('/local/open', { as: SENIOR, channel: 'DLOCALSENIOR', tab: 'home' })).body).toEqual({ ok: true });
    const home = await until('the Home tab with Ola’s follow-up', async () => {
      const h = (await state(SENIOR)).home;
      return h && visibleText(h.blocks).includes('<@ULOCALLEAD1>') && !visibleText(h.blocks).includes('Venter på') ? h : null;
    });
    expect(home.type).toBe('home');
    // The accept's work after its ack ends with DMs to the senior leader ("… har godtatt", the calendar
    // file): let them all arrive (the DM's messages stay the same for half a second), or one that lands
    // after the Messages tab was opened is rightly unread.
    let seen = -1;
    let stableSince = Date.now();
    await until('the senior leader’s DMs after the accept', async () => {
      const n = ((await state(SENIOR)).messages.DLOCALSENIOR as Json[] | undefined)?.length ?? 0;
      if (n !== seen) {
        seen = n;
        stableSince = Date.now();
      }
      return n > 0 && Date.now() - stableSince > 500;
    });
    // The app's messages are unread until the Messages tab is opened.
    expect((await state(SENIOR)).ims[0].unread).toBeGreaterThan(0);
    expect((await post('/local/open', { as: SENIOR, channel: 'DLOCALSENIOR', tab: 'messages' })).body).toEqual({ ok: true });
    expect((await state(SENIOR)).ims[0].unread).toBe(0);
  });

  test('the clock moves: a due reflection prompt appears once, at the recipient’s local time (09:00 in New York), and not again', async () => {
    await followUp(SAM, 'CLOCALTEAM2', { reflection: 'WEEKLY' });
    const samPerson = await w.prisma.person.findFirstOrThrow({ where: { workspaceId: w.config.local!.teamId, slackUserId: SAM } });
    const due = await until('Sam’s reminders planned', () => w.prisma.reminder.findFirst({ where: { recipientId: samPerson.id, kind: 'reflection', status: 'SCHEDULED' }, orderBy: { dueAt: 'asc' } }));
    const dueAt = DateTime.fromJSDate(due.dueAt);
    expect(dueAt.setZone('America/New_York').toFormat('HH:mm')).toBe('09:00');
    const before = ((await state(SAM)).messages.DLOCALLEAD2 as Json[]).length;

    const moved = await post('/local/clock', { as: SAM, step: 'iso', to: dueAt.plus({ minutes: 30 }).toISO() });
    expect(moved.body).toMatchObject({ ok: true, settled: true });
    expect(moved.body.clock.label).toContain('09:30 New York');
    const after = (await state(SAM)).messages.DLOCALLEAD2 as Json[];
    const arrived = after.slice(before);
    expect(arrived).toHaveLength(1);
    expect(Number(arrived[0].ts.split('.')[0])).toBe(Math.floor(dueAt.toSeconds()));

    expect((await post('/local/clock', { as: SAM, step: 'hour' })).body.ok).toBe(true);
    const later = (await state(SAM)).messages.DLOCALLEAD2 as Json[];
    expect(later.filter((m) => m.text === arrived[0].text && m.ts === arrived[0].ts)).toHaveLength(1);
    expect(later.filter((m) => Number(m.ts.split('.')[0]) <= dueAt.plus({ minutes: 30 }).toSeconds())).toHaveLength(before + 1);
    expect((await w.prisma.delivery.findMany({ where: { key: due.key } })).map((d) => d.status)).toEqual(['SENT']);
    expect((await post('/local/clock', { as: SAM, step: 'iso', to: '2027-01-01T00:00:00Z' })).body).toMatchObject({ ok: false, error: 'clock_cannot_go_back' });
  });

  test('next Monday 08:00: the senior leader’s weekly digest arrives in their DM at 08:00 Oslo, with its chart', async () => {
    // A goal with a check-in, so the digest has a chart to show.
    const senior = await w.web.services.people.resolve(w.config.local!.teamId, SENIOR);
    const ola = await w.web.services.people.resolve(w.config.local!.teamId, OLA);
    const goal = await w.web.services.goals.create(senior, { leaderUserId: OLA, kind: 'PROFESSIONAL', title: 'Fewer late surprises', description: null, expectations: null, qualitativeCriteria: null, metricName: 'Problems raised', metricUnit: null, baseline: 0, target: 5, targetDate: null, milestones: [] }, null);
    await w.web.services.checkIns.record(ola, { goalId: goal.goal.id, value: 2, confidence: 4, note: null }, null);
    const before = ((await state(SENIOR)).messages.DLOCALSENIOR as Json[]).length;
    const moved = await post('/local/clock', { as: SENIOR, step: 'nextMonday08' });
    expect(moved.body.clock.label).toMatch(/^mandag \d+\. mars kl\. 08\.00 Oslo$/);
    const s = await state(SENIOR);
    const digest = (s.messages.DLOCALSENIOR as Json[]).slice(before).find((m) => /Ukeoppsummering/.test(m.text));
    expect(digest).toBeDefined();
    expect(DateTime.fromSeconds(Number(digest!.ts.split('.')[0]), { zone: 'Europe/Oslo' }).toFormat('ccc HH:mm', { locale: 'en' })).toBe('Mon 08:00');
    const image = (digest!.blocks as Json[]).find((b) => b.type === 'image');
    expect(image).toBeDefined();
    const file = s.files[image!.slack_file.id];
    expect(file).toMatchObject({ mimetype: 'image/png', isImage: true });
    const png = await fetch(`${w.baseUrl}${file.url}`);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await png.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
  });
});

describe('demo journey and reset', () => {
  test('the demo seeds four weeks of a change process through the use cases; reset empties the workspace', async () => {
    const teamId = w.config.local!.teamId;
    const seeded = await post('/local/demo', { locale: 'en' });
    expect(seeded.body).toEqual({ ok: true });

    const followUps = await w.prisma.followUp.findMany({ where: { workspaceId: teamId }, include: { goals: { include: { milestones: true, checkIns: true } }, conversations: { include: { actions: true } }, barriers: true, learnings: true } });
    expect(followUps.map((f) => f.status)).toEqual(['ACTIVE', 'ACTIVE']);
    const goals = followUps.flatMap((f) => f.goals);
    expect(goals.map((g) => g.title).sort()).toEqual(['Build a team that raises problems early', 'Make the new planning routine stick']);
    for (const g of goals) {
      expect(g.qualitativeCriteria).toBeTruthy();
      expect(g.milestones).toHaveLength(2);
      expect(g.checkIns).toHaveLength(4);
      const days = g.checkIns.map((c) => c.createdAt.getTime());
      expect((Math.max(...days) - Math.min(...days)) / 86_400_000).toBeGreaterThanOrEqual(20);
    }
    expect(followUps.flatMap((f) => f.conversations).flatMap((c) => c.actions)).toHaveLength(2);
    expect(followUps.flatMap((f) => f.barriers)).toHaveLength(1);
    expect(followUps.flatMap((f) => f.learnings).map((l) => l.sharedToChannel)).toEqual([true]);

    const team = ((await state(OLA)).messages.CLOCALTEAM1 as Json[]).map((m) => m.text);
    expect(team.some((t) => t.includes('shares a learning'))).toBe(true);
    expect(team.some((t) => t.includes('reached a milestone'))).toBe(true);
    const digests = ((await state(SENIOR)).messages.DLOCALSENIOR as Json[]).filter((m) => /Ukeoppsummering/.test(m.text));
    expect(digests.length).toBeGreaterThanOrEqual(4);
    // The journey ends at the real now.
    expect(Math.abs(w.clock.now().toMillis() - Date.now())).toBeLessThan(60_000);

    expect((await post('/local/reset', {})).body).toEqual({ ok: true });
    const empty = await state(SENIOR);
    expect(Object.values(empty.messages).flat()).toEqual([]);
    expect(empty.home).toBeNull();
    expect(empty.modals).toEqual([]);
    expect(await w.prisma.workspace.findUnique({ where: { id: teamId } })).toBeNull();
    expect(await w.prisma.reminder.count({ where: { workspaceId: teamId } })).toBe(0);
    expect(await w.workers.queues.reminders.getJobCounts('delayed', 'waiting', 'active')).toEqual({ delayed: 0, waiting: 0, active: 0 });
  });
});

describe('starting in local mode', () => {
  const root = path.join(__dirname, '..', '..');
  function runMain(env: Record<string, string>, until: RegExp): Promise<{ code: number | null; out: string }> {
    return new Promise((resolve) => {
      const proc = spawn(process.execPath, ['--require', path.join(root, 'scripts', 'ts-register.js'), path.join(root, 'src', 'main.ts')], {
        cwd: root,
        env: { PATH: process.env.PATH ?? '', DATABASE_URL: process.env.TEST_DATABASE_URL!, REDIS_URL: process.env.TEST_REDIS_URL!, LOG_LEVEL: 'warn', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      const timer = setTimeout(() => proc.kill('SIGKILL'), 25_000);
      const seen = (d: Buffer) => {
        out += d.toString();
        if (until.test(out)) proc.kill('SIGTERM');
      };
      proc.stdout.on('data', seen);
      proc.stderr.on('data', seen);
      proc.on('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, out });
      });
    });
  }

  test('no Slack credentials and NODE_ENV=production: refuses, saying how to run the trial on purpose', async () => {
    const { code, out } = await runMain({ NODE_ENV: 'production' }, /$^/);
    expect(code).toBe(1);
    expect(out).toContain('with NODE_ENV=production: set the Slack app\'s credentials, or LOCAL_WORKSPACE=true');
  });

  test('no Slack credentials: the local workspace starts on 127.0.0.1 and says where', async () => {
    const prefix = randomId('q', 12);
    const { out } = await runMain({ PORT: '0', QUEUE_PREFIX: prefix }, /Local trial workspace \(not connected to Slack\): http:\/\/127\.0\.0\.1:\d+/);
    expect(out).toMatch(/Local trial workspace \(not connected to Slack\): http:\/\/127\.0\.0\.1:\d+/);
    const redis = new Redis(process.env.TEST_REDIS_URL!);
    await deleteQueueKeys(redis, prefix);
    await redis.quit();
  });
});
