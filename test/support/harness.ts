import { EventRecorder } from '../../src/domain/events';
import crypto from 'node:crypto';
import { redisConnection, type RedisClient } from '../../src/jobs/redis';
import { createWebApp, type WebApp, type WebDeps } from '../../src/app';
import type { Config } from '../../src/config';
import { createPrisma, type PrismaClient } from '../../src/data/prisma';
import type { DomainEvents } from '../../src/domain/ports';
import { createLogger, type Logger } from '../../src/logger';
import { FixedClock, systemClock, type Clock } from '../../src/time/clock';
import { localeFromSlack } from '../../src/i18n';
import { checkCall } from './blockKit';
import { FakeSlack, type FakeUser } from '../../src/local/slackApi';
import { postSigned, SIGNING_SECRET, type SendOptions, type SlackResponse } from './signing';

export { FakeSlack, FixedClock };

export function randomId(prefix: string, length = 10): string {
  return prefix + crypto.randomBytes(16).toString('hex').toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, length);
}

export interface HarnessOptions {
  clock?: Clock;
  users?: FakeUser[];
  config?: Partial<Config>;
  /** Domain events for the app (e.g. the scheduler on this harness's queues). */
  events?: (deps: { config: Config; prisma: PrismaClient; redis: RedisClient; clock: Clock }) => DomainEvents;
  /** Extra web wiring (health checks, routes such as the queue dashboard). */
  web?: Pick<WebDeps, 'healthChecks' | 'mountRoutes'>;
  /**
   * OAuth mode: installs through /slack/install with the fake's client id and secret, tokens
   * encrypted with `key` (TOKEN_ENCRYPTION_KEY). `botToken: true` keeps SLACK_BOT_TOKEN as the
   * installation of the harness's own workspace.
   */
  oauth?: { key: string; botToken?: boolean };
  /** The web app's logger (e.g. one writing to a buffer the test reads). */
  logger?: Logger;
}

export const TEST_STATE_SECRET = 'test-state-secret-0123456789abcdef';

/**
 * The real Bolt app on a random port, on real PostgreSQL and Redis, talking to a fake Slack Web
 * API. Each harness has its own team id, so tests never see each other's data.
 */
export class Harness {
  readonly teamId = randomId('T');
  readonly slack = new FakeSlack();
  prisma!: PrismaClient;
  redis!: RedisClient;
  app!: WebApp;
  baseUrl!: string;
  config!: Config;
  clock: Clock;
  private responseCounter = 0;

  constructor(private readonly options: HarnessOptions = {}) {
    this.clock = options.clock ?? systemClock;
  }

  static async start(options: HarnessOptions = {}): Promise<Harness> {
    const h = new Harness(options);
    await h.init();
    return h;
  }

  private async init(): Promise<void> {
    // SLACK_BOT_TOKEN belongs to this harness's workspace (authorize refuses requests of other teams).
    this.slack.teamId = this.teamId;
    await this.slack.start();
    for (const u of this.options.users ?? []) this.slack.addUser(u);
    this.config = {
      slack: { signingSecret: SIGNING_SECRET, botToken: this.slack.token, apiUrl: this.slack.apiUrl },
      databaseUrl: process.env.TEST_DATABASE_URL!,
      redis: { mode: 'standalone', url: process.env.TEST_REDIS_URL! },
      port: 0,
      defaultLocale: 'en',
      defaultTimezone: 'Europe/Oslo',
      logLevel: (process.env.TEST_LOG_LEVEL as Config['logLevel']) ?? 'silent',
      queuePrefix: randomId('q', 12),
      ...(this.options.oauth
        ? {
            slack: {
              signingSecret: SIGNING_SECRET,
              botToken: this.options.oauth.botToken ? this.slack.token : undefined,
              apiUrl: this.slack.apiUrl,
              oauth: { clientId: this.slack.clientId, clientSecret: this.slack.clientSecret, stateSecret: TEST_STATE_SECRET },
            },
            tokenEncryptionKey: this.options.oauth.key,
          }
        : {}),
      ...this.options.config,
    };
    this.prisma = createPrisma(this.config.databaseUrl, { max: 4, pgbouncer: this.config.pgbouncer });
    this.redis = redisConnection(this.config.redis, 'worker');
    // Without a sink of its own, a harness's app records the domain events its runners publish (recordEvents).
    const events = this.options.events?.({ config: this.config, prisma: this.prisma, redis: this.redis, clock: this.clock }) ?? new EventRecorder();
    this.app = createWebApp({ config: this.config, prisma: this.prisma, redis: this.redis, clock: this.clock, logger: this.options.logger ?? createLogger(this.config.logLevel), events, ...this.options.web });
    const { port } = await this.app.start();
    this.baseUrl = `http://127.0.0.1:${port}`;
  }

  /** A fake Slack user of this workspace. */
  user(id: string, extra: Omit<FakeUser, 'id'> = {}): string {
    this.slack.addUser({ id, team_id: this.teamId, ...extra });
    return id;
  }

  newResponseUrl(): string {
    this.responseCounter += 1;
    return this.slack.responseUrl(`r${this.responseCounter}`);
  }

  /** Sends `/followup <text>` as `userId`. Returns the HTTP answer (the ack). */
  async command(userId: string, text: string, opts: SendOptions & { responseUrl?: string; triggerId?: string } = {}): Promise<SlackResponse> {
    const params = new URLSearchParams({
      token: 'deprecated',
      team_id: this.teamId,
      team_domain: 'fake',
      channel_id: 'C0GENERAL',
      channel_name: 'general',
      user_id: userId,
      user_name: userId.toLowerCase(),
      command: '/followup',
      text,
      api_app_id: 'A0FAKE',
      is_enterprise_install: 'false',
      response_url: opts.responseUrl ?? this.newResponseUrl(),
      trigger_id: opts.triggerId ?? this.slack.issueTrigger(userId),
    });
    return postSigned(`${this.baseUrl}/slack/events`, params.toString(), 'application/x-www-form-urlencoded', opts);
  }

  /** Sends an interactivity payload (view_submission, block_actions…). */
  async interact(payload: Record<string, unknown>, opts: SendOptions = {}): Promise<SlackResponse> {
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    return postSigned(`${this.baseUrl}/slack/events`, body, 'application/x-www-form-urlencoded', opts);
  }

  /** Submits a modal that the app opened, with the given state values. */
  async submitView(userId: string, view: Record<string, unknown>, values: Record<string, Record<string, unknown>>, opts: SendOptions & { viewId?: string } = {}): Promise<SlackResponse> {
    return this.interact(
      {
        type: 'view_submission',
        team: { id: this.teamId, domain: 'fake' },
        user: { id: userId, team_id: this.teamId, name: userId.toLowerCase() },
        api_app_id: 'A0FAKE',
        trigger_id: this.slack.issueTrigger(userId),
        view: { ...view, id: opts.viewId ?? (view.id as string) ?? randomId('V'), team_id: this.teamId, state: { values }, hash: 'h1', app_id: 'A0FAKE', bot_id: 'BBOT0001' },
      },
      opts,
    );
  }

  /** Clicks a button or chooses an option in a block_actions payload. */
  async action(userId: string, action: Record<string, unknown>, extra: Record<string, unknown> = {}, opts: SendOptions = {}): Promise<SlackResponse> {
    return this.interact(
      {
        type: 'block_actions',
        team: { id: this.teamId, domain: 'fake' },
        user: { id: userId, team_id: this.teamId, name: userId.toLowerCase() },
        api_app_id: 'A0FAKE',
        trigger_id: this.slack.issueTrigger(userId),
        actions: [{ block_id: 'b', action_ts: String(Date.now() / 1000), ...action }],
        ...extra,
      },
      opts,
    );
  }

  /** Sends an Events API event. */
  async event(event: Record<string, unknown>, opts: SendOptions = {}): Promise<SlackResponse> {
    const body = JSON.stringify({
      token: 'deprecated',
      team_id: this.teamId,
      api_app_id: 'A0FAKE',
      event: { event_ts: String(Date.now() / 1000), ...event },
      type: 'event_callback',
      event_id: randomId('Ev'),
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: this.teamId, user_id: 'UBOT0001', is_bot: true }],
    });
    return postSigned(`${this.baseUrl}/slack/events`, body, 'application/json', opts);
  }

  /** Opens App Home as `userId` and returns the published view. */
  async openHome(userId: string): Promise<Record<string, unknown>> {
    const mine = () => this.slack.callsOf('views.publish').filter((c) => c.args.user_id === userId);
    const before = mine().length;
    const res = await this.event({ type: 'app_home_opened', user: userId, channel: 'D0HOME', tab: 'home' });
    expect(res.status).toBe(200);
    await this.slack.waitFor(() => mine().length > before, 5000, `views.publish for ${userId}`);
    return mine()[mine().length - 1].args.view as Record<string, unknown>;
  }

  /** Every problem found in the payloads recorded so far (see blockKit.ts). */
  payloadProblems(): string[] {
    const problems: string[] = [];
    for (const c of this.slack.calls) problems.push(...checkCall(c.method, c.args));
    for (const r of this.slack.responses) problems.push(...checkCall('response_url', r.body));
    return problems;
  }

  /**
   * Slack date tokens in what a bokmål reader was sent (DMs, ephemeral messages, App Home): Slack has
   * no Norwegian client language, so a token reads in English there (issue 12 §1). Readers are the
   * workspace's people whose language (as the app resolves it, at the end of the test) is bokmål.
   */
  async bokmaalDateTokens(): Promise<string[]> {
    const [people, workspace] = await Promise.all([
      this.prisma.person.findMany({ where: { workspaceId: this.teamId } }),
      this.prisma.workspace.findUnique({ where: { id: this.teamId } }),
    ]);
    const readers = new Map<string, string>();
    for (const p of people) {
      if ((p.localeOverride ?? localeFromSlack(p.slackLocale, workspace?.defaultLocale ?? this.config.defaultLocale)) !== 'nb') continue;
      for (const target of [p.slackUserId, `D${p.slackUserId.replace(/^U/, '')}`, p.dmChannelId]) if (target) readers.set(target, p.slackUserId);
    }
    const problems: string[] = [];
    for (const c of this.slack.calls) {
      const a = c.args as Record<string, unknown>;
      const target =
        c.method === 'chat.postMessage' || c.method === 'chat.update' ? a.channel : c.method === 'chat.postEphemeral' ? a.user : c.method === 'views.publish' ? a.user_id : null;
      const reader = typeof target === 'string' ? readers.get(target) : undefined;
      if (!reader) continue;
      const text = `${typeof a.text === 'string' ? a.text : ''}\n${visibleText(a.blocks ?? a.view)}`;
      if (text.includes('<!date')) problems.push(`${c.method} to ${reader} (bokmål) holds a Slack date token: ${text.slice(text.indexOf('<!date'), text.indexOf('<!date') + 80)}`);
    }
    return problems;
  }

  /** Stops everything; fails the test when any recorded payload breaks a Block Kit limit or gives a bokmål reader a date token. */
  async close(): Promise<void> {
    const problems = this.payloadProblems();
    // Best effort: a test that cut the database may leave it unreachable for a moment.
    const timeout = new Promise<string[]>((resolve) => setTimeout(() => resolve([]), 3000).unref());
    problems.push(...(await Promise.race([this.bokmaalDateTokens().catch(() => [] as string[]), timeout])));
    await this.app.stop().catch(() => undefined);
    // Work the app does after an ack (DMs, App Home, events) may still be reading: let it finish
    // before the pool closes, so nothing reconnects after the test file's environment is gone.
    await new Promise((r) => setTimeout(r, 250));
    await this.slack.stop();
    await this.redis.quit().catch(() => undefined);
    await this.prisma.$disconnect();
    if (problems.length > 0) throw new Error(`Block Kit problems in recorded payloads:\n${problems.join('\n')}`);
  }
}

/** All text a user would read in a view or message (for assertions). */
export function visibleText(payload: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if ((o.type === 'plain_text' || o.type === 'mrkdwn') && typeof o.text === 'string') out.push(o.text);
      for (const [k, val] of Object.entries(o)) if (k !== 'text' || typeof val !== 'string') walk(val);
    }
  };
  walk(payload);
  return out.join('\n');
}
