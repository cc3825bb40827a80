import crypto from 'node:crypto';
import { InstallationRepository } from '../../src/data/installations';
import { createTokenCipher } from '../../src/data/tokenCipher';
import { ShiftedClock } from '../../src/time/clock';
import { rotateTokenKeys } from '../../src/tools/rotateKey';
import { randomId, visibleText, type Harness } from '../support/harness';
import { goalValues, openModal, setupFollowUp } from '../support/flows';
import { ScheduledHarness } from '../support/scheduler';
import { postSigned, type SlackResponse } from '../support/signing';
import { settle } from '../support/seed';

/**
 * Many workspaces on one app: each installs through /slack/install → Slack → /slack/oauth_redirect
 * (Bolt's InstallProvider), its tokens are stored encrypted, and every Web API call — in the web
 * process and in the workers — carries the token of the workspace it acts for. The fake Slack
 * answers a call that touches another workspace's user or channel with user_not_found /
 * channel_not_found and records it in `mismatches`.
 */
const KEY1 = crypto.randomBytes(32).toString('base64');
const KEY2 = crypto.randomBytes(32).toString('base64');

/** The same harness, acting as another workspace (requests carry that team id; seeding uses it). */
function as(h: Harness, teamId: string, enterpriseId?: string): Harness {
  const view = Object.create(h, { teamId: { value: teamId } }) as Harness;
  if (enterpriseId) {
    // An org-wide Grid install: every request carries the enterprise and is_enterprise_install, as Slack sends them.
    view.command = (userId, text, opts = {}) => commandWithEnterprise(h, teamId, enterpriseId, userId, text, opts.responseUrl);
    view.interact = (payload, opts) => h.interact({ ...payload, enterprise: { id: enterpriseId, name: 'Grid Org' }, is_enterprise_install: true }, opts);
    view.event = (event, opts) =>
      postSigned(
        `${h.baseUrl}/slack/events`,
        JSON.stringify({
          token: 'deprecated',
          team_id: teamId,
          enterprise_id: enterpriseId,
          api_app_id: 'A0FAKE',
          event: { event_ts: String(Date.now() / 1000), ...event },
          type: 'event_callback',
          event_id: randomId('Ev'),
          event_time: Math.floor(Date.now() / 1000),
          is_ext_shared_channel: false,
          authorizations: [{ enterprise_id: enterpriseId, team_id: teamId, user_id: 'UBOT0001', is_bot: true, is_enterprise_install: true }],
        }),
        'application/json',
        opts,
      );
  }
  return view;
}

function commandWithEnterprise(h: Harness, teamId: string, enterpriseId: string, userId: string, text: string, responseUrl?: string): Promise<SlackResponse> {
  const params = new URLSearchParams({
    token: 'deprecated',
    team_id: teamId,
    team_domain: 'grid',
    enterprise_id: enterpriseId,
    enterprise_name: 'Grid Org',
    channel_id: 'C0GENERAL',
    channel_name: 'general',
    user_id: userId,
    user_name: userId.toLowerCase(),
    command: '/followup',
    text,
    api_app_id: 'A0FAKE',
    is_enterprise_install: 'true',
    response_url: responseUrl ?? h.newResponseUrl(),
    trigger_id: h.slack.issueTrigger(userId),
  });
  return postSigned(`${h.baseUrl}/slack/events`, params.toString(), 'application/x-www-form-urlencoded');
}

interface InstallStart {
  html: string;
  authorizeUrl: URL;
  state: string;
  cookie: string;
}

/** Opens the install page as a browser would and keeps its state cookie. */
async function startInstall(h: Harness, lang?: string): Promise<InstallStart> {
  const res = await fetch(`${h.baseUrl}/slack/install${lang ? `?lang=${lang}` : ''}`);
  expect(res.status).toBe(200);
  const html = await res.text();
  const href = /id="add-to-slack"[^>]*href="([^"]+)"/.exec(html)?.[1] ?? /href="([^"]+)"[^>]*id="add-to-slack"/.exec(html)?.[1];
  if (!href) throw new Error(`no Add to Slack link in\n${html}`);
  const authorizeUrl = new URL(href.replace(/&amp;/g, '&'));
  const setCookie = res.headers.get('set-cookie') ?? '';
  const cookie = /slack-app-oauth-state=([^;]+)/.exec(setCookie)?.[1] ?? '';
  return { html, authorizeUrl, state: authorizeUrl.searchParams.get('state') ?? '', cookie };
}

/** Slack sends the browser back with a code; the app exchanges it and answers a page. */
async function redirect(h: Harness, code: string, state: string, cookie: string | null): Promise<{ status: number; html: string }> {
  const res = await fetch(`${h.baseUrl}/slack/oauth_redirect?code=${encodeURIComponent(code)}&state=${encodeURIComponent(state)}`, {
    headers: cookie ? { cookie: `slack-app-oauth-state=${cookie}` } : {},
  });
  return { status: res.status, html: await res.text() };
}

async function install(h: Harness, teamId: string, opts: { orgWide?: boolean; rotation?: boolean; lang?: string } = {}): Promise<{ status: number; html: string }> {
  const start = await startInstall(h, opts.lang);
  return redirect(h, h.slack.issueCode(teamId, opts), start.state, start.cookie);
}

function tokensOfCall(h: Harness, method: string, pred: (args: Record<string, unknown>) => boolean = () => true): (string | null)[] {
  return h.slack.callsOf(method).filter((c) => pred(c.args)).map((c) => c.token);
}

/** Every text value of every column of every table of the app's schema. */
async function everyStoredText(h: Harness): Promise<string[]> {
  const columns = await h.prisma.$queryRawUnsafe<{ table_name: string; column_name: string }[]>(
    `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations'`,
  );
  const out: string[] = [];
  for (const { table_name, column_name } of columns) {
    const rows = await h.prisma.$queryRawUnsafe<{ v: string | null }[]>(`SELECT "${column_name}"::text AS v FROM "${table_name}"`);
    for (const r of rows) if (r.v !== null) out.push(r.v);
  }
  return out;
}

describe('OAuth install: many workspaces on one app', () => {
  let s: ScheduledHarness;
  let h: Harness;
  const TA = randomId('T');
  const TB = randomId('T');
  const A = () => as(h, TA);
  const B = () => as(h, TB);
  // People of workspace A and of workspace B.
  const SA = 'UASENIOR';
  const LA = 'UALEADER';
  const SB = 'UBSENIOR';
  const LB = 'UBLEADER';

  beforeAll(async () => {
    // Monday 2027-04-05 (2027-03-29 is 2. påskedag, a public holiday in Norway) a few seconds before 09:00 in Oslo: the weekly reflection prompts are due at 09:00.
    s = await ScheduledHarness.start({ clock: new ShiftedClock('2027-04-05T08:59:30+02:00'), oauth: { key: KEY1 } });
    h = s.h;
    h.slack.addTeam({ id: TA, name: 'Alpha AS' });
    h.slack.addTeam({ id: TB, name: 'Beta Ltd' });
    A().user(SA, { locale: 'en-GB', name: 'Anna Senior' });
    A().user(LA, { locale: 'en-GB', name: 'Alf Leader' });
    B().user(SB, { locale: 'nb-NO', name: 'Berit Senior' });
    B().user(LB, { locale: 'nb-NO', name: 'Bjørn Leader' });
  });
  afterAll(async () => {
    await h.prisma.installation.deleteMany({ where: { id: { in: [TA, TB] } } });
    await s.close();
  });

  it('the install page links to Slack’s authorize URL with a state bound to the browser, and the redirect installs the workspace', async () => {
    const start = await startInstall(h, 'en');
    expect(start.html).toContain('Add Follow-up to your Slack workspace');
    expect(start.authorizeUrl.origin + start.authorizeUrl.pathname).toBe('https://slack.com/oauth/v2/authorize');
    expect(start.authorizeUrl.searchParams.get('client_id')).toBe(h.slack.clientId);
    expect(start.authorizeUrl.searchParams.get('scope')?.split(',')).toEqual(expect.arrayContaining(['commands', 'chat:write', 'users:read', 'im:write']));
    expect(start.state).not.toBe('');
    expect(start.cookie).toBe(start.state);

    const done = await redirect(h, h.slack.issueCode(TA, { installer: SA }), start.state, start.cookie);
    expect(done.status).toBe(200);
    expect(done.html).toContain('Follow-up is installed');
    expect(done.html).toContain('Follow-up is now in Alpha AS.');
    const row = await h.prisma.installation.findUniqueOrThrow({ where: { id: TA } });
    expect(row).toMatchObject({ teamId: TA, teamName: 'Alpha AS', isEnterpriseInstall: false, installerUserId: SA, botUserId: h.slack.teams.get(TA)!.botUserId, keyId: createTokenCipher(KEY1).currentKeyId });
    expect(row.scopes).toContain('commands');
    expect(row.encryptedBotToken).not.toContain('xox');

    // The bokmål page and result for the second workspace.
    const nb = await startInstall(h, 'nb');
    expect(nb.html).toContain('Legg Follow-up til i Slack-arbeidsområdet ditt');
    const doneB = await redirect(h, h.slack.issueCode(TB, { installer: SB }), nb.state, nb.cookie);
    expect(doneB.html).toContain('Follow-up er nå i Beta Ltd.');
  });

  it('refuses a forged state, a state from another browser, a reused code and a wrong client secret', async () => {
    const TX = randomId('T');
    h.slack.addTeam({ id: TX, name: 'Forged' });
    const code = h.slack.issueCode(TX);
    // A state the app never made.
    const forged = await redirect(h, code, 'forged-state', 'forged-state');
    expect(forged.status).toBe(400);
    expect(forged.html).toContain('This install link has expired or was not started in this browser.');
    // A real state without the cookie of the browser that started the install (someone else's link).
    const start = await startInstall(h, 'en');
    const otherBrowser = await redirect(h, code, start.state, null);
    expect(otherBrowser.status).toBe(400);
    expect(otherBrowser.html).toContain('This install link has expired or was not started in this browser.');
    expect(await h.prisma.installation.count({ where: { id: TX } })).toBe(0);

    // A code used once already.
    const first = await startInstall(h, 'en');
    expect((await redirect(h, code, first.state, first.cookie)).status).toBe(200);
    const again = await startInstall(h, 'en');
    const reused = await redirect(h, code, again.state, again.cookie);
    expect(reused.status).toBe(400);
    expect(reused.html).toContain('Slack did not accept the installation');

    // The app's client secret does not match Slack's (e.g. regenerated in the app settings).
    const secret = h.slack.clientSecret;
    h.slack.clientSecret = 'regenerated-secret';
    try {
      const start2 = await startInstall(h, 'nb');
      const wrong = await redirect(h, h.slack.issueCode(TX), start2.state, start2.cookie);
      expect(wrong.status).toBe(400);
      expect(wrong.html).toContain('Slack godtok ikke installasjonen');
    } finally {
      h.slack.clientSecret = secret;
    }
    await h.prisma.installation.deleteMany({ where: { id: TX } });
  });

  it('answers a command from each new workspace with that workspace’s token', async () => {
    const [tokenA] = h.slack.tokensOf(TA);
    const [tokenB] = h.slack.tokensOf(TB);
    await setupFollowUp(A(), SA, LA, { channel: 'CATEAM01', reflection: 'WEEKLY', startDate: '2027-03-29' });
    await setupFollowUp(B(), SB, LB, { channel: 'CBTEAM01', reflection: 'WEEKLY', startDate: '2027-03-29' });
    expect(tokensOfCall(h, 'views.open', (a) => JSON.stringify(a.view).includes(LA))).toEqual([tokenA]);
    expect(tokensOfCall(h, 'views.open', (a) => JSON.stringify(a.view).includes(LB))).toEqual([tokenB]);
    expect(new Set(tokensOfCall(h, 'users.info', (a) => [SA, LA].includes(String(a.user))))).toEqual(new Set([tokenA]));
    expect(new Set(tokensOfCall(h, 'users.info', (a) => [SB, LB].includes(String(a.user))))).toEqual(new Set([tokenB]));
    expect(h.slack.mismatches).toEqual([]);
  });

  it('Bolt’s own listener client and context carry the workspace’s token and identity', async () => {
    const seen: { team?: string; botUserId?: string }[] = [];
    // A listener as the handlers will be written: the client Bolt passes, authorised by authorize.
    h.app.bolt.event('app_mention', async ({ client, context, event }) => {
      seen.push({ team: context.teamId, botUserId: context.botUserId });
      await client.chat.postMessage({ channel: `D${(event.user ?? '').slice(1)}`, text: 'hi' });
    });
    for (const [view, user] of [[A(), SA], [B(), SB]] as const) {
      h.slack.channelOf(view.teamId, `D${user.slice(1)}`);
      await view.event({ type: 'app_mention', user, channel: 'C0GENERAL', text: 'hi', ts: '1.1' });
    }
    await h.slack.waitFor(() => h.slack.callsOf('chat.postMessage').filter((c) => c.args.text === 'hi').length === 2, 5000, 'two replies');
    const replies = h.slack.callsOf('chat.postMessage').filter((c) => c.args.text === 'hi');
    expect(replies.map((c) => [c.args.channel, c.token])).toEqual([
      [`D${SA.slice(1)}`, h.slack.tokensOf(TA)[0]],
      [`D${SB.slice(1)}`, h.slack.tokensOf(TB)[0]],
    ]);
    expect(seen).toEqual([
      { team: TA, botUserId: h.slack.teams.get(TA)!.botUserId },
      { team: TB, botUserId: h.slack.teams.get(TB)!.botUserId },
    ]);
    expect(h.slack.mismatches).toEqual([]);
  });

  it('keeps two workspaces apart: follow-ups, App Home, exports and schedules', async () => {
    const [tokenA] = h.slack.tokensOf(TA);
    await A().submitView(SA, await openModal(A(), SA, `goal <@${LA}>`), goalValues({ leader: LA, title: 'Alpha goal' }));
    await B().submitView(SB, await openModal(B(), SB, `goal <@${LB}>`), goalValues({ leader: LB, title: 'Beta goal' }));
    await settle(h);

    // Follow-ups and goals live in their own workspace only.
    const followUps = await h.prisma.followUp.findMany({ where: { workspaceId: { in: [TA, TB] } }, select: { workspaceId: true, leader: { select: { slackUserId: true } }, goals: { select: { title: true } } } });
    const byWorkspace = new Map(followUps.map((f) => [f.workspaceId, [f.leader.slackUserId, f.goals.map((g) => g.title)]]));
    expect(followUps).toHaveLength(2);
    expect(byWorkspace.get(TA)).toEqual([LA, ['Alpha goal']]);
    expect(byWorkspace.get(TB)).toEqual([LB, ['Beta goal']]);

    // App Home: A's senior leader sees A's leader and goal, published with A's token; B likewise.
    const homeA = await A().openHome(SA);
    expect(visibleText(homeA)).toContain('Alpha goal');
    expect(visibleText(homeA)).not.toContain('Beta goal');
    expect(JSON.stringify(homeA)).not.toContain(LB);
    expect(new Set(h.slack.callsOf('views.publish').filter((c) => c.args.user_id === SA).map((c) => c.token))).toEqual(new Set([tokenA]));
    const homeB = await B().openHome(SB);
    expect(visibleText(homeB)).toContain('Beta goal');
    expect(visibleText(homeB)).not.toContain('Alpha goal');

    // The same Slack user id in another workspace is another person: a B request naming A's leader finds nothing of A.
    const homeAsB = await B().openHome(SB);
    expect(JSON.stringify(homeAsB)).not.toContain(LA);

    // Export: A's leader gets A's data only, uploaded with A's token.
    const n = h.slack.responses.length;
    await A().command(LA, 'export');
    await h.slack.waitForResponse(n + 1);
    const complete = h.slack.callsOf('files.completeUploadExternal').at(-1)!;
    expect(complete.token).toBe(tokenA);
    const fileId = (JSON.parse(String(complete.args.files)) as { id: string }[])[0].id;
    const exported = h.slack.uploads.get(fileId) ?? '';
    expect(exported).toContain('Alpha goal');
    expect(exported).not.toContain('Beta goal');
    expect(exported).not.toContain(TB);

    // Schedules: each senior leader's upcoming reminders are their own workspace's.
    const remindersA = await h.prisma.reminder.findMany({ where: { workspaceId: TA }, select: { recipientId: true } });
    const remindersB = await h.prisma.reminder.findMany({ where: { workspaceId: TB }, select: { recipientId: true } });
    expect(remindersA.length).toBeGreaterThan(0);
    expect(remindersB.length).toBeGreaterThan(0);
    const peopleA = new Set((await h.prisma.person.findMany({ where: { workspaceId: TA }, select: { id: true } })).map((p) => p.id));
    expect(remindersA.every((r) => peopleA.has(r.recipientId))).toBe(true);
    expect(remindersB.some((r) => peopleA.has(r.recipientId))).toBe(false);
    const m = h.slack.responses.length;
    await A().command(SA, 'schedule');
    const scheduleA = await h.slack.waitForResponse(m + 1);
    expect(JSON.stringify(scheduleA)).not.toContain(LB);
    expect(JSON.stringify(scheduleA)).not.toContain(SB);

    // A request naming a team that never installed the app is refused: nothing is called.
    await settle(h);
    const before = h.slack.calls.length;
    const refused = await as(h, randomId('T')).command(SA, 'setup');
    expect(refused.status).toBe(200);
    await settle(h);
    expect(h.slack.calls.length).toBe(before);
    expect(h.slack.mismatches).toEqual([]);
  });

  it('the workers post each workspace’s reminders with that workspace’s token', async () => {
    const [tokenA] = h.slack.tokensOf(TA);
    const [tokenB] = h.slack.tokensOf(TB);
    await s.startWorkers({ workspaces: [TA, TB] });
    try {
      const delivered = (user: string) => h.slack.callsOf('chat.postMessage').filter((c) => c.args.channel === `D${user.slice(1)}` && (c.args.metadata as { event_type?: string } | undefined)?.event_type === 'followup_delivery');
      await h.slack.waitFor(() => delivered(LA).length > 0 && delivered(LB).length > 0, 60_000, 'the reflection prompts of both workspaces');
      expect(new Set(delivered(LA).map((c) => c.token))).toEqual(new Set([tokenA]));
      expect(new Set(delivered(LB).map((c) => c.token))).toEqual(new Set([tokenB]));
      expect(String(delivered(LB)[0].args.text)).toMatch(/[æøå]|refleksjon/i);
    } finally {
      await s.stopWorkers();
    }
    expect(h.slack.mismatches).toEqual([]);
  });

  it('stores no plaintext token in any column of any table', async () => {
    const secrets = h.slack.allIssuedSecrets();
    expect(secrets.length).toBeGreaterThanOrEqual(2);
    const stored = await everyStoredText(h);
    expect(stored.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(stored.filter((v) => v.includes(secret))).toEqual([]);
    expect(stored.filter((v) => /xox[abpe]-/.test(v))).toEqual([]);
  });

  it('uninstall and token revocation (any order, retried) delete the tokens; a reinstall works', async () => {
    const Bv = B();
    const uninstall = () => Bv.event({ type: 'app_uninstalled' });
    const revoked = () => Bv.event({ type: 'tokens_revoked', tokens: { bot: [h.slack.teams.get(TB)!.botUserId] } });
    expect((await revoked()).status).toBe(200);
    h.slack.revokeTokensOf(TB);
    expect((await uninstall()).status).toBe(200);
    expect((await uninstall()).status).toBe(200); // Slack's retry
    await settle(h);
    expect(await h.prisma.installation.count({ where: { id: TB } })).toBe(0);
    expect((await h.prisma.workspace.findUniqueOrThrow({ where: { id: TB } })).uninstalledAt).not.toBeNull();
    // Workspace A goes on as before.
    expect(await h.prisma.installation.count({ where: { id: TA } })).toBe(1);
    const opens = h.slack.callsOf('views.open').length;
    await A().command(SA, `goal <@${LA}>`);
    await h.slack.waitForCall('views.open', opens + 1);

    // B's requests are refused now; nothing is called with its revoked token.
    await settle(h);
    const before = h.slack.calls.length;
    await Bv.command(SB, 'setup');
    await settle(h);
    expect(h.slack.calls.slice(before)).toEqual([]);

    // Reinstall: a new token, the workspace in use again, its data still there.
    const again = await install(h, TB);
    expect(again.status).toBe(200);
    const newToken = h.slack.tokensOf(TB).at(-1)!;
    expect((await h.prisma.workspace.findUniqueOrThrow({ where: { id: TB } })).uninstalledAt).toBeNull();
    const homeB = await Bv.openHome(SB);
    expect(visibleText(homeB)).toContain('Beta goal');
    expect(h.slack.callsOf('views.publish').at(-1)!.token).toBe(newToken);
  });

  it('rotates the encryption key: every token re-encrypted with the new key, readable with it alone', async () => {
    const before = await h.prisma.installation.findMany({ where: { id: { in: [TA, TB] } }, orderBy: { id: 'asc' } });
    const first = await rotateTokenKeys(h.prisma, `${KEY2},${KEY1}`);
    expect(first.reencrypted).toBeGreaterThanOrEqual(2);
    // (Rows of other test files, under their own keys, are reported and left alone.)
    expect(first.unreadable).not.toContain(TA);
    const again = await rotateTokenKeys(h.prisma, `${KEY2},${KEY1}`);
    expect(again.reencrypted).toBe(0);
    const after = await h.prisma.installation.findMany({ where: { id: { in: [TA, TB] } }, orderBy: { id: 'asc' } });
    const newId = createTokenCipher(KEY2).currentKeyId;
    expect(after.map((r) => r.keyId)).toEqual([newId, newId]);
    expect(after.map((r) => r.encryptedBotToken)).not.toEqual(before.map((r) => r.encryptedBotToken));
    // The old key can go: the new one alone reads every token.
    const onlyNew = new InstallationRepository(h.prisma, createTokenCipher(KEY2));
    const a = await onlyNew.fetchInstallation({ teamId: TA, enterpriseId: undefined, isEnterpriseInstall: false });
    expect(a.bot?.token).toBe(h.slack.tokensOf(TA)[0]);
    const onlyOld = new InstallationRepository(h.prisma, createTokenCipher(KEY1));
    await expect(onlyOld.fetchInstallation({ teamId: TA, enterpriseId: undefined, isEnterpriseInstall: false })).rejects.toThrow(/no longer holds/);
  });
});

describe('OAuth: token rotation, Enterprise Grid, SLACK_BOT_TOKEN beside OAuth', () => {
  let h: Harness;
  let s: ScheduledHarness;
  const made: string[] = [];
  beforeAll(async () => {
    s = await ScheduledHarness.start({ clock: new ShiftedClock('2027-03-29T10:00:00+02:00'), oauth: { key: KEY1, botToken: true } });
    h = s.h;
  });
  afterAll(async () => {
    await h.prisma.installation.deleteMany({ where: { id: { in: made } } });
    await s.close();
  });

  it('refreshes an expiring rotating token before use, for requests and for workers', async () => {
    const TR = randomId('T');
    made.push(TR);
    h.slack.addTeam({ id: TR, name: 'Rotating' });
    // Slack issues rotating tokens for 12 hours; this one has 1 hour left (inside the 2-hour window).
    h.slack.rotatingTokenLifetime = 3600;
    expect((await install(h, TR, { rotation: true })).status).toBe(200);
    const [original] = h.slack.tokensOf(TR);
    expect(original).toMatch(/^xoxe\.xoxb-/);
    const row = await h.prisma.installation.findUniqueOrThrow({ where: { id: TR } });
    expect(row.encryptedRefreshToken).not.toBeNull();
    expect(row.botTokenExpiresAt).not.toBeNull();

    h.slack.rotatingTokenLifetime = 43_200;
    const user = as(h, TR).user('URSENIOR', { locale: 'en-GB' });
    const opens = h.slack.callsOf('views.open').length;
    await as(h, TR).command(user, 'setup');
    const open = await h.slack.waitForCall('views.open', opens + 1);
    const refreshes = h.slack.callsOf('oauth.v2.access').filter((c) => c.args.grant_type === 'refresh_token');
    expect(refreshes).toHaveLength(1);
    const refreshed = h.slack.tokensOf(TR).at(-1)!;
    expect(refreshed).not.toBe(original);
    expect(open.token).toBe(refreshed);
    // Stored (encrypted) for the next process, with its new expiry.
    const stored = await new InstallationRepository(h.prisma, createTokenCipher(KEY1)).fetchInstallation({ teamId: TR, enterpriseId: undefined, isEnterpriseInstall: false });
    expect(stored.bot?.token).toBe(refreshed);
    expect(stored.bot!.expiresAt! * 1000).toBeGreaterThan(Date.now() + 11 * 3600_000);

    // A worker's client of this workspace: the token expires (12 hours later) and is refreshed first.
    await new InstallationRepository(h.prisma, createTokenCipher(KEY1)).storeInstallation({ ...stored, bot: { ...stored.bot!, expiresAt: Math.floor(Date.now() / 1000) + 60 } });
    h.slack.expireToken(refreshed);
    h.app.access.clients.forget(TR);
    const client = await h.app.access.clients.forTeam(TR);
    const res = await client.users.info({ user: user });
    expect(res.ok).toBe(true);
    expect(h.slack.callsOf('users.info').at(-1)!.token).not.toBe(refreshed);
    expect(h.slack.callsOf('oauth.v2.access').filter((c) => c.args.grant_type === 'refresh_token')).toHaveLength(2);
  });

  it('SLACK_BOT_TOKEN beside OAuth is the installation of its own workspace', async () => {
    const own = h.user('UOWNER01', { locale: 'en-GB' });
    const opens = h.slack.callsOf('views.open').length;
    await h.command(own, 'setup');
    const open = await h.slack.waitForCall('views.open', opens + 1);
    expect(open.token).toBe(h.slack.token);
  });

  it('an org-wide Enterprise Grid install serves every workspace of the organisation with its token; a person in two of its workspaces is one person', async () => {
    const E = randomId('E');
    made.push(E);
    const T1 = randomId('T');
    const T2 = randomId('T');
    h.slack.addTeam({ id: T1, name: 'Grid Sales', enterpriseId: E, enterpriseName: 'Grid Org' });
    h.slack.addTeam({ id: T2, name: 'Grid Ops', enterpriseId: E, enterpriseName: 'Grid Org' });
    const done = await install(h, T1, { orgWide: true });
    expect(done.status).toBe(200);
    expect(done.html).toContain('Grid Org');
    const row = await h.prisma.installation.findUniqueOrThrow({ where: { id: E } });
    expect(row).toMatchObject({ isEnterpriseInstall: true, enterpriseId: E, teamId: null });
    const [orgToken] = h.slack.tokensOf(E);

    // One person, in two workspaces of the organisation (Grid user ids are the org's).
    const senior = randomId('W');
    const leader = randomId('W');
    const sales = as(h, T1, E);
    const ops = as(h, T2, E);
    sales.user(senior, { locale: 'en-GB' });
    sales.user(leader, { locale: 'en-GB' });
    for (const view of [sales, ops]) {
      const opens = h.slack.callsOf('views.open').length;
      await view.command(senior, 'goal');
      const open = await h.slack.waitForCall('views.open', opens + 1);
      expect(open.token).toBe(orgToken);
    }
    // Set up from one workspace, seen from the other: one person, one follow-up, kept under the enterprise.
    await setupFollowUp(sales, senior, leader, { channel: 'CGRIDTEAM' });
    await sales.submitView(senior, await openModal(sales, senior, `goal <@${leader}>`), goalValues({ leader, title: 'Grid goal' }));
    const home = await ops.openHome(senior);
    expect(visibleText(home)).toContain('Grid goal');
    expect(await h.prisma.person.count({ where: { slackUserId: senior } })).toBe(1);
    expect(await h.prisma.person.count({ where: { slackUserId: senior, workspaceId: E } })).toBe(1);
    expect(await h.prisma.followUp.count({ where: { workspaceId: E } })).toBe(1);
    expect(h.slack.callsOf('views.publish').at(-1)!.token).toBe(orgToken);
    // Each workspace is noted as part of the org; the workers find the org install from the workspace alone.
    for (const team of [T1, T2]) {
      expect((await h.prisma.workspace.findUniqueOrThrow({ where: { id: team } })).enterpriseId).toBe(E);
      h.app.access.clients.forget();
      const client = await h.app.access.clients.forTeam(team);
      await client.users.info({ user: senior });
      expect(h.slack.callsOf('users.info').at(-1)!.token).toBe(orgToken);
    }
    const client = await h.app.access.clients.forTeam(E);
    await client.conversations.open({ users: leader });
    expect(h.slack.callsOf('conversations.open').at(-1)!.token).toBe(orgToken);

    // A workspace of another organisation cannot ride on this install.
    const other = randomId('T');
    h.slack.addTeam({ id: other, name: 'Elsewhere', enterpriseId: randomId('E') });
    await settle(h);
    const before = h.slack.calls.length;
    await commandWithEnterprise(h, other, randomId('E'), 'UOTHER01', 'setup');
    await settle(h);
    expect(h.slack.calls.slice(before).filter((c) => c.method === 'views.open' || JSON.stringify(c.args).includes('UOTHER01'))).toEqual([]);
    expect(h.slack.mismatches).toEqual([]);
  });

  it('refuses a request that carries no team', async () => {
    await settle(h);
    const before = h.slack.calls.length;
    const res = await postSigned(
      `${h.baseUrl}/slack/events`,
      new URLSearchParams({ command: '/followup', text: 'setup', user_id: 'UNOTEAM1', response_url: h.newResponseUrl(), trigger_id: h.slack.issueTrigger('UNOTEAM1'), api_app_id: 'A0FAKE' }).toString(),
      'application/x-www-form-urlencoded',
    );
    expect(res.status).toBe(200);
    await settle(h);
    expect(h.slack.calls.length).toBe(before);
  });
});
