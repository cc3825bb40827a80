import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The project's one fake Slack: a Web API that behaves like Slack's for the methods the app calls.
 * The tests run it on its own port (SLACK_API_URL = `${url}/api/`); the local workspace
 * (src/local/workspace.ts) mounts it on the app's own port. It records every call (method, token,
 * parsed arguments), keeps what Slack would keep (conversations and their messages, ephemeral
 * messages, modal stacks and Home tabs, uploaded files, trigger ids), answers with Slack's shapes
 * and errors, and can fail on demand (429 with Retry-After, 500, or a Slack error such as
 * channel_not_found). Posts to response_url (`${url}/respond/<id>`) are recorded and, when the
 * fake knows where the interaction came from, applied as Slack applies them.
 */
export interface RecordedCall {
  method: string;
  token: string | null;
  args: Record<string, unknown>;
  at: number;
  /** The HTTP status answered. */
  status: number;
  /** The message ts answered to chat.postMessage. */
  ts?: string;
}

export interface FakeUser {
  id: string;
  name?: string;
  real_name?: string;
  tz?: string;
  locale?: string;
  is_admin?: boolean;
  is_bot?: boolean;
  deleted?: boolean;
  team_id?: string;
  /** Profile title (shown under the name). */
  title?: string;
  /** Enterprise Grid: the user's place in the organisation, as users.info sends it. */
  enterprise_user?: { enterprise_id: string; enterprise_name?: string; is_admin?: boolean; is_owner?: boolean; teams: string[] };
}

/**
 * A channel as a test or the local workspace adds it (conversations.info / conversations.members).
 * A channel nobody added is an ordinary public channel of the workspace that the app and every user are in.
 */
export interface FakeChannel {
  id: string;
  name?: string;
  is_private?: boolean;
  is_archived?: boolean;
  /** Shared with another organisation (Slack Connect). */
  is_ext_shared?: boolean;
  is_pending_ext_shared?: boolean;
  /** The workspace it belongs to: a token of another workspace gets channel_not_found. */
  team_id?: string;
  /** The app's bot user is a member (default true; a private channel the app is not in is channel_not_found to it). */
  bot_member?: boolean;
  /** Same as bot_member (the local workspace's spelling). */
  botMember?: boolean;
  members?: string[];
}

/** A workspace (or a Grid organisation's workspace) with its own bot token, installed by OAuth. */
export interface FakeTeam {
  id: string;
  name: string;
  /** Grid: the organisation the workspace belongs to. */
  enterpriseId?: string;
  enterpriseName?: string;
  botUserId: string;
  botId: string;
}

/** A token the fake issued, and what it may touch. */
interface IssuedToken {
  /** The workspace; for an org-wide install, the enterprise id (every workspace of the org may be touched). */
  teamId: string | null;
  enterpriseId?: string;
  isEnterpriseInstall: boolean;
  botUserId: string;
  botId: string;
  /** Rotating tokens: expiry in ms since the epoch. */
  expiresAt?: number;
  revoked?: boolean;
}

/** A call whose token belongs to another workspace than the user or channel it touches. */
export interface TeamMismatch {
  method: string;
  tokenTeam: string | null;
  touched: string;
  touchedTeam: string;
}

type Fault = { status: 429; retryAfter: number } | { status: 500 } | { error: string };

interface FaultRule {
  method: string;
  fault: Fault;
  /** Remaining times this rule fires; Infinity for always. */
  times: number;
  /** Probability of firing for each call (1 = always). */
  rate: number;
  /** Only calls whose args match. */
  match?: (args: Record<string, unknown>) => boolean;
}

const JSON_FIELDS = new Set(['view', 'blocks', 'attachments', 'metadata', 'users']);

/** A message as Slack keeps it in a conversation (the app's own have `bot`). */
export interface SlackMessage {
  ts: string;
  user?: string;
  bot?: boolean;
  text: string;
  blocks?: unknown[];
  /** Ids of files shared with the message (files.completeUploadExternal with channel_id). */
  files?: string[];
  thread_ts?: string;
  edited?: boolean;
  metadata?: unknown;
}

/** An ephemeral message: shown to one person in one conversation ("Only visible to you"). */
export interface EphemeralMessage extends SlackMessage {
  channel: string;
  to: string;
}

/** A channel, private channel or DM (is_im, with the person the app talks to). */
export interface SlackConversation {
  id: string;
  name: string;
  is_private: boolean;
  is_im: boolean;
  /** A DM's other person. */
  user?: string;
  members: Set<string>;
  is_archived?: boolean;
  is_ext_shared?: boolean;
  is_pending_ext_shared?: boolean;
  /** The workspace it belongs to (a channel added for another workspace). */
  team?: string;
}

/** A modal or a Home tab as Slack keeps it: the app's view plus Slack's id and hash. */
export interface StoredView {
  id: string;
  hash: string;
  kind: 'modal' | 'home';
  user: string;
  external_id?: string;
  root_view_id: string;
  previous_view_id: string | null;
  view: Record<string, unknown>;
}

/** A file uploaded through files.getUploadURLExternal and completed. */
export interface StoredFile {
  id: string;
  name: string;
  title: string;
  mimetype: string;
  bytes: Buffer;
  alt_text?: string;
  completed: boolean;
}

/** Where an interaction came from, so that a post to its response_url lands where Slack puts it. */
export interface ResponseTarget {
  channel: string;
  user: string;
  /** The message the interaction was on (replace_original / delete_original). */
  messageTs?: string;
  /** True when that message was an ephemeral one. */
  ephemeral?: boolean;
}

/** trigger_id: valid once, for 3 s (Slack's rule). */
export const TRIGGER_LIFETIME_MS = 3000;
/** response_url: at most 5 uses within 30 minutes. */
const RESPONSE_URL_USES = 5;
const RESPONSE_URL_LIFETIME_MS = 30 * 60_000;
/** views.push: a stack holds at most 3 views. */
export const MODAL_STACK_LIMIT = 3;

const MIME_TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', ics: 'text/calendar', json: 'application/json', csv: 'text/csv', txt: 'text/plain', pdf: 'application/pdf' };

export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  readonly responses: { id: string; body: Record<string, unknown>; at: number }[] = [];
  /** Files uploaded through files.getUploadURLExternal's upload_url, by file id. */
  readonly uploads = new Map<string, string>();
  readonly users = new Map<string, FakeUser>();
  readonly token: string;
  private server: http.Server | null = null;
  private faults: FaultRule[] = [];
  private tsCounter = 0;
  private viewCounter = 0;
  private waiters: { check: () => boolean; resolve: () => void }[] = [];
  /** Random source for rate-based faults (seedable for repeatable tests). */
  random: () => number = Math.random;
  /** Artificial latency per call, in ms. */
  latencyMs = 0;
  /** Artificial latency of one method, in ms (e.g. a slow users.info). */
  readonly methodLatencyMs = new Map<string, number>();
  /** ws:// URL answered by apps.connections.open (Socket Mode), when a test runs FakeSocketMode. */
  socketModeUrl: string | null = null;
  /** App-level token accepted for apps.connections.open. */
  appToken = 'xapp-1-test-token';
  botUserId = 'UBOT0001';
  botId = 'BBOT0001';
  /** The workspace of the single-workspace `token` (auth.test's team_id). */
  teamId = 'T0FAKE';

  // ── OAuth (oauth.v2.access, oauth.v2.exchange) and several workspaces ──────────────────────
  /** The app's credentials that oauth.v2.access accepts. */
  clientId = '1111111111.2222222222';
  clientSecret = 'fake-client-secret';
  appId = 'A0FAKE';
  readonly teams = new Map<string, FakeTeam>();
  /** Tokens issued by OAuth, by token. */
  private readonly issued = new Map<string, IssuedToken>();
  private readonly codes = new Map<string, { team: FakeTeam; installer: string; orgWide: boolean; rotation: boolean; used: boolean }>();
  private readonly refreshTokens = new Map<string, string>();
  /** Which workspace each channel opened or joined belongs to (for the team check). */
  private readonly channelTeams = new Map<string, string>();
  /** Calls whose token did not belong to the workspace of the user or channel they touched. */
  readonly mismatches: TeamMismatch[] = [];
  /** Lifetime of rotating tokens, in seconds (Slack: 12 hours). */
  rotatingTokenLifetime = 43_200;
  private tokenCounter = 0;

  private readonly keepAliveMs: number;
  /** Slack's clock for message timestamps and trigger expiry (the local workspace's movable clock). */
  private readonly now: () => number;
  /** Set when mounted on another server (the local workspace): the base URL of its routes. */
  private mountedAt: string | null = null;

  // ── What Slack keeps ───────────────────────────────────────────────────────────────────────
  readonly conversations = new Map<string, SlackConversation>();
  private readonly messages = new Map<string, SlackMessage[]>();
  private ephemerals: EphemeralMessage[] = [];
  readonly views = new Map<string, StoredView>();
  private readonly stacks = new Map<string, string[]>();
  private readonly homes = new Map<string, string>();
  readonly files = new Map<string, StoredFile>();
  private readonly triggers = new Map<string, { user: string; issuedAt: number; used: boolean }>();
  private readonly responseTargets = new Map<string, { target: ResponseTarget; issuedAt: number; uses: number }>();
  private readonly changeListeners = new Set<() => void>();
  /** Rises on every change of what someone could see. */
  version = 0;
  /**
   * Only trigger ids the fake issued are accepted (once, within 3 s), as Slack does. The harness
   * issues them (issueTrigger); a test that sends its own may turn this off.
   */
  strictTriggers = true;

  /**
   * keepAliveMs: how long an idle connection stays open. Slack keeps connections alive; the tests'
   * default of 1 s makes Node's fetch (undici, which drops a connection whose keep-alive hint is
   * 1 s or less) open a new connection per call, which keeps test teardown quick. Benchmarks pass more.
   * now: the clock of message timestamps (ms since the epoch).
   */
  constructor(options: { token?: string; keepAliveMs?: number; now?: () => number } = {}) {
    this.token = options.token ?? 'xoxb-test-token';
    this.keepAliveMs = options.keepAliveMs ?? 1000;
    this.now = options.now ?? Date.now;
  }

  get url(): string {
    if (this.mountedAt) return this.mountedAt;
    const addr = this.server?.address() as AddressInfo | null;
    if (!addr) throw new Error('fake Slack is not started');
    return `http://127.0.0.1:${addr.port}`;
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.url}/respond/${id}`;
  }

  /** Serve the fake's routes (/api/*, /respond/*, /upload/*) from another server at `baseUrl`. */
  mount(baseUrl: string): void {
    this.mountedAt = baseUrl.replace(/\/$/, '');
  }

  /** True for the paths the fake answers (when mounted on another server). */
  static handles(path: string): boolean {
    return /^\/(api|respond|upload)\//.test(path);
  }

  /** The fake's request handler (for mounting: `if (FakeSlack.handles(req.path)) fake.handler(req, res)`). */
  handler = (req: http.IncomingMessage, res: http.ServerResponse): void => void this.handle(req, res);

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = this.keepAliveMs;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections?.();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  addUser(user: FakeUser): this {
    this.users.set(user.id, { tz: 'Europe/Oslo', locale: 'en-US', ...user });
    return this;
  }

  /** A workspace that can install the app by OAuth (Grid: give enterpriseId). */
  addTeam(team: Partial<FakeTeam> & { id: string }): FakeTeam {
    const t: FakeTeam = { name: `Workspace ${team.id}`, botUserId: `UB${team.id.slice(1)}`, botId: `BB${team.id.slice(1)}`, ...team };
    this.teams.set(t.id, t);
    return t;
  }

  /**
   * What Slack hands the browser after someone approved the install: a one-time code for
   * oauth.v2.access. `orgWide`: an Enterprise Grid org-wide install; `rotation`: the app has
   * token_rotation_enabled (the token expires and comes with a refresh token).
   */
  issueCode(teamId: string, opts: { installer?: string; orgWide?: boolean; rotation?: boolean } = {}): string {
    const team = this.teams.get(teamId);
    if (!team) throw new Error(`unknown fake team ${teamId}`);
    const code = `${Date.now()}.${Math.random().toString(36).slice(2)}.code`;
    this.codes.set(code, { team, installer: opts.installer ?? 'UINSTALLER', orgWide: opts.orgWide ?? false, rotation: opts.rotation ?? false, used: false });
    return code;
  }

  /** The tokens the fake gave out to a workspace (or an enterprise), newest last. */
  tokensOf(teamOrEnterpriseId: string): string[] {
    return [...this.issued.entries()].filter(([, t]) => t.teamId === teamOrEnterpriseId || (t.isEnterpriseInstall && t.enterpriseId === teamOrEnterpriseId)).map(([token]) => token);
  }

  /** Every token given out by OAuth and every refresh token (to look for them where they must not be). */
  allIssuedSecrets(): string[] {
    return [...this.issued.keys(), ...this.refreshTokens.keys()];
  }

  /** Slack revokes every token of a workspace (an uninstall). */
  revokeTokensOf(teamOrEnterpriseId: string): void {
    for (const token of this.tokensOf(teamOrEnterpriseId)) this.issued.get(token)!.revoked = true;
  }

  /** Makes a rotating token expire now (as if 12 hours had passed). */
  expireToken(token: string): void {
    const t = this.issued.get(token);
    if (t) t.expiresAt = Date.now() - 1000;
  }

  /** The workspace a token acts for (null for the single-workspace token or an unknown one). */
  teamOfToken(token: string | null): string | null {
    if (token === null) return null;
    if (token === this.token) return this.teamId;
    return this.issued.get(token)?.teamId ?? null;
  }

  private newToken(prefix: string): string {
    this.tokenCounter += 1;
    return `${prefix}-${this.tokenCounter}-${Math.random().toString(36).slice(2, 12)}`;
  }

  private issue(team: FakeTeam, orgWide: boolean, rotation: boolean): { access_token: string; refresh_token?: string; expires_in?: number } {
    const access = this.newToken(rotation ? 'xoxe.xoxb-1' : 'xoxb-1');
    this.issued.set(access, {
      teamId: orgWide ? null : team.id,
      enterpriseId: team.enterpriseId,
      isEnterpriseInstall: orgWide,
      botUserId: team.botUserId,
      botId: team.botId,
      expiresAt: rotation ? Date.now() + this.rotatingTokenLifetime * 1000 : undefined,
    });
    if (!rotation) return { access_token: access };
    const refresh = this.newToken('xoxe-1');
    this.refreshTokens.set(refresh, access);
    return { access_token: access, refresh_token: refresh, expires_in: this.rotatingTokenLifetime };
  }

  /** oauth.v2.access and oauth.v2.exchange, answered as Slack does (client credentials in the form). */
  private oauth(method: string, args: Record<string, unknown>): Record<string, unknown> {
    if (args.client_id !== this.clientId) return { ok: false, error: 'invalid_client_id' };
    if (args.client_secret !== this.clientSecret) return { ok: false, error: 'bad_client_secret' };
    if (method === 'oauth.v2.exchange') {
      // A long-lived token exchanged for a rotating one.
      const old = this.issued.get(String(args.token ?? ''));
      if (!old || old.revoked) return { ok: false, error: 'invalid_auth' };
      const team = [...this.teams.values()].find((t) => t.id === old.teamId || (old.isEnterpriseInstall && t.enterpriseId === old.enterpriseId))!;
      const tokens = this.issue(team, old.isEnterpriseInstall, true);
      return { ok: true, app_id: this.appId, token_type: 'bot', scope: 'commands,chat:write', bot_user_id: team.botUserId, ...tokens, team: old.isEnterpriseInstall ? null : { id: team.id, name: team.name }, enterprise: team.enterpriseId ? { id: team.enterpriseId, name: team.enterpriseName ?? team.enterpriseId } : null, is_enterprise_install: old.isEnterpriseInstall };
    }
    if (args.grant_type === 'refresh_token') {
      const previous = this.refreshTokens.get(String(args.refresh_token ?? ''));
      const old = previous ? this.issued.get(previous) : undefined;
      if (!old || old.revoked) return { ok: false, error: 'invalid_refresh_token' };
      const team = [...this.teams.values()].find((t) => t.id === old.teamId || (old.isEnterpriseInstall && t.enterpriseId === old.enterpriseId))!;
      const tokens = this.issue(team, old.isEnterpriseInstall, true);
      return { ok: true, app_id: this.appId, token_type: 'bot', scope: 'commands,chat:write', bot_user_id: team.botUserId, ...tokens, team: { id: team.id, name: team.name }, enterprise: team.enterpriseId ? { id: team.enterpriseId, name: team.enterpriseName ?? team.enterpriseId } : null, is_enterprise_install: old.isEnterpriseInstall };
    }
    const grant = this.codes.get(String(args.code ?? ''));
    if (!grant || grant.used) return { ok: false, error: 'invalid_code' };
    grant.used = true;
    const { team, orgWide, rotation } = grant;
    const tokens = this.issue(team, orgWide, rotation);
    return {
      ok: true,
      app_id: this.appId,
      authed_user: { id: grant.installer },
      scope: 'commands,chat:write,chat:write.public,users:read,im:write,channels:read,groups:read,files:write,channels:join,im:history,channels:history,groups:history',
      token_type: 'bot',
      ...tokens,
      bot_user_id: team.botUserId,
      team: orgWide ? null : { id: team.id, name: team.name },
      enterprise: team.enterpriseId ? { id: team.enterpriseId, name: team.enterpriseName ?? team.enterpriseId } : null,
      is_enterprise_install: orgWide,
    };
  }

  /** The workspace a call touches (by the user or channel it names), when the fake knows it. */
  private touched(method: string, args: Record<string, unknown>): { id: string; team: string } | null {
    const user = (['users.info', 'views.publish', 'chat.postEphemeral'].includes(method) ? args.user ?? args.user_id : method === 'conversations.open' ? String(args.users ?? '').split(',')[0] : undefined) as string | undefined;
    if (user) {
      const team = this.users.get(user)?.team_id;
      return team ? { id: user, team } : null;
    }
    const channel = (['chat.postMessage', 'chat.update', 'chat.delete', 'conversations.history', 'conversations.info', 'conversations.members', 'conversations.join'].includes(method) ? args.channel : undefined) as string | undefined;
    const team = channel ? this.channelTeams.get(channel) : undefined;
    return channel && team ? { id: channel, team } : null;
  }

  /** Fail the next `times` calls of `method` (or a fraction `rate` of them) with `fault`. */
  fail(method: string, fault: Fault, opts: { times?: number; rate?: number; match?: (args: Record<string, unknown>) => boolean } = {}): void {
    this.faults.push({ method, fault, times: opts.times ?? 1, rate: opts.rate ?? 1, match: opts.match });
  }

  clearFaults(): void {
    this.faults = [];
  }

  /** Forgets the recorded calls and responses (what tests assert on), and the faults. */
  reset(): void {
    this.calls.length = 0;
    this.deletedMessages.clear();
    this.responses.length = 0;
    this.faults = [];
  }

  /** Empties what the workspace holds (messages, ephemerals, views, files, triggers) but keeps its people and channels. */
  clearWorkspace(): void {
    this.reset();
    for (const list of this.messages.values()) list.length = 0;
    this.ephemerals = [];
    this.views.clear();
    this.stacks.clear();
    this.homes.clear();
    this.files.clear();
    this.uploads.clear();
    this.triggers.clear();
    this.responseTargets.clear();
    this.changed();
  }

  /** Messages deleted with chat.delete, as `channel/ts` (a DM as its D channel). */
  readonly deletedMessages = new Set<string>();

  /** True when the app's message at `ts` in `channel` (a user id means the DM with them) was deleted. */
  isDeleted(channel: string, ts: string): boolean {
    return this.deletedMessages.has(`${dmChannelOf(channel)}/${ts}`);
  }

  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method && c.status === 200);
  }

  /** Waits until `predicate` holds over the recorded calls (the ack comes before the work). */
  async waitFor(predicate: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
    if (predicate()) return;
    await new Promise<void>((resolve, reject) => {
      const waiter = { check: predicate, resolve: () => { clearTimeout(timer); resolve(); } };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; calls: ${this.calls.map((c) => c.method).join(', ')}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Waits for the n-th successful call of a method and returns it. */
  async waitForCall(method: string, n = 1, timeoutMs = 5000): Promise<RecordedCall> {
    await this.waitFor(() => this.callsOf(method).length >= n, timeoutMs, `${n} × ${method}`);
    return this.callsOf(method)[n - 1];
  }

  async waitForResponse(n = 1, timeoutMs = 5000): Promise<Record<string, unknown>> {
    await this.waitFor(() => this.responses.length >= n, timeoutMs, `${n} response_url post(s)`);
    return this.responses[n - 1].body;
  }

  private notify(): void {
    for (const w of [...this.waiters]) {
      if (w.check()) {
        this.waiters = this.waiters.filter((x) => x !== w);
        w.resolve();
      }
    }
  }

  // ── The workspace as a client sees it ──────────────────────────────────────────────────────

  /** Called after every change of what someone could see (the local workspace's live updates). */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  private changed(): void {
    this.version += 1;
    for (const l of [...this.changeListeners]) l();
  }

  /** A channel (public unless is_private) with its members (the bot is one when `botMember`). */
  addChannel(channel: FakeChannel): SlackConversation {
    const botMember = channel.bot_member ?? channel.botMember ?? true;
    const c: SlackConversation = {
      id: channel.id,
      name: channel.name ?? 'team',
      is_private: channel.is_private ?? false,
      is_im: false,
      members: new Set([...(channel.members ?? []), ...(botMember ? [this.botUserId] : [])]),
      is_archived: channel.is_archived ?? false,
      is_ext_shared: channel.is_ext_shared ?? false,
      is_pending_ext_shared: channel.is_pending_ext_shared ?? false,
      ...(channel.team_id ? { team: channel.team_id } : {}),
    };
    this.conversations.set(c.id, c);
    if (!this.messages.has(c.id)) this.messages.set(c.id, []);
    this.channelTeams.set(c.id, channel.team_id ?? this.teamId);
    return c;
  }

  /** conversations.info and conversations.members as Slack answers them (cursor pages of `limit`). */
  private channelAnswer(method: string, args: Record<string, unknown>, tokenTeam: string | null): Record<string, unknown> {
    const id = String(args.channel ?? '');
    const c = this.conversations.get(id);
    const visible = !c || ((c.members.has(this.botUserId) || !c.is_private) && (!c.team || !tokenTeam || c.team === tokenTeam));
    if (!visible) return { ok: false, error: 'channel_not_found' };
    if (method === 'conversations.info') {
      if (c) return { ok: true, channel: { ...this.conversationPayload(c), context_team_id: c.team ?? tokenTeam ?? this.teamId } };
      const isPrivate = id.startsWith('G');
      return {
        ok: true,
        channel: { id, name: 'team', is_channel: !isPrivate, is_group: isPrivate, is_im: false, is_private: isPrivate, is_archived: false, is_shared: false, is_ext_shared: false, is_pending_ext_shared: false, is_org_shared: false, is_member: true, context_team_id: tokenTeam ?? this.teamId },
      };
    }
    const all = c ? [...c.members] : [...this.users.keys()];
    const limit = Math.max(1, Math.min(999, Number(args.limit ?? 100)));
    const start = args.cursor ? Number(Buffer.from(String(args.cursor), 'base64').toString('utf8').replace(/^offset:/, '')) : 0;
    if (!Number.isInteger(start) || start < 0) return { ok: false, error: 'invalid_cursor' };
    const page = all.slice(start, start + limit);
    const next = start + limit < all.length ? Buffer.from(`offset:${start + limit}`).toString('base64') : '';
    return { ok: true, members: page, response_metadata: { next_cursor: next } };
  }

  /** The DM between the app and a person (created as Slack does on first use). */
  imWith(userId: string): SlackConversation {
    const id = dmChannelOf(userId);
    let c = this.conversations.get(id);
    if (!c) {
      c = { id, name: userId, is_private: true, is_im: true, user: userId, members: new Set([userId, this.botUserId]) };
      this.conversations.set(id, c);
      this.messages.set(id, []);
    }
    return c;
  }

  /** A conversation's messages, oldest first (deleted ones are gone). */
  messagesIn(channel: string): SlackMessage[] {
    return [...(this.messages.get(dmChannelOf(channel)) ?? [])];
  }

  /** The ephemeral messages a person was shown in a conversation, oldest first. */
  ephemeralsFor(userId: string, channel?: string): EphemeralMessage[] {
    return this.ephemerals.filter((e) => e.to === userId && (channel === undefined || e.channel === dmChannelOf(channel)));
  }

  /** A person's open modals, bottom first. */
  modalStack(userId: string): StoredView[] {
    return (this.stacks.get(userId) ?? []).map((id) => this.views.get(id)!).filter(Boolean);
  }

  /** The Home tab the app published for a person. */
  homeOf(userId: string): StoredView | null {
    const id = this.homes.get(userId);
    return id ? this.views.get(id) ?? null : null;
  }

  /** A trigger_id for an interaction of `userId`: usable once, for 3 s. */
  issueTrigger(userId: string): string {
    const id = `${Math.floor(Date.now() / 1000)}.${Math.floor(Math.random() * 1e10)}.${crypto.randomBytes(8).toString('hex')}`;
    this.triggers.set(id, { user: userId, issuedAt: Date.now(), used: false });
    return id;
  }

  /** A response_url for an interaction that came from `target` (its posts land where Slack puts them). */
  issueResponseUrl(target: ResponseTarget): string {
    const id = `r${crypto.randomBytes(10).toString('hex')}`;
    this.responseTargets.set(id, { target: { ...target, channel: dmChannelOf(target.channel) }, issuedAt: Date.now(), uses: 0 });
    return this.responseUrl(id);
  }

  /** The view a person submitted or closed leaves the stack (no response_action): the one below shows again. */
  closeView(userId: string, viewId: string): void {
    const stack = this.stacks.get(userId) ?? [];
    const at = stack.indexOf(viewId);
    if (at < 0) return;
    for (const id of stack.splice(at)) this.views.delete(id);
    this.changed();
  }

  /** response_action clear: every view of the stack closes. */
  clearStack(userId: string): void {
    for (const id of this.stacks.get(userId) ?? []) this.views.delete(id);
    this.stacks.delete(userId);
    this.changed();
  }

  /** response_action update: the submitted view is replaced in place (same id, new hash). */
  replaceView(viewId: string, view: Record<string, unknown>): StoredView | null {
    const stored = this.views.get(viewId);
    if (!stored) return null;
    stored.view = view;
    stored.hash = this.newHash();
    this.changed();
    return stored;
  }

  /** response_action push: a new view on top of the stack (Slack refuses a fourth). */
  pushView(userId: string, view: Record<string, unknown>): StoredView | null {
    const stack = this.stacks.get(userId) ?? [];
    if (stack.length === 0 || stack.length >= MODAL_STACK_LIMIT) return null;
    const stored = this.storeView('modal', userId, view, this.views.get(stack[0])!.root_view_id, stack[stack.length - 1]);
    stack.push(stored.id);
    this.changed();
    return stored;
  }

  /** What Slack sends the app of a stored view (in view_submission, block_actions, views.* answers). */
  viewPayload(stored: StoredView, state: { values: Record<string, Record<string, unknown>> } = { values: {} }): Record<string, unknown> {
    return {
      ...stored.view,
      id: stored.id,
      team_id: this.teamId,
      state,
      hash: stored.hash,
      ...(stored.external_id ? { external_id: stored.external_id } : {}),
      root_view_id: stored.root_view_id,
      previous_view_id: stored.previous_view_id,
      app_id: this.appId,
      bot_id: this.botId,
    };
  }

  /** A person's own message in a conversation (what they typed). */
  postAs(userId: string, channel: string, text: string): SlackMessage {
    const m: SlackMessage = { ts: this.nextTs(), user: userId, text };
    this.append(channel, m);
    return m;
  }

  /** Who may read a conversation: its members; a public channel's messages anyone. */
  canRead(userId: string, channel: string): boolean {
    const c = this.conversations.get(dmChannelOf(channel));
    if (!c) return false;
    if (c.is_im) return c.user === userId;
    return !c.is_private || c.members.has(userId);
  }

  private newHash(): string {
    this.viewCounter += 1;
    return `${Math.floor(this.now() / 1000)}.${this.viewCounter}${crypto.randomBytes(3).toString('hex')}`;
  }

  private storeView(kind: 'modal' | 'home', userId: string, view: Record<string, unknown>, rootId?: string, previous: string | null = null): StoredView {
    this.viewCounter += 1;
    const id = `V${String(this.viewCounter).padStart(4, '0')}${crypto.randomBytes(3).toString('hex').toUpperCase()}`;
    const externalId = typeof view.external_id === 'string' && view.external_id !== '' ? view.external_id : undefined;
    const stored: StoredView = { id, hash: this.newHash(), kind, user: userId, external_id: externalId, root_view_id: rootId ?? id, previous_view_id: previous, view: { ...view } };
    this.views.set(id, stored);
    return stored;
  }

  private append(channel: string, message: SlackMessage): void {
    const id = dmChannelOf(channel);
    if (/^D/.test(id) && !this.conversations.has(id)) this.imWith(`U${id.slice(1)}`);
    let list = this.messages.get(id);
    if (!list) {
      list = [];
      this.messages.set(id, list);
    }
    list.push(message);
    this.changed();
  }

  private findMessage(channel: string, ts: string): SlackMessage | undefined {
    return this.messages.get(dmChannelOf(channel))?.find((m) => m.ts === ts);
  }

  private async readBody(req: http.IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  private parseArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
    if (!raw) return {};
    if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
    const params = new URLSearchParams(raw);
    const out: Record<string, unknown> = {};
    for (const [k, v] of params) {
      if (JSON_FIELDS.has(k)) {
        try {
          out[k] = JSON.parse(v);
          continue;
        } catch {
          /* keep as string */
        }
      }
      out[k] = v;
    }
    return out;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const bytes = await this.readBody(req);
    const raw = bytes.toString('utf8');
    const url = req.url ?? '/';
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
    if (url.startsWith('/respond/')) {
      const id = url.slice('/respond/'.length);
      let body: Record<string, unknown>;
      try {
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      } catch {
        res.writeHead(400, { 'content-type': 'text/plain' }).end('invalid_payload');
        return;
      }
      const known = this.responseTargets.get(id);
      if (known) {
        if (known.uses >= RESPONSE_URL_USES || Date.now() - known.issuedAt > RESPONSE_URL_LIFETIME_MS) {
          res.writeHead(404, { 'content-type': 'text/plain' }).end(known.uses >= RESPONSE_URL_USES ? 'used_url' : 'expired_url');
          return;
        }
        known.uses += 1;
        this.respond(known.target, body);
      }
      this.responses.push({ id, body, at: Date.now() });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      this.notify();
      return;
    }
    if (url.startsWith('/upload/')) {
      const id = url.slice('/upload/'.length);
      const content = fileContent(bytes, req.headers['content-type']);
      this.uploads.set(id, content.toString('utf8'));
      const pending = this.files.get(id);
      if (pending) pending.bytes = content;
      res.writeHead(200, { 'content-type': 'text/plain' }).end('OK');
      this.notify();
      return;
    }
    const method = url.replace(/^\/api\//, '').split('?')[0];
    const slow = this.methodLatencyMs.get(method);
    if (slow) await new Promise((r) => setTimeout(r, slow));
    const args = this.parseArgs(raw, req.headers['content-type']);
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : typeof args.token === 'string' ? args.token : null;
    const call: RecordedCall = { method, token, args, at: Date.now(), status: 200 };
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      call.status = status;
      this.calls.push(call);
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
      this.notify();
    };
    if (method === 'apps.connections.open') {
      if (token !== this.appToken || !this.socketModeUrl) return send(200, { ok: false, error: 'invalid_auth' });
      return send(200, { ok: true, url: this.socketModeUrl });
    }
    if (method === 'oauth.v2.access' || method === 'oauth.v2.exchange') return send(200, this.oauth(method, args));
    const issued = token ? this.issued.get(token) : undefined;
    if (token !== this.token && !issued) return send(200, { ok: false, error: token ? 'invalid_auth' : 'not_authed' });
    if (issued?.revoked) return send(200, { ok: false, error: 'token_revoked' });
    if (issued?.expiresAt !== undefined && issued.expiresAt <= Date.now()) return send(200, { ok: false, error: 'token_expired' });
    if (issued) {
      // Each call must carry the token of the workspace it touches (an org-wide token: any workspace of its org).
      const touched = this.touched(method, args);
      const fits = (team: string) => (issued.isEnterpriseInstall ? this.teams.get(team)?.enterpriseId === issued.enterpriseId : issued.teamId === team);
      if (touched && !fits(touched.team)) {
        this.mismatches.push({ method, tokenTeam: issued.teamId ?? issued.enterpriseId ?? null, touched: touched.id, touchedTeam: touched.team });
        return send(200, { ok: false, error: touched.id.startsWith('U') || touched.id.startsWith('W') ? 'user_not_found' : 'channel_not_found' });
      }
    }
    const rule = this.faults.find((f) => (f.method === method || f.method === '*') && f.times > 0 && (!f.match || f.match(args)));
    if (rule && this.random() < rule.rate) {
      rule.times -= 1;
      const fault = rule.fault;
      if ('error' in fault) return send(200, { ok: false, error: fault.error });
      if (fault.status === 429) return send(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(fault.retryAfter) });
      return send(500, { ok: false, error: 'internal_error' });
    }
    const answer = method === 'conversations.info' || method === 'conversations.members' ? this.channelAnswer(method, args, issued?.teamId ?? (issued ? null : this.teamId)) : this.answer(method, args, call);
    if (issued && method === 'auth.test') {
      const team = issued.teamId ? this.teams.get(issued.teamId) : [...this.teams.values()].find((t) => t.enterpriseId === issued.enterpriseId);
      Object.assign(answer, { team_id: issued.teamId ?? '', team: team?.name ?? '', user_id: issued.botUserId, bot_id: issued.botId, is_enterprise_install: issued.isEnterpriseInstall, ...(issued.enterpriseId ? { enterprise_id: issued.enterpriseId } : {}) });
    }
    const opened = method === 'conversations.open' ? (answer.channel as { id?: string } | undefined)?.id : undefined;
    const tokenTeam = issued?.teamId ?? (issued ? null : this.teamId);
    if (opened && answer.ok && tokenTeam) this.channelTeams.set(opened, tokenTeam);
    send(200, answer);
  }

  /** Marks a channel as one of a workspace's (for the check that calls carry that workspace's token). */
  channelOf(teamId: string, channelId: string): void {
    this.channelTeams.set(channelId, teamId);
  }

  /** A message ts as Slack makes them: seconds of Slack's clock, then a counter that keeps them unique and rising. */
  private nextTs(): string {
    this.tsCounter += 1;
    return `${Math.floor(this.now() / 1000)}.${String(this.tsCounter % 1_000_000).padStart(6, '0')}`;
  }

  /** A post to a response_url, applied as Slack applies it. */
  private respond(target: ResponseTarget, body: Record<string, unknown>): void {
    const text = typeof body.text === 'string' ? body.text : '';
    const blocks = Array.isArray(body.blocks) ? body.blocks : undefined;
    const truthy = (v: unknown) => v === true || v === 'true';
    if (target.messageTs && truthy(body.delete_original)) {
      if (target.ephemeral) this.ephemerals = this.ephemerals.filter((e) => !(e.ts === target.messageTs && e.to === target.user));
      else {
        const list = this.messages.get(target.channel);
        if (list) this.messages.set(target.channel, list.filter((m) => m.ts !== target.messageTs));
      }
      this.changed();
      return;
    }
    if (target.messageTs && truthy(body.replace_original)) {
      const original = target.ephemeral ? this.ephemerals.find((e) => e.ts === target.messageTs && e.to === target.user) : this.findMessage(target.channel, target.messageTs);
      if (original) {
        original.text = text;
        original.blocks = blocks;
        this.changed();
        return;
      }
    }
    if (body.response_type === 'in_channel') this.append(target.channel, { ts: this.nextTs(), bot: true, user: this.botUserId, text, ...(blocks ? { blocks } : {}) });
    else {
      this.ephemerals.push({ channel: target.channel, to: target.user, ts: this.nextTs(), bot: true, user: this.botUserId, text, ...(blocks ? { blocks } : {}) });
      this.changed();
    }
  }

  /** trigger_id check: issued by the fake, unused, at most 3 s old. */
  private exchangeTrigger(triggerId: unknown): { error: string } | { user: string | null } {
    const known = this.triggers.get(String(triggerId ?? ''));
    if (!known) return this.strictTriggers || !triggerId ? { error: 'invalid_trigger_id' } : { user: null };
    if (known.used) return { error: 'exchanged_trigger_id' };
    if (Date.now() - known.issuedAt > TRIGGER_LIFETIME_MS) return { error: 'expired_trigger_id' };
    known.used = true;
    return { user: known.user };
  }

  private findView(args: Record<string, unknown>): StoredView | undefined {
    if (typeof args.view_id === 'string' && args.view_id) return this.views.get(args.view_id);
    if (typeof args.external_id === 'string' && args.external_id) return [...this.views.values()].find((v) => v.external_id === args.external_id);
    return undefined;
  }

  private answer(method: string, args: Record<string, unknown>, call?: RecordedCall): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://fake.slack.com/', team: 'Fake', user: 'followup', team_id: this.teamId, user_id: this.botUserId, bot_id: this.botId };
      case 'users.info': {
        const id = String(args.user ?? '');
        const u = this.users.get(id);
        if (!u) return { ok: false, error: 'user_not_found' };
        return { ok: true, user: this.userPayload(u, args.include_locale === 'true' || args.include_locale === true) };
      }
      case 'users.list':
        return { ok: true, members: [...this.users.values()].map((u) => this.userPayload(u, args.include_locale === 'true' || args.include_locale === true)), response_metadata: { next_cursor: '' } };
      case 'conversations.open': {
        const users = String(args.users ?? '');
        const first = users.split(',')[0];
        const im = this.imWith(first);
        return { ok: true, channel: { id: im.id } };
      }
      case 'conversations.join': {
        const c = this.conversations.get(String(args.channel ?? ''));
        if (c) {
          if (c.is_private) return { ok: false, error: 'method_not_supported_for_channel_type' };
          c.members.add(this.botUserId);
          this.changed();
          return { ok: true, channel: this.conversationPayload(c) };
        }
        return { ok: true, channel: { id: args.channel } };
      }
      case 'conversations.history': {
        // Messages of the channel (newest first), with their metadata when asked.
        const channel = String(args.channel ?? '');
        const withMeta = args.include_all_metadata === 'true' || args.include_all_metadata === true;
        const messages = this.messagesIn(channel)
          .reverse()
          .map((m) => ({ type: 'message', ts: m.ts, text: m.text, ...(m.user ? { user: m.user } : {}), ...(m.bot ? { bot_id: this.botId } : {}), ...(withMeta && m.metadata ? { metadata: m.metadata } : {}) }));
        return { ok: true, messages, has_more: false };
      }
      case 'conversations.list': {
        const channels = [...this.conversations.values()].filter((c) => !c.is_im).map((c) => this.conversationPayload(c));
        return { ok: true, channels, response_metadata: { next_cursor: '' } };
      }
      case 'chat.postMessage': {
        const ts = this.nextTs();
        if (call) call.ts = ts;
        const text = typeof args.text === 'string' ? args.text : '';
        const blocks = Array.isArray(args.blocks) ? args.blocks : undefined;
        const channel = dmChannelOf(String(args.channel ?? ''));
        const message: SlackMessage = { ts, bot: true, user: this.botUserId, text, ...(blocks ? { blocks } : {}), ...(args.thread_ts ? { thread_ts: String(args.thread_ts) } : {}), ...(args.metadata ? { metadata: args.metadata } : {}) };
        this.append(channel, message);
        // Like Slack: a post to a user id lands in (and answers with) the DM channel with them.
        return { ok: true, channel, ts, message: { type: 'message', text, ts, bot_id: this.botId, user: this.botUserId, ...(blocks ? { blocks } : {}) } };
      }
      case 'chat.postEphemeral': {
        const ts = this.nextTs();
        if (call) call.ts = ts;
        const to = String(args.user ?? '');
        const blocks = Array.isArray(args.blocks) ? args.blocks : undefined;
        this.ephemerals.push({ channel: dmChannelOf(String(args.channel ?? '')), to, ts, bot: true, user: this.botUserId, text: typeof args.text === 'string' ? args.text : '', ...(blocks ? { blocks } : {}) });
        this.changed();
        return { ok: true, message_ts: ts, channel: args.channel, ts, message: { text: args.text } };
      }
      case 'chat.update': {
        const message = this.findMessage(String(args.channel ?? ''), String(args.ts ?? ''));
        if (message) {
          if (typeof args.text === 'string') message.text = args.text;
          if (Array.isArray(args.blocks)) message.blocks = args.blocks;
          message.edited = true;
          this.changed();
        }
        return { ok: true, channel: args.channel, ts: args.ts, text: args.text };
      }
      case 'chat.delete': {
        // Like Slack: the app's own message is deleted once; an unknown or deleted one is message_not_found.
        const channel = String(args.channel ?? '');
        const ts = String(args.ts ?? '');
        const list = this.messages.get(dmChannelOf(channel)) ?? [];
        const at = list.findIndex((m) => m.ts === ts && m.bot);
        const key = `${dmChannelOf(channel)}/${ts}`;
        if (at < 0 || this.deletedMessages.has(key)) return { ok: false, error: 'message_not_found' };
        list.splice(at, 1);
        this.deletedMessages.add(key);
        this.changed();
        return { ok: true, channel, ts };
      }
      case 'files.getUploadURLExternal': {
        const filename = String(args.filename ?? '');
        const length = Number(args.length);
        if (!filename) return { ok: false, error: 'invalid_arguments' };
        if (!Number.isFinite(length) || length <= 0) return { ok: false, error: 'invalid_arguments' };
        this.viewCounter += 1;
        const fileId = `F${String(this.viewCounter).padStart(4, '0')}${crypto.randomBytes(3).toString('hex').toUpperCase()}`;
        const ext = filename.split('.').pop()?.toLowerCase() ?? '';
        this.files.set(fileId, { id: fileId, name: filename, title: filename, mimetype: MIME_TYPES[ext] ?? 'application/octet-stream', bytes: Buffer.alloc(0), ...(args.alt_text ? { alt_text: String(args.alt_text) } : {}), completed: false });
        return { ok: true, file_id: fileId, upload_url: `${this.url}/upload/${fileId}` };
      }
      case 'files.completeUploadExternal': {
        const list = (typeof args.files === 'string' ? JSON.parse(args.files) : args.files ?? []) as { id: string; title?: string }[];
        const unknown = list.find((f) => !this.files.has(f.id));
        if (unknown && this.files.size > 0) return { ok: false, error: 'file_not_found' };
        for (const f of list) {
          const stored = this.files.get(f.id);
          if (stored) {
            stored.completed = true;
            if (f.title) stored.title = f.title;
          }
        }
        const channel = typeof args.channel_id === 'string' && args.channel_id ? args.channel_id : typeof args.channels === 'string' && args.channels ? args.channels.split(',')[0] : null;
        if (channel) this.append(channel, { ts: this.nextTs(), bot: true, user: this.botUserId, text: typeof args.initial_comment === 'string' ? args.initial_comment : '', files: list.map((f) => f.id), ...(args.thread_ts ? { thread_ts: String(args.thread_ts) } : {}) });
        return { ok: true, files: list.map((f) => ({ id: f.id, title: f.title ?? this.files.get(f.id)?.title })) };
      }
      case 'views.open': {
        const trigger = this.exchangeTrigger(args.trigger_id ?? args.interactivity_pointer);
        if ('error' in trigger) return { ok: false, error: trigger.error };
        const view = (args.view ?? {}) as Record<string, unknown>;
        const user = trigger.user ?? String(args.user_id ?? 'UNKNOWN');
        if (typeof view.external_id === 'string' && view.external_id && [...this.views.values()].some((v) => v.external_id === view.external_id)) return { ok: false, error: 'duplicate_external_id' };
        for (const id of this.stacks.get(user) ?? []) this.views.delete(id);
        const stored = this.storeView('modal', user, view);
        this.stacks.set(user, [stored.id]);
        this.changed();
        return { ok: true, view: this.viewPayload(stored) };
      }
      case 'views.push': {
        const trigger = this.exchangeTrigger(args.trigger_id ?? args.interactivity_pointer);
        if ('error' in trigger) return { ok: false, error: trigger.error };
        const view = (args.view ?? {}) as Record<string, unknown>;
        const user = trigger.user ?? String(args.user_id ?? 'UNKNOWN');
        const stack = this.stacks.get(user) ?? [];
        if (stack.length >= MODAL_STACK_LIMIT) return { ok: false, error: 'push_limit_reached' };
        const below = stack.length > 0 ? this.views.get(stack[stack.length - 1]) : undefined;
        const stored = this.storeView('modal', user, view, below?.root_view_id, below?.id ?? null);
        stack.push(stored.id);
        this.stacks.set(user, stack);
        this.changed();
        return { ok: true, view: this.viewPayload(stored) };
      }
      case 'views.update': {
        const stored = this.findView(args);
        const view = (args.view ?? {}) as Record<string, unknown>;
        if (!stored) {
          // A view the fake never opened (a test that submits a view of its own making): answered as before.
          if (!this.strictTriggers && typeof args.view_id === 'string') return { ok: true, view: { ...view, id: args.view_id, hash: this.newHash() } };
          return { ok: false, error: 'not_found' };
        }
        if (typeof args.hash === 'string' && args.hash && args.hash !== stored.hash) return { ok: false, error: 'hash_conflict' };
        stored.view = { ...view };
        stored.hash = this.newHash();
        this.changed();
        return { ok: true, view: this.viewPayload(stored) };
      }
      case 'views.publish': {
        const user = String(args.user_id ?? '');
        if (!user) return { ok: false, error: 'invalid_arguments' };
        if (this.users.size > 0 && !this.users.has(user)) return { ok: false, error: 'user_not_found' };
        const view = (args.view ?? {}) as Record<string, unknown>;
        const current = this.homeOf(user);
        if (current && typeof args.hash === 'string' && args.hash && args.hash !== current.hash) return { ok: false, error: 'hash_conflict' };
        let stored: StoredView;
        if (current) {
          current.view = { ...view };
          current.hash = this.newHash();
          stored = current;
        } else {
          stored = this.storeView('home', user, view);
          this.homes.set(user, stored.id);
        }
        this.changed();
        return { ok: true, view: this.viewPayload(stored) };
      }
      default:
        return { ok: true };
    }
  }

  private userPayload(u: FakeUser, withLocale: boolean): Record<string, unknown> {
    const name = u.name ?? u.id.toLowerCase();
    const realName = u.real_name ?? u.name ?? u.id;
    return {
      id: u.id,
      team_id: u.team_id ?? 'T0FAKE',
      name,
      real_name: realName,
      deleted: u.deleted ?? false,
      is_admin: u.is_admin ?? false,
      is_bot: u.is_bot ?? false,
      tz: u.tz,
      tz_label: u.tz,
      tz_offset: 0,
      profile: { display_name: u.name ?? '', real_name: realName, ...(u.title ? { title: u.title } : {}) },
      ...(withLocale ? { locale: u.locale } : {}),
      ...(u.enterprise_user
        ? { enterprise_user: { id: u.id, enterprise_name: 'Grid Org', is_admin: false, is_owner: false, ...u.enterprise_user }, is_owner: u.enterprise_user.is_owner ?? false }
        : {}),
    };
  }

  private conversationPayload(c: SlackConversation): Record<string, unknown> {
    return c.is_im
      ? { id: c.id, is_im: true, user: c.user, is_open: true }
      : {
          id: c.id,
          name: c.name,
          is_channel: !c.is_private,
          is_group: c.is_private,
          is_im: false,
          is_private: c.is_private,
          is_archived: c.is_archived ?? false,
          is_shared: c.is_ext_shared ?? false,
          is_ext_shared: c.is_ext_shared ?? false,
          is_pending_ext_shared: c.is_pending_ext_shared ?? false,
          is_org_shared: false,
          is_member: c.members.has(this.botUserId),
          num_members: c.members.size,
        };
  }
}

/** The DM channel a post to a user id lands in (as conversations.open names it); other channels as they are. */
export function dmChannelOf(channel: string): string {
  return /^[UW]/.test(channel) ? `D${channel.replace(/^[UW]/, '')}` : channel;
}

/** The file's bytes from an upload body (multipart/form-data or raw). */
function fileContent(raw: Buffer, contentType: string | undefined): Buffer {
  const boundary = contentType?.match(/boundary=(?:"([^"]+)"|([^;]+))/);
  if (!boundary) return raw;
  const marker = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  let from = raw.indexOf(marker);
  while (from >= 0) {
    const next = raw.indexOf(marker, from + marker.length);
    const part = raw.subarray(from + marker.length, next < 0 ? raw.length : next);
    const split = part.indexOf('\r\n\r\n');
    if (split >= 0) {
      const headers = part.subarray(0, split).toString('utf8');
      if (/filename=/.test(headers) || /name="file"/.test(headers)) {
        let body = part.subarray(split + 4);
        if (body.subarray(body.length - 2).toString() === '\r\n') body = body.subarray(0, body.length - 2);
        return body;
      }
    }
    from = next;
  }
  return raw;
}
