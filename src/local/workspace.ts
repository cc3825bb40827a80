import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import express, { type Express, type Request, type Response } from 'express';
import { DateTime } from 'luxon';
import type { Logger } from 'pino';
import { localeFromSlack, t, type Locale } from '../i18n';
import { dateFormatter } from '../i18n/dates';
import { SUBCOMMANDS, commandName } from '../slack/commandText';
import type { MovableClock } from '../time/clock';
import { signedHeaders } from './signing';
import { FakeSlack, dmChannelOf, type FakeUser, type SlackMessage, type StoredView } from './slackApi';

/**
 * The local trial workspace: a small Slack workspace in the browser that plays Slack toward the
 * real app. It owns the fake Slack (src/local/slackApi.ts, mounted on the app's own port), the cast
 * and the channels, and the page's JSON API (/local/*): what a person does on the page becomes the
 * request Slack would send, signed, to the app's real POST /slack/events.
 */

/** A person of the cast, as Slack's users.info describes them. */
export interface CastMember extends FakeUser {
  id: string;
  name: string;
  real_name: string;
  locale: string;
  tz: string;
  title: string;
  /** The senior leader of the trial (the page opens as them). */
  senior?: boolean;
}

export const CAST: readonly CastMember[] = [
  { id: 'ULOCALSENIOR', name: 'ingrid', real_name: 'Ingrid Berg', locale: 'nb-NO', tz: 'Europe/Oslo', title: 'Divisjonsdirektør', senior: true },
  { id: 'ULOCALLEAD1', name: 'ola', real_name: 'Ola Nordmann', locale: 'nb-NO', tz: 'Europe/Oslo', title: 'Avdelingsleder' },
  { id: 'ULOCALLEAD2', name: 'sam', real_name: 'Sam Taylor', locale: 'en-GB', tz: 'America/New_York', title: 'Team lead' },
  { id: 'ULOCALADMIN', name: 'kari', real_name: 'Kari Admin', locale: 'en-GB', tz: 'Europe/Oslo', title: 'Workspace admin', is_admin: true },
];

export const CHANNELS = [
  { id: 'CLOCALTEAM1', name: 'team-ola', members: ['ULOCALSENIOR', 'ULOCALLEAD1'] },
  // Kari (admin) is here too: she can play the senior leader of the English journey.
  { id: 'CLOCALTEAM2', name: 'team-sam', members: ['ULOCALSENIOR', 'ULOCALLEAD2', 'ULOCALADMIN'] },
  { id: 'CLOCALGEN', name: 'general', members: CAST.map((c) => c.id), botMember: false },
] as const;

/** The slash command the app registers (manifest.yml). */
export const COMMAND = '/followup';

export type ClockStep = 'hour' | 'day' | 'nextMonday08' | 'iso';

export interface LocalWorkspaceDeps {
  teamId: string;
  teamName: string;
  signingSecret: string;
  botToken: string;
  clock: MovableClock;
  logger: Logger;
  /** Moves the clock and runs what became due (src/local/timeTravel.ts). */
  advanceClock: (to: DateTime) => Promise<{ settled: boolean }>;
  /** Seeds the demo journey (src/local/demo.ts). */
  demo?: (locale: Locale) => Promise<void>;
  /** Empties the workspace's data and queues (the fake's own state is cleared here). */
  reset?: () => Promise<void>;
  /** Where the page's built files are (index.html, app.js, page.css). */
  pageDir?: string;
}

/** What the app answered a request (its ack). */
interface AppAnswer {
  status: number;
  body: string;
}

type Json = Record<string, unknown>;

export class LocalWorkspace {
  readonly slack: FakeSlack;
  private baseUrl = '';
  /** Per person and conversation: the ts of the newest message they have seen. */
  private readonly lastRead = new Map<string, string>();
  /** What was typed into a modal, by view id (the last action or submission's state). */
  private readonly viewState = new Map<string, { values: Record<string, Record<string, unknown>> }>();
  private localVersion = 0;
  /** Demo, reset and clock moves change the clock and the queues: one at a time, in order. */
  private serial: Promise<unknown> = Promise.resolve();
  private oneAtATime<T>(work: () => Promise<T>): Promise<T> {
    const run = this.serial.then(work);
    this.serial = run.catch(() => undefined);
    return run;
  }
  private readonly streams = new Set<() => void>();

  constructor(private readonly deps: LocalWorkspaceDeps) {
    this.slack = new FakeSlack({ token: deps.botToken, now: () => deps.clock.now().toMillis(), keepAliveMs: 5000 });
    this.slack.teamId = deps.teamId;
    this.slack.botUserId = 'ULOCALBOT';
    this.slack.botId = 'BLOCALBOT';
    this.seed();
    this.slack.onChange(() => this.changed());
  }

  /** The cast and channels, and a DM with the app for each person. */
  private seed(): void {
    for (const c of CAST) this.slack.addUser({ ...c, team_id: this.deps.teamId });
    for (const ch of CHANNELS) this.slack.addChannel({ ...ch, members: [...ch.members] });
    for (const c of CAST) this.slack.imWith(c.id);
  }

  get version(): number {
    return this.slack.version + this.localVersion;
  }

  private changed(): void {
    for (const s of [...this.streams]) s();
  }

  /** The app's own address (the fake's upload and response URLs point here). */
  listeningAt(baseUrl: string): void {
    this.baseUrl = baseUrl.replace(/\/$/, '');
    this.slack.mount(this.baseUrl);
  }

  /** Empties what the fake holds (after the app's data was erased). */
  clear(): void {
    this.slack.clearWorkspace();
    this.lastRead.clear();
    this.viewState.clear();
    for (const c of CAST) this.slack.imWith(c.id);
    this.bump();
  }

  private bump(): void {
    this.localVersion += 1;
    this.changed();
  }

  // ── Routes ─────────────────────────────────────────────────────────────────────────────────

  /** Mounts the fake Slack (/api, /respond, /upload), the page (/ and /local/page) and its API (/local/*). */
  mount(app: Express): void {
    app.use((req, res, next) => (FakeSlack.handles(req.path) ? this.slack.handler(req, res) : next()));
    const pageDir = this.deps.pageDir ?? path.resolve(process.cwd(), 'dist/local/page');
    app.get('/', (_req, res) => void this.sendPage(pageDir, res));
    app.use('/local/page', express.static(pageDir, { index: false, fallthrough: false }));
    const api = express.Router();
    api.use(express.json({ limit: '1mb' }));
    const route = (method: 'get' | 'post', p: string, handler: (req: Request, res: Response) => Promise<unknown>) =>
      api[method](p, (req, res) => {
        handler(req, res).catch((err: unknown) => {
          this.deps.logger.error({ err, path: p }, 'local workspace: request failed');
          if (!res.headersSent) res.status(500).json({ ok: false, error: 'internal_error' });
        });
      });
    route('get', '/state', async (req, res) => this.withPerson(req, res, String(req.query.as ?? ''), (as) => res.json(this.state(as))));
    route('get', '/stream', async (req, res) => this.withPerson(req, res, String(req.query.as ?? ''), () => this.stream(req, res)));
    route('post', '/command', async (req, res) => this.withPerson(req, res, req.body?.as, async (as) => res.json(await this.command(as, String(req.body.channel ?? ''), String(req.body.text ?? '')))));
    route('post', '/action', async (req, res) => this.withPerson(req, res, req.body?.as, async (as) => res.json(await this.action(as, req.body as Json))));
    route('post', '/submit', async (req, res) => this.withPerson(req, res, req.body?.as, async (as) => res.json(await this.submit(as, String(req.body.viewId ?? ''), req.body.state as Json))));
    route('post', '/close', async (req, res) => this.withPerson(req, res, req.body?.as, async (as) => res.json(await this.close(as, String(req.body.viewId ?? '')))));
    route('post', '/open', async (req, res) => this.withPerson(req, res, req.body?.as, async (as) => res.json(await this.open(as, String(req.body.channel ?? ''), req.body.tab === 'messages' ? 'messages' : 'home'))));
    route('post', '/clock', async (req, res) => this.withPerson(req, res, req.body?.as, async (as) => {
      const answer = await this.moveClock(as, req.body.step as ClockStep, req.body.to);
      res.status(answer.ok ? 200 : 400).json(answer);
    }));
    route('post', '/demo', async (req, res) => {
      if (!this.deps.demo) return res.status(404).json({ ok: false, error: 'not_available' });
      const locale: Locale = req.body?.locale === 'en' ? 'en' : 'nb';
      await this.oneAtATime(() => this.deps.demo!(locale));
      this.bump();
      return res.json({ ok: true });
    });
    route('post', '/reset', async (_req, res) => {
      await this.oneAtATime(async () => {
        if (this.deps.reset) await this.deps.reset();
        this.clear();
      });
      return res.json({ ok: true });
    });
    route('get', '/files/:id', async (req, res) => {
      const file = this.slack.files.get(String(req.params.id));
      if (!file || !file.completed) return res.status(404).json({ ok: false, error: 'file_not_found' });
      res.setHeader('content-type', file.mimetype);
      const name = file.name.replace(/[^\w.-]/g, '_');
      if (req.query.download === '1') res.setHeader('content-disposition', `attachment; filename="${name}"`);
      return res.end(file.bytes);
    });
    app.use('/local', api);
  }

  private async sendPage(pageDir: string, res: Response): Promise<void> {
    const index = path.join(pageDir, 'index.html');
    if (!fs.existsSync(index)) await this.buildPage(pageDir);
    if (!fs.existsSync(index)) {
      res.status(503).type('text/plain').send('The page is not built: run `npm run build`.');
      return;
    }
    res.type('html').send(fs.readFileSync(index, 'utf8'));
  }

  /** Dev and test runs (no `npm run build`): the page's own build script, once. */
  private building: Promise<void> | null = null;
  private buildPage(pageDir: string): Promise<void> {
    this.building ??= (async () => {
      const script = path.resolve(process.cwd(), 'scripts/build-page.js');
      if (!fs.existsSync(script)) return;
      try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { buildPage } = require(script) as { buildPage: (o: { outdir?: string }) => Promise<unknown> };
        await buildPage({ outdir: pageDir });
      } catch (err) {
        this.deps.logger.error({ err }, 'local workspace: the page could not be built');
      }
    })();
    return this.building;
  }

  private async withPerson(_req: Request, res: Response, as: unknown, then: (as: string) => unknown): Promise<void> {
    const id = typeof as === 'string' ? as : '';
    if (!CAST.some((c) => c.id === id)) {
      res.status(400).json({ ok: false, error: 'unknown_person' });
      return;
    }
    await then(id);
  }

  // ── What a person sees ─────────────────────────────────────────────────────────────────────

  private person(id: string): CastMember {
    return CAST.find((c) => c.id === id)!;
  }

  localeOf(id: string): Locale {
    return localeFromSlack(this.person(id).locale, 'en');
  }

  clockOf(as: string): { now: string; zone: string; label: string } {
    const p = this.person(as);
    const now = this.deps.clock.now().setZone(p.tz);
    const locale = this.localeOf(as);
    // "mandag 7. desember kl. 09.00" / "Monday 7 December 09:00" (Intl names the day and month).
    const dayName = now.setLocale(locale === 'nb' ? 'nb-NO' : 'en-GB').toLocaleString({ weekday: 'long', day: 'numeric', month: 'long' });
    const when = `${dayName} ${locale === 'nb' ? dateFormatter({ locale, zone: p.tz, now: null }).time(now) : now.toFormat('HH:mm')}`;
    const city = p.tz.split('/').pop()!.replace(/_/g, ' ');
    return { now: now.toISO()!, zone: p.tz, label: `${when} ${city}` };
  }

  state(as: string): Json {
    const slack = this.slack;
    const im = dmChannelOf(as);
    const readable = [...slack.conversations.values()].filter((c) => slack.canRead(as, c.id) && (!c.is_im || c.id === im));
    const messages: Record<string, Json[]> = {};
    const ephemerals: Record<string, Json[]> = {};
    const fileIds = new Set<string>();
    const seeFiles = (m: SlackMessage) => {
      for (const f of m.files ?? []) fileIds.add(f);
      collectSlackFiles(m.blocks, fileIds);
    };
    for (const c of readable) {
      messages[c.id] = slack.messagesIn(c.id).map((m) => (seeFiles(m), messageOut(m)));
      const mine = slack.ephemeralsFor(as, c.id);
      if (mine.length > 0) ephemerals[c.id] = mine.map((m) => (seeFiles(m), messageOut(m)));
    }
    const home = slack.homeOf(as);
    const modals = slack.modalStack(as);
    if (home) collectSlackFiles(home.view, fileIds);
    for (const m of modals) collectSlackFiles(m.view, fileIds);
    const files: Record<string, Json> = {};
    for (const id of fileIds) {
      const f = slack.files.get(id);
      if (f?.completed) files[id] = { name: f.name, title: f.title, mimetype: f.mimetype, url: `/local/files/${id}`, isImage: f.mimetype.startsWith('image/') };
    }
    const imMessages = messages[im] ?? [];
    const read = this.lastRead.get(`${as}/${im}`) ?? '';
    return {
      banner: { text_nb: t('nb', 'local.banner'), text_en: t('en', 'local.banner') },
      locale: this.localeOf(as),
      clock: this.clockOf(as),
      people: CAST.map((c) => ({ id: c.id, name: c.name, realName: c.real_name, locale: c.locale, tz: c.tz, isAdmin: c.is_admin ?? false, title: c.title })),
      me: as,
      team: { id: this.deps.teamId, name: this.deps.teamName },
      channels: readable.filter((c) => !c.is_im).map((c) => ({ id: c.id, name: c.name, isMember: c.members.has(as), isPrivate: c.is_private })),
      ims: [{ id: im, name: 'Follow-up', unread: imMessages.filter((m) => m.bot && compareTs(String(m.ts), read) > 0).length }],
      messages,
      ephemerals,
      home: home ? this.viewOut(home) : null,
      modals: modals.map((v) => this.viewOut(v)),
      files,
      commands: [
        {
          name: COMMAND,
          hint_nb: t('nb', 'help.intro'),
          hint_en: t('en', 'help.intro'),
          subcommands: SUBCOMMANDS.map((sub) => ({ en: commandName('en', sub), nb: commandName('nb', sub), help_en: t('en', `help.sub.${sub}`), help_nb: t('nb', `help.sub.${sub}`) })),
        },
      ],
      version: this.version,
    };
  }

  private viewOut(v: StoredView): Json {
    const state = this.viewState.get(v.id);
    return { ...v.view, id: v.id, hash: v.hash, ...(state ? { state } : {}) };
  }

  private stream(req: Request, res: Response): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.write(`event: change\ndata: ${JSON.stringify({ version: this.version })}\n\n`);
    let timer: NodeJS.Timeout | null = null;
    const push = () => {
      // Changes come in bursts (a modal and a message): one event per burst.
      timer ??= setTimeout(() => {
        timer = null;
        res.write(`event: change\ndata: ${JSON.stringify({ version: this.version })}\n\n`);
      }, 25);
    };
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    this.streams.add(push);
    req.on('close', () => {
      this.streams.delete(push);
      clearInterval(heartbeat);
      if (timer) clearTimeout(timer);
    });
  }

  /** Closes every open event stream (at shutdown). */
  closeStreams(): void {
    this.streams.clear();
  }

  // ── What a person does: the requests Slack would send ─────────────────────────────────────

  private async post(contentType: string, body: string): Promise<AppAnswer> {
    const res = await fetch(`${this.baseUrl}/slack/events`, { method: 'POST', headers: signedHeaders(body, this.deps.signingSecret, contentType), body });
    return { status: res.status, body: await res.text() };
  }

  private postForm(payload: Json): Promise<AppAnswer> {
    return this.post('application/x-www-form-urlencoded', new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
  }

  private userOf(as: string): Json {
    const p = this.person(as);
    return { id: as, username: p.name, name: p.name, team_id: this.deps.teamId };
  }

  private team(): Json {
    return { id: this.deps.teamId, domain: 'local-trial' };
  }

  private channelName(channel: string): string {
    const c = this.slack.conversations.get(channel);
    return !c ? channel : c.is_im ? 'directmessage' : c.name;
  }

  /** `/followup …` typed in a conversation. */
  async command(as: string, channel: string, text: string): Promise<Json> {
    const typed = text.trim();
    const [name] = typed.split(/\s+/);
    if (!name?.startsWith('/') || name.toLowerCase() !== COMMAND) return { ok: false, error: 'unknown_command' };
    const where = channel ? dmChannelOf(channel) : dmChannelOf(as);
    if (!this.slack.canRead(as, where)) return { ok: false, error: 'channel_not_found' };
    const params = new URLSearchParams({
      token: 'local',
      team_id: this.deps.teamId,
      team_domain: 'local-trial',
      channel_id: where,
      channel_name: this.channelName(where),
      user_id: as,
      user_name: this.person(as).name,
      command: COMMAND,
      text: typed.slice(name.length).trim(),
      api_app_id: this.slack.appId,
      is_enterprise_install: 'false',
      response_url: this.slack.issueResponseUrl({ channel: where, user: as }),
      trigger_id: this.slack.issueTrigger(as),
    });
    const answer = await this.post('application/x-www-form-urlencoded', params.toString());
    if (answer.status !== 200) return { ok: false, error: 'app_did_not_respond', status: answer.status };
    // A command acked with a message: Slack shows it to the person only.
    const body = parseJson(answer.body);
    if (body && (typeof body.text === 'string' || Array.isArray(body.blocks))) {
      await this.respondDirect(where, as, body);
    }
    return { ok: true };
  }

  /** An ack that carried a message (as a response_url post would). */
  private async respondDirect(channel: string, as: string, body: Json): Promise<void> {
    const url = this.slack.issueResponseUrl({ channel, user: as });
    await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  }

  /** A button, menu or select used in a message, the Home tab or a modal. */
  async action(as: string, body: Json): Promise<Json> {
    const where = body.where;
    const action = (body.action ?? {}) as Json;
    if (typeof action.action_id !== 'string') return { ok: false, error: 'invalid_action' };
    const act = { action_ts: (Date.now() / 1000).toFixed(6), block_id: '', ...action };
    const state = normaliseState(body.state);
    const payload: Json = {
      type: 'block_actions',
      user: this.userOf(as),
      api_app_id: this.slack.appId,
      token: 'local',
      team: this.team(),
      enterprise: null,
      is_enterprise_install: false,
      trigger_id: this.slack.issueTrigger(as),
      actions: [act],
    };
    if (where === 'message') {
      const channel = dmChannelOf(String(body.channel ?? ''));
      const ts = String(body.ts ?? '');
      const ephemeral = body.ephemeral === true;
      if (!this.slack.canRead(as, channel)) return { ok: false, error: 'channel_not_found' };
      const message = ephemeral ? this.slack.ephemeralsFor(as, channel).find((m) => m.ts === ts) : this.slack.messagesIn(channel).find((m) => m.ts === ts);
      if (!message) return { ok: false, error: 'message_not_found' };
      Object.assign(payload, {
        container: { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: ephemeral },
        channel: { id: channel, name: this.channelName(channel) },
        message: { type: 'message', ts, text: message.text, ...(message.blocks ? { blocks: message.blocks } : {}), ...(message.bot ? { bot_id: this.slack.botId, user: this.slack.botUserId } : { user: message.user }) },
        state: state ?? { values: {} },
        response_url: this.slack.issueResponseUrl({ channel, user: as, messageTs: ts, ephemeral }),
      });
    } else if (where === 'home' || where === 'modal') {
      const view = where === 'home' ? this.slack.homeOf(as) : this.slack.modalStack(as).find((v) => v.id === body.viewId);
      if (!view || (where === 'home' && body.viewId && body.viewId !== view.id)) return { ok: false, error: 'view_not_found' };
      if (state) this.viewState.set(view.id, state);
      Object.assign(payload, { container: { type: 'view', view_id: view.id }, view: this.slack.viewPayload(view, state ?? this.viewState.get(view.id) ?? { values: {} }) });
    } else return { ok: false, error: 'invalid_where' };
    const answer = await this.postForm(payload);
    if (answer.status !== 200) return { ok: false, error: 'app_did_not_respond', status: answer.status };
    return { ok: true };
  }

  /** A modal submitted: view_submission, then what the app's response_action asks for. */
  async submit(as: string, viewId: string, rawState: unknown): Promise<Json> {
    const stack = this.slack.modalStack(as);
    const view = stack.find((v) => v.id === viewId);
    if (!view) return { ok: false, error: 'view_not_found' };
    const state = normaliseState(rawState) ?? { values: {} };
    this.viewState.set(view.id, state);
    const answer = await this.postForm({
      type: 'view_submission',
      team: this.team(),
      user: this.userOf(as),
      api_app_id: this.slack.appId,
      token: 'local',
      trigger_id: this.slack.issueTrigger(as),
      view: this.slack.viewPayload(view, state),
      response_urls: [],
      is_enterprise_install: false,
      enterprise: null,
    });
    if (answer.status !== 200) return { ok: false, error: 'app_did_not_respond', status: answer.status };
    const body = parseJson(answer.body) ?? {};
    switch (body.response_action) {
      case 'errors':
        // The modal stays, with what was typed; the messages go under their blocks.
        this.bump();
        return { ok: true, errors: (body.errors ?? {}) as Json };
      case 'update': {
        this.slack.replaceView(view.id, (body.view ?? {}) as Json);
        return { ok: true };
      }
      case 'push': {
        const pushed = this.slack.pushView(as, (body.view ?? {}) as Json);
        return pushed ? { ok: true } : { ok: false, error: 'push_limit_reached' };
      }
      case 'clear':
        this.slack.clearStack(as);
        return { ok: true };
      default:
        this.viewState.delete(view.id);
        this.slack.closeView(as, view.id);
        return { ok: true };
    }
  }

  /** A modal closed with Cancel or ×: view_closed when the view asked for it. */
  async close(as: string, viewId: string): Promise<Json> {
    const stack = this.slack.modalStack(as);
    const view = stack.find((v) => v.id === viewId);
    if (!view) return { ok: false, error: 'view_not_found' };
    if (view.view.notify_on_close === true) {
      const answer = await this.postForm({
        type: 'view_closed',
        team: this.team(),
        user: this.userOf(as),
        api_app_id: this.slack.appId,
        token: 'local',
        view: this.slack.viewPayload(view, this.viewState.get(view.id) ?? { values: {} }),
        is_cleared: false,
        is_enterprise_install: false,
        enterprise: null,
      });
      if (answer.status !== 200) this.deps.logger.warn({ status: answer.status }, 'local workspace: view_closed not acknowledged');
    }
    this.viewState.delete(view.id);
    this.slack.closeView(as, view.id);
    return { ok: true };
  }

  /** The app's Home or Messages tab opened: app_home_opened, as Slack sends it. */
  async open(as: string, channel: string, tab: 'home' | 'messages'): Promise<Json> {
    const im = dmChannelOf(as);
    if (channel && dmChannelOf(channel) !== im && !this.slack.canRead(as, channel)) return { ok: false, error: 'channel_not_found' };
    // The Messages tab (or a channel) shows the messages: they are read. The Home tab does not.
    const seen = this.slack.messagesIn(channel || im).pop();
    if (seen && (tab === 'messages' || (channel && dmChannelOf(channel) !== im))) this.lastRead.set(`${as}/${dmChannelOf(channel || im)}`, seen.ts);
    if (channel && dmChannelOf(channel) !== im) {
      this.bump();
      return { ok: true };
    }
    const home = this.slack.homeOf(as);
    const now = this.deps.clock.now();
    const body = JSON.stringify({
      token: 'local',
      team_id: this.deps.teamId,
      api_app_id: this.slack.appId,
      event: { type: 'app_home_opened', user: as, channel: im, tab, ...(home && tab === 'home' ? { view: this.slack.viewPayload(home) } : {}), event_ts: (now.toMillis() / 1000).toFixed(6) },
      type: 'event_callback',
      event_id: `Ev${crypto.randomBytes(6).toString('hex').toUpperCase()}`,
      event_time: Math.floor(now.toSeconds()),
      authorizations: [{ enterprise_id: null, team_id: this.deps.teamId, user_id: this.slack.botUserId, is_bot: true, is_enterprise_install: false }],
      is_ext_shared_channel: false,
    });
    const answer = await this.post('application/json', body);
    this.bump();
    return answer.status === 200 ? { ok: true } : { ok: false, error: 'app_did_not_respond', status: answer.status };
  }

  /** The clock control: +1 hour, +1 day, next Monday 08:00 (in the person's zone), or an instant. */
  async moveClock(as: string, step: ClockStep, to: unknown): Promise<Json> {
    const zone = this.person(as).tz;
    const now = this.deps.clock.now().setZone(zone);
    let target: DateTime;
    if (step === 'hour') target = now.plus({ hours: 1 });
    else if (step === 'day') target = now.plus({ days: 1 });
    else if (step === 'nextMonday08') {
      const monday = now.startOf('day').plus({ days: ((8 - now.weekday) % 7) }).set({ hour: 8 });
      target = monday > now ? monday : monday.plus({ weeks: 1 });
    } else if (step === 'iso') {
      target = typeof to === 'string' ? DateTime.fromISO(to, { setZone: true, zone }) : DateTime.invalid('missing');
      if (!target.isValid) return { ok: false, error: 'invalid_time', clock: this.clockOf(as) };
      if (target < now) return { ok: false, error: 'clock_cannot_go_back', clock: this.clockOf(as) };
    } else return { ok: false, error: 'invalid_step', clock: this.clockOf(as) };
    const result = await this.oneAtATime(() => this.deps.advanceClock(target));
    this.bump();
    return { ok: true, settled: result.settled, clock: this.clockOf(as) };
  }
}

function messageOut(m: SlackMessage): Json {
  return {
    ts: m.ts,
    ...(m.user ? { user: m.user } : {}),
    ...(m.bot ? { bot: true } : {}),
    text: m.text,
    ...(m.blocks ? { blocks: m.blocks } : {}),
    ...(m.files?.length ? { files: m.files } : {}),
    ...(m.thread_ts ? { thread_ts: m.thread_ts } : {}),
    ...(m.edited ? { edited: true } : {}),
  };
}

/** Slack ts order ("1700000000.000012"): seconds, then the counter. */
function compareTs(a: string, b: string): number {
  if (!b) return 1;
  const [as, an] = a.split('.').map(Number);
  const [bs, bn] = b.split('.').map(Number);
  return as - bs || an - bn;
}

/** File ids an `image` block shows (slack_file: { id }). */
function collectSlackFiles(value: unknown, out: Set<string>): void {
  if (Array.isArray(value)) for (const v of value) collectSlackFiles(v, out);
  else if (value && typeof value === 'object') {
    const o = value as Json;
    const file = o.slack_file as { id?: unknown } | undefined;
    if (file && typeof file.id === 'string') out.add(file.id);
    for (const v of Object.values(o)) if (v && typeof v === 'object') collectSlackFiles(v, out);
  }
}

function parseJson(text: string): Json | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null;
  } catch {
    return null;
  }
}

/** The page's `{values}` (Slack's view.state shape), or null when absent or malformed. */
function normaliseState(raw: unknown): { values: Record<string, Record<string, unknown>> } | null {
  if (!raw || typeof raw !== 'object') return null;
  const values = (raw as Json).values;
  if (!values || typeof values !== 'object' || Array.isArray(values)) return null;
  return { values: values as Record<string, Record<string, unknown>> };
}
