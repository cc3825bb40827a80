import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, ExpressReceiver, LogLevel, SocketModeReceiver, type Authorize, type Logger as BoltLogger } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import express, { type Express, type Request, type Response, type NextFunction } from 'express';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from './config';
import { createServices, type Services } from './domain';
import type { PrismaClient } from './data/prisma';
import { noDomainEvents, type DomainEvents } from './domain/ports';
import { WebApiGateway, webClientOptions } from './slack/gateway';
import type { AppContext } from './slack/context';
import * as listeners from './slack/listeners';
import type { Clock } from './time/clock';

export interface WebDeps {
  config: Config;
  prisma: PrismaClient;
  redis: Redis;
  clock: Clock;
  logger: Logger;
  /** Extra checks for /readyz (e.g. workers running), name → healthy. */
  healthChecks?: Record<string, () => Promise<boolean>>;
  /** Where domain events go (the scheduler: SchedulerEvents in src/domain/reminders); none when absent. */
  events?: DomainEvents;
  /** Extra HTTP routes on the web server (e.g. the queue dashboard). */
  mountRoutes?: (app: Express) => void;
}

export interface WebApp {
  bolt: App;
  ctx: AppContext;
  services: Services;
  start(): Promise<{ port: number | null }>;
  stop(): Promise<void>;
}

/** Requests signed more than 5 minutes away from now (past or future) are refused. */
const MAX_SKEW_SECONDS = 300;

/**
 * Bolt's and the Web API client's loggers, through pino. Their debug lines carry request and
 * response bodies (DM texts, what people typed): those are dropped whatever LOG_LEVEL is.
 */
export function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'bolt' });
  let level: LogLevel = LogLevel.INFO;
  return {
    debug: () => undefined,
    info: (...msg: unknown[]) => child.info(msg.map(String).join(' ')),
    warn: (...msg: unknown[]) => child.warn(msg.map(String).join(' ')),
    error: (...msg: unknown[]) => child.error(msg.map(String).join(' ')),
    setLevel: (l: LogLevel) => {
      // Never below info: see above.
      level = l === LogLevel.DEBUG ? LogLevel.INFO : l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

/**
 * Single-workspace authorization: the bot token from the environment, with auth.test called once
 * and cached (Bolt's own single-token mode would call it on every request when deferred).
 */
function cachedAuthorize(client: WebClient, botToken: string, logger: Logger): Authorize<boolean> & { warm(): Promise<void> } {
  let cached: Promise<{ botUserId?: string; botId?: string; teamId?: string }> | null = null;
  const load = () => {
    if (!cached) {
      cached = client.auth
        .test({ token: botToken })
        .then((r) => ({ botUserId: r.user_id as string | undefined, botId: r.bot_id as string | undefined, teamId: r.team_id as string | undefined }))
        .catch((err) => {
          cached = null;
          throw err;
        });
    }
    return cached;
  };
  const authorize: Authorize<boolean> = async () => {
    const info = await load();
    return { botToken, botUserId: info.botUserId, botId: info.botId };
  };
  const warm = async () => {
    try {
      await load();
    } catch (err) {
      logger.warn({ err }, 'auth.test failed at start; will retry on the first request');
    }
  };
  return Object.assign(authorize, { warm });
}

export function createWebApp(deps: WebDeps): WebApp {
  const { config, logger } = deps;
  // Its own logger would print plain-text warnings to the console, past LOG_LEVEL: log through pino.
  const web = new WebClient(config.slack.botToken, webClientOptions(config.slack.apiUrl, { retryConfig: { retries: 1 }, timeout: 10_000, logger: boltLogger(logger) }));
  const services = createServices({
    prisma: deps.prisma,
    slack: new WebApiGateway(web),
    clock: deps.clock,
    defaults: { locale: config.defaultLocale, timezone: config.defaultTimezone },
    logger,
    events: deps.events,
    retentionDaysAfterUninstall: config.retentionDaysAfterUninstall,
  });
  const ctx: AppContext = { config, services, web, logger, events: deps.events ?? noDomainEvents };
  const authorize = cachedAuthorize(web, config.slack.botToken, logger);
  const clientOptions = webClientOptions(config.slack.apiUrl, { retryConfig: { retries: 1 } });
  const bLogger = boltLogger(logger);

  // Readiness (/readyz, and /healthz as before): PostgreSQL and Redis answer, each within 2 s.
  const health = async (_req: Request, res: Response) => {
    const checks: Record<string, boolean> = {};
    const timed = <T>(p: Promise<T>) => Promise.race([p, new Promise<never>((_, rej) => setTimeout(() => rej(new Error('timeout')), 2000))]);
    checks.postgres = await timed(deps.prisma.$queryRaw`SELECT 1`).then(() => true, () => false);
    checks.redis = await timed(deps.redis.ping()).then((r) => r === 'PONG', () => false);
    for (const [name, check] of Object.entries(deps.healthChecks ?? {})) checks[name] = await timed(check()).catch(() => false);
    const ok = Object.values(checks).every(Boolean);
    res.status(ok ? 200 : 503).json({ ok, checks });
  };

  let bolt: App;
  let server: Server | null = null;
  const expressApp = express();
  expressApp.disable('x-powered-by');
  // Liveness: the process answers; never fails because a dependency is down (a restart would not help).
  const live = { ok: true };
  expressApp.get('/livez', (_req, res) => void res.status(200).json(live));
  expressApp.get('/readyz', (req, res) => void health(req, res));
  expressApp.get('/healthz', (req, res) => void health(req, res));
  deps.mountRoutes?.(expressApp);

  if (config.slack.appToken) {
    const receiver = new SocketModeReceiver({
      appToken: config.slack.appToken,
      logger: bLogger,
      customRoutes: [
        ...['/healthz', '/readyz'].map((path) => ({ path, method: ['GET'], handler: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
          const fakeRes = {
            status: (code: number) => ({ json: (body: unknown) => { res.writeHead(code, { 'content-type': 'application/json' }); res.end(JSON.stringify(body)); } }),
          } as unknown as Response;
          void health(req as unknown as Request, fakeRes);
        } })),
        { path: '/livez', method: ['GET'], handler: (_req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(live)) },
      ],
      // The Socket Mode client's own Web API calls (apps.connections.open) honour SLACK_API_URL too.
      installerOptions: { port: config.port, clientOptions: webClientOptions(config.slack.apiUrl) },
    });
    bolt = new App({ receiver, authorize, clientOptions, logger: bLogger });
  } else {
    // Refuse requests whose timestamp is more than 5 minutes in the future, too (Bolt only checks the past).
    expressApp.use('/slack/events', (req: Request, res: Response, next: NextFunction) => {
      const ts = Number(req.header('x-slack-request-timestamp'));
      if (Number.isFinite(ts) && ts - Math.floor(Date.now() / 1000) > MAX_SKEW_SECONDS) {
        res.status(401).send();
        return;
      }
      next();
    });
    const receiver = new ExpressReceiver({
      signingSecret: config.slack.signingSecret,
      logger: bLogger,
      app: expressApp,
      processBeforeResponse: false,
    });
    bolt = new App({ receiver, authorize, clientOptions, logger: bLogger });
  }

  // A successful auth.test at start means the app is installed: a workspace marked uninstalled
  // (a reinstall with the same token) becomes active again and its reminders are re-planned.
  const reactivateAfterAuthTest = async () => {
    try {
      const res = await web.auth.test();
      const teamId = res.team_id as string | undefined;
      if (teamId) await services.lifecycle.publish(await services.lifecycle.reactivate(teamId));
    } catch (err) {
      logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'could not check the installation at start');
    }
  };

  listeners.register(bolt, ctx);
  bolt.error(async (err) => {
    logger.error({ err }, 'unhandled error in a listener');
  });

  return {
    bolt,
    ctx,
    services,
    async start() {
      void authorize.warm();
      void reactivateAfterAuthTest();
      if (config.slack.appToken) {
        await bolt.start();
        return { port: config.port };
      }
      server = (await bolt.start(config.port)) as unknown as Server;
      const addr = server.address() as AddressInfo | null;
      return { port: addr ? addr.port : null };
    },
    async stop() {
      await bolt.stop();
      server = null;
    },
  };
}
