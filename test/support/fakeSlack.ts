import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fake Slack Web API server. The app reaches it through SLACK_API_URL = `${url}/api/`.
 * Records every call (method, token, parsed arguments), answers the methods the app uses, and
 * can fail on demand (429 with Retry-After, 500, or a Slack error such as channel_not_found).
 * Also records posts to response_url (`${url}/respond/<id>`).
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
  /** Enterprise Grid: the user's place in the organisation, as users.info sends it. */
  enterprise_user?: { enterprise_id: string; enterprise_name?: string; is_admin?: boolean; is_owner?: boolean; teams: string[] };
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

/**
 * A channel as conversations.info and conversations.members describe it. A channel a test did not
 * add is an ordinary public channel of the workspace that the app and every fake user are in.
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
  /** The app's bot user is a member (a private channel the app is not in is channel_not_found to it). */
  bot_member?: boolean;
  members?: string[];
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

  /**
   * keepAliveMs: how long an idle connection stays open. Slack keeps connections alive; the tests'
   * default of 1 s makes Node's fetch (undici, which drops a connection whose keep-alive hint is
   * 1 s or less) open a new connection per call, which keeps test teardown quick. Benchmarks pass more.
   */
  constructor(options: { token?: string; keepAliveMs?: number } = {}) {
    this.token = options.token ?? 'xoxb-test-token';
    this.keepAliveMs = options.keepAliveMs ?? 1000;
  }

  get url(): string {
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

  reset(): void {
    this.calls.length = 0;
    this.deletedMessages.clear();
    this.responses.length = 0;
    this.faults = [];
  }

  /** Channels added with addChannel (conversations.info / conversations.members). */
  readonly channels = new Map<string, FakeChannel>();

  addChannel(channel: FakeChannel): this {
    this.channels.set(channel.id, { bot_member: true, members: [], ...channel });
    if (channel.team_id) this.channelTeams.set(channel.id, channel.team_id);
    return this;
  }

  /** conversations.info and conversations.members as Slack answers them (cursor pages of `limit`). */
  private channelAnswer(method: string, args: Record<string, unknown>, tokenTeam: string | null): Record<string, unknown> {
    const id = String(args.channel ?? '');
    const c = this.channels.get(id);
    const visible = !c || ((c.bot_member || !c.is_private) && (!c.team_id || !tokenTeam || c.team_id === tokenTeam));
    if (!visible) return { ok: false, error: 'channel_not_found' };
    if (method === 'conversations.info') {
      const isPrivate = c ? c.is_private ?? false : id.startsWith('G');
      return {
        ok: true,
        channel: {
          id,
          name: c?.name ?? 'team',
          is_channel: !isPrivate,
          is_group: isPrivate,
          is_im: false,
          is_private: isPrivate,
          is_archived: c?.is_archived ?? false,
          is_shared: (c?.is_ext_shared ?? false),
          is_ext_shared: c?.is_ext_shared ?? false,
          is_pending_ext_shared: c?.is_pending_ext_shared ?? false,
          is_org_shared: false,
          is_member: c ? c.bot_member ?? false : true,
          context_team_id: c?.team_id ?? tokenTeam ?? this.teamId,
        },
      };
    }
    const all = c ? c.members ?? [] : [...this.users.keys()];
    const limit = Math.max(1, Math.min(999, Number(args.limit ?? 100)));
    const start = args.cursor ? Number(Buffer.from(String(args.cursor), 'base64').toString('utf8').replace(/^offset:/, '')) : 0;
    if (!Number.isInteger(start) || start < 0) return { ok: false, error: 'invalid_cursor' };
    const page = all.slice(start, start + limit);
    const next = start + limit < all.length ? Buffer.from(`offset:${start + limit}`).toString('base64') : '';
    return { ok: true, members: page, response_metadata: { next_cursor: next } };
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

  private async readBody(req: http.IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
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
    const raw = await this.readBody(req);
    const url = req.url ?? '/';
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
    if (url.startsWith('/respond/')) {
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      this.responses.push({ id: url.slice('/respond/'.length), body, at: Date.now() });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      this.notify();
      return;
    }
    if (url.startsWith('/upload/')) {
      this.uploads.set(url.slice('/upload/'.length), fileContent(raw, req.headers['content-type']));
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
    if (token !== this.token && !issued) return send(200, { ok: false, error: 'invalid_auth' });
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

  private nextTs(): string {
    this.tsCounter += 1;
    return `${1700000000 + this.tsCounter}.${String(this.tsCounter).padStart(6, '0')}`;
  }

  private answer(method: string, args: Record<string, unknown>, call?: RecordedCall): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://fake.slack.com/', team: 'Fake', user: 'followup', team_id: this.teamId, user_id: this.botUserId, bot_id: this.botId };
      case 'users.info': {
        const id = String(args.user ?? '');
        const u = this.users.get(id);
        if (!u) return { ok: false, error: 'user_not_found' };
        const user: Record<string, unknown> = {
          id: u.id,
          team_id: u.team_id ?? 'T0FAKE',
          name: u.name ?? u.id.toLowerCase(),
          real_name: u.real_name ?? u.name ?? u.id,
          deleted: u.deleted ?? false,
          is_admin: u.is_admin ?? false,
          is_bot: u.is_bot ?? false,
          tz: u.tz,
          tz_offset: 0,
          profile: { display_name: u.name ?? '', real_name: u.real_name ?? u.name ?? u.id },
          ...(u.enterprise_user
            ? { enterprise_user: { id: u.id, enterprise_name: 'Grid Org', is_admin: false, is_owner: false, ...u.enterprise_user }, is_owner: u.enterprise_user.is_owner ?? false }
            : {}),
        };
        if (args.include_locale === 'true' || args.include_locale === true) user.locale = u.locale;
        return { ok: true, user };
      }
      case 'conversations.open': {
        const users = String(args.users ?? '');
        return { ok: true, channel: { id: `D${users.replace(/^U/, '').split(',')[0]}` } };
      }
      case 'conversations.join':
        return { ok: true, channel: { id: args.channel } };
      case 'conversations.history': {
        // Messages the app posted in the channel (newest first), with their metadata when asked.
        const channel = String(args.channel ?? '');
        const withMeta = args.include_all_metadata === 'true' || args.include_all_metadata === true;
        const messages = this.calls
          .filter((c) => c.method === 'chat.postMessage' && c.status === 200 && c.args.channel === channel && c.ts)
          .reverse()
          .map((c) => ({ type: 'message', ts: c.ts, text: c.args.text, ...(withMeta && c.args.metadata ? { metadata: c.args.metadata } : {}) }));
        return { ok: true, messages, has_more: false };
      }
      case 'chat.postMessage':
      case 'chat.postEphemeral': {
        const ts = this.nextTs();
        if (call) call.ts = ts;
        // Like Slack: a post to a user id lands in (and answers with) the DM channel with them.
        return { ok: true, channel: method === 'chat.postMessage' ? dmChannelOf(String(args.channel ?? '')) : args.channel, ts, message: { text: args.text } };
      }
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts };
      case 'chat.delete': {
        // Like Slack: the app's own message is deleted once; an unknown or deleted one is message_not_found.
        const channel = String(args.channel ?? '');
        const ts = String(args.ts ?? '');
        const posted = this.calls.some((c) => c.method === 'chat.postMessage' && c.status === 200 && c.ts === ts && dmChannelOf(String(c.args.channel ?? '')) === dmChannelOf(channel));
        const key = `${dmChannelOf(channel)}/${ts}`;
        if (!posted || this.deletedMessages.has(key)) return { ok: false, error: 'message_not_found' };
        this.deletedMessages.add(key);
        return { ok: true, channel, ts };
      }
      case 'files.getUploadURLExternal': {
        this.viewCounter += 1;
        const fileId = `F${this.viewCounter}`;
        return { ok: true, file_id: fileId, upload_url: `${this.url}/upload/${fileId}` };
      }
      case 'files.completeUploadExternal':
        return { ok: true, files: (JSON.parse(String(args.files ?? '[]')) as { id: string; title?: string }[]).map((f) => ({ id: f.id, title: f.title })) };
      case 'views.open':
      case 'views.push':
      case 'views.update':
      case 'views.publish': {
        this.viewCounter += 1;
        const view = (args.view ?? {}) as Record<string, unknown>;
        return { ok: true, view: { ...view, id: (args.view_id as string) ?? `V${this.viewCounter}`, hash: `h${this.viewCounter}` } };
      }
      default:
        return { ok: true };
    }
  }
}

/** The DM channel a post to a user id lands in (as conversations.open names it); other channels as they are. */
function dmChannelOf(channel: string): string {
  return /^[UW]/.test(channel) ? `D${channel.replace(/^[UW]/, '')}` : channel;
}

/** The file's bytes from an upload body (multipart/form-data or raw). */
function fileContent(raw: string, contentType: string | undefined): string {
  const boundary = contentType?.match(/boundary=(?:"([^"]+)"|([^;]+))/);
  if (!boundary) return raw;
  const marker = `--${boundary[1] ?? boundary[2]}`;
  for (const part of raw.split(marker)) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const headers = part.slice(0, split);
    if (/filename=/.test(headers) || /name="file"/.test(headers)) return part.slice(split + 4).replace(/\r\n$/, '');
  }
  return raw;
}
