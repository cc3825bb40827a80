/**
 * A fake Slack Web API that enforces Slack's documented rate limits, for bench/ceiling only (the
 * tests' fake is src/local/slackApi.ts). Past a limit it answers HTTP 429 with `Retry-After`
 * (whole seconds) and `{ok:false,error:'ratelimited'}`, as Slack does
 * (docs.slack.dev/apis/web-api/rate-limits):
 *
 * - chat.postMessage: about 1 message per second per channel with a short burst, plus a
 *   workspace-wide posting budget (configurable; default 525/min, an observed figure);
 * - conversations.open: Tier 3 (50+/min, with a burst);
 * - users.info: Tier 4 (100+/min, with a burst);
 * - other methods this app calls (conversations.history, conversations.join, auth.test) Tier 3.
 *
 * chat.postMessage takes a user id (U…) as `channel` and posts in the app's DM with that person,
 * answering the DM's id (D…) as `channel` — Slack's documented way to message someone without
 * conversations.open first. Each DM is its own channel for the per-channel limit.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlackLimits {
  /** chat.postMessage per workspace per minute. */
  postsPerMinute: number;
  /** Posts the workspace may send at once (bucket size). */
  postBurst: number;
  /** chat.postMessage per channel per second. */
  channelPerSecond: number;
  channelBurst: number;
  /** Tier 3 (conversations.open …) per minute and burst. */
  tier3PerMinute: number;
  tier3Burst: number;
  /** Tier 4 (users.info …) per minute and burst. */
  tier4PerMinute: number;
  tier4Burst: number;
}

export const SLACK_LIMITS: SlackLimits = {
  postsPerMinute: 525,
  postBurst: 20,
  channelPerSecond: 1,
  channelBurst: 3,
  tier3PerMinute: 50,
  tier3Burst: 10,
  tier4PerMinute: 100,
  tier4Burst: 20,
};

/** A token bucket: `capacity` at once, refilled at `perMs` tokens per ms. */
class Bucket {
  private tokens: number;
  private at: number;
  constructor(
    private readonly capacity: number,
    private readonly perMs: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.at = now;
  }
  private refill(now: number): void {
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.at) * this.perMs);
    this.at = now;
  }
  /** Whole seconds until one token is there (0: take it now). */
  retryAfter(now: number): number {
    this.refill(now);
    return this.tokens >= 1 ? 0 : Math.max(1, Math.ceil((1 - this.tokens) / this.perMs / 1000));
  }
  take(): void {
    this.tokens -= 1;
  }
}

export interface Call {
  method: string;
  at: number;
  status: number;
  /** chat.postMessage: the channel the message landed in (a DM's D… id for a user id). */
  channel?: string;
  /** chat.postMessage: the delivery key in the message metadata. */
  key?: string;
}

export class LimitedSlack {
  readonly token = 'xoxb-ceiling';
  readonly calls: Call[] = [];
  private server: http.Server | null = null;
  private url = '';
  private buckets = new Map<string, Bucket>();
  private ts = 0;
  /** Messages posted, by channel (for conversations.history): key → ts. */
  private posted = new Map<string, Map<string, string>>();

  constructor(public limits: SlackLimits = SLACK_LIMITS) {}

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** Forget calls and start every bucket full again (a new scenario). */
  reset(limits: SlackLimits = this.limits): void {
    this.limits = limits;
    this.calls.length = 0;
    this.buckets.clear();
    this.posted.clear();
  }

  private bucket(name: string, capacity: number, perMinute: number, now: number): Bucket {
    let b = this.buckets.get(name);
    if (!b) this.buckets.set(name, (b = new Bucket(capacity, perMinute / 60_000, now)));
    return b;
  }

  /** Takes one token from each bucket, or none and answers the longest Retry-After. */
  private admit(buckets: Bucket[], now: number): number {
    const wait = Math.max(...buckets.map((b) => b.retryAfter(now)));
    if (wait === 0) for (const b of buckets) b.take();
    return wait;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0];
      const raw = Buffer.concat(chunks).toString();
      const args: Record<string, string> = (req.headers['content-type'] ?? '').includes('json') ? JSON.parse(raw || '{}') : Object.fromEntries(new URLSearchParams(raw));
      const now = Date.now();
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      };
      const l = this.limits;
      const call: Call = { method, at: now, status: 200 };
      this.calls.push(call);
      let buckets: Bucket[];
      let channel = '';
      if (method === 'chat.postMessage') {
        const given = String(args.channel ?? '');
        channel = /^[UW]/.test(given) ? `D${given.slice(1)}` : given;
        buckets = [this.bucket('post', l.postBurst, l.postsPerMinute, now), this.bucket(`ch:${channel}`, l.channelBurst, l.channelPerSecond * 60, now)];
      } else if (method === 'users.info') buckets = [this.bucket(method, l.tier4Burst, l.tier4PerMinute, now)];
      else buckets = [this.bucket(method, l.tier3Burst, l.tier3PerMinute, now)];
      const wait = this.admit(buckets, now);
      if (wait > 0) {
        call.status = 429;
        return send(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(wait) });
      }
      switch (method) {
        case 'auth.test':
          return send(200, { ok: true, team_id: 'TCEILING', user_id: 'UBOT', bot_id: 'BBOT' });
        case 'conversations.open':
          return send(200, { ok: true, channel: { id: `D${String(args.users ?? '').replace(/^U/, '').split(',')[0]}` } });
        case 'users.info':
          return send(200, { ok: true, user: { id: args.user, name: String(args.user).toLowerCase(), tz: 'Europe/Oslo', locale: 'en-GB', deleted: false, is_bot: false, is_admin: false, profile: {} } });
        case 'conversations.join':
          return send(200, { ok: true, channel: { id: args.channel } });
        case 'conversations.history': {
          const messages = [...(this.posted.get(String(args.channel)) ?? new Map()).entries()].map(([key, ts]) => ({ type: 'message', ts, metadata: { event_type: 'followup_delivery', event_payload: { key } } }));
          return send(200, { ok: true, messages, has_more: false });
        }
        case 'chat.postMessage': {
          this.ts += 1;
          const ts = `${Math.floor(now / 1000)}.${String(this.ts % 1_000_000).padStart(6, '0')}`;
          let key: string | undefined;
          try {
            key = (JSON.parse(String(args.metadata ?? '{}')) as { event_payload?: { key?: string } }).event_payload?.key;
          } catch {
            key = undefined;
          }
          call.channel = channel;
          call.key = key;
          if (key) {
            let m = this.posted.get(channel);
            if (!m) this.posted.set(channel, (m = new Map()));
            m.set(key, ts);
          }
          return send(200, { ok: true, channel, ts });
        }
        default:
          return send(200, { ok: true });
      }
    });
  }
}
