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
  /** The team auth.test reports (the workspace the bot token belongs to). */
  authTeamId = 'T0FAKE';
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

  constructor(options: { token?: string } = {}) {
    this.token = options.token ?? 'xoxb-test-token';
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
    this.server.keepAliveTimeout = 1000;
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

  /** Fail the next `times` calls of `method` (or a fraction `rate` of them) with `fault`. */
  fail(method: string, fault: Fault, opts: { times?: number; rate?: number; match?: (args: Record<string, unknown>) => boolean } = {}): void {
    this.faults.push({ method, fault, times: opts.times ?? 1, rate: opts.rate ?? 1, match: opts.match });
  }

  clearFaults(): void {
    this.faults = [];
  }

  reset(): void {
    this.calls.length = 0;
    this.responses.length = 0;
    this.faults = [];
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
    if (token !== this.token) return send(200, { ok: false, error: 'invalid_auth' });
    const rule = this.faults.find((f) => (f.method === method || f.method === '*') && f.times > 0 && (!f.match || f.match(args)));
    if (rule && this.random() < rule.rate) {
      rule.times -= 1;
      const fault = rule.fault;
      if ('error' in fault) return send(200, { ok: false, error: fault.error });
      if (fault.status === 429) return send(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(fault.retryAfter) });
      return send(500, { ok: false, error: 'internal_error' });
    }
    send(200, this.answer(method, args, call));
  }

  private nextTs(): string {
    this.tsCounter += 1;
    return `${1700000000 + this.tsCounter}.${String(this.tsCounter).padStart(6, '0')}`;
  }

  private answer(method: string, args: Record<string, unknown>, call?: RecordedCall): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://fake.slack.com/', team: 'Fake', user: 'followup', team_id: this.authTeamId, user_id: this.botUserId, bot_id: this.botId };
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
      case 'conversations.info':
        return { ok: true, channel: { id: args.channel, name: 'team', is_private: String(args.channel).startsWith('G') } };
      case 'chat.postMessage':
      case 'chat.postEphemeral': {
        const ts = this.nextTs();
        if (call) call.ts = ts;
        return { ok: true, channel: args.channel, ts, message: { text: args.text } };
      }
      case 'chat.update':
      case 'chat.delete':
        return { ok: true, channel: args.channel, ts: args.ts };
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
