import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, ExpressReceiver, SocketModeReceiver } from '@slack/bolt';
import express, { type Express, type Request, type Response, type NextFunction } from 'express';
import type { RedisClient } from './jobs/redis';
import type { Logger } from 'pino';
import type { Config } from './config';
import { createServices, type Services } from './domain';
import type { PrismaClient } from './data/prisma';
import { noDomainEvents, type DomainEvents } from './domain/ports';
import { createWorkspaceAccess, type WorkspaceAccess } from './oauth/access';
import { mountInstallRoutes } from './oauth/routes';
import { requestScope, requestScopedClient } from './slack/clients';
import { WebApiGateway, webClientOptions } from './slack/gateway';
import type { AppContext } from './slack/context';
import * as listeners from './slack/listeners';
import { commands, features } from './slack/features';
import type { Clock } from './time/clock';
import { slackLogger as boltLogger } from './logger';

export interface WebDeps {
  config: Config;
  prisma: PrismaClient;
  redis: RedisClient;
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
  /** Who calls the Web API as which workspace (authorize, installer, per-workspace clients). */
  access: WorkspaceAccess;
  start(): Promise<{ port: number | null }>;
  stop(): Promise<void>;
}

/** Requests signed more than 5 minutes away from now (past or future) are refused. */
const MAX_SKEW_SECONDS = 300;

/**
 * The largest body /slack/events accepts (1 MB, as nginx's client_max_body_size and the Ingress's
 * proxy-body-size in deploy/): Slack's payloads are far smaller (a view is at most 250 kB). A larger
 * one is refused with 413 from its Content-Length, before a byte of it is read or its signature checked.
 */
export const MAX_EVENT_BODY_BYTES = 1024 * 1024;

export function createWebApp(deps: WebDeps): WebApp {
  const { config, logger } = deps;
  const access = createWorkspaceAccess({ config, prisma: deps.prisma, logger, slackLogger: boltLogger(logger) });
  // The shared client: each call carries the token of the request being handled (see the global
  // middleware below), or SLACK_BOT_TOKEN outside a request in single-workspace mode. Its own
  // logger would print plain-text warnings to the console, past LOG_LEVEL: log through pino.
  const web = requestScopedClient(config.slack.botToken, webClientOptions(config.slack.apiUrl, { retryConfig: { retries: 1 }, timeout: 10_000, logger: boltLogger(logger) }));
  const services = createServices({
    prisma: deps.prisma,
    slack: new WebApiGateway(web),
    clock: deps.clock,
    defaults: { locale: config.defaultLocale, timezone: config.defaultTimezone },
    logger,
    events: deps.events,
    retentionDaysAfterUninstall: config.retentionDaysAfterUninstall,
    workspaceOf: (teamId) => access.workspaceOf(teamId),
  });
  const ctx: AppContext = { config, services, web, logger, events: deps.events ?? noDomainEvents };
  const authorize = access.authorize;
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
  if (access.installer && !config.slack.appToken) {
    const installed = access;
    mountInstallRoutes(expressApp, {
      installer: access.installer,
      defaultLocale: config.defaultLocale,
      logger,
      onInstalled: async (installation) => {
        const query = { teamId: installation.team?.id, enterpriseId: installation.enterprise?.id, isEnterpriseInstall: installation.isEnterpriseInstall ?? false };
        installed.clients.forget(query.isEnterpriseInstall ? undefined : query.teamId);
        await services.repos.workspaces.reactivate(query);
      },
    });
  }

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
    // Bodies over 1 MB are refused before they are read (Bolt would buffer any size to check the signature).
    // Slack always sends Content-Length; a body without one (chunked) cannot be bounded up front: 411.
    expressApp.use('/slack/events', (req: Request, res: Response, next: NextFunction) => {
      const length = req.header('content-length');
      if (length === undefined && req.header('transfer-encoding') !== undefined) {
        res.status(411).set('connection', 'close').send();
        return;
      }
      if (length !== undefined && !(Number(length) <= MAX_EVENT_BODY_BYTES)) {
        res.status(413).set('connection', 'close').send();
        return;
      }
      next();
    });
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
    if (!config.slack.botToken) return;
    try {
      const res = await web.auth.test({ token: config.slack.botToken });
      const teamId = res.team_id as string | undefined;
      if (teamId) await services.lifecycle.reactivate(teamId);
    } catch (err) {
      logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'could not check the installation at start');
    }
  };

  // Every listener runs inside the scope of the workspace it was authorised as (ctx.web's token).
  bolt.use(async ({ context, next }) => {
    await requestScope.run({ botToken: context.botToken, teamId: context.teamId, enterpriseId: context.enterpriseId }, next);
  });
  listeners.register(bolt, ctx, { features, commands, installations: { forget: (query) => access.forgetInstallation(query) } });
  bolt.error(async (err) => {
    logger.error({ err }, 'unhandled error in a listener');
  });

  return {
    bolt,
    ctx,
    services,
    access,
    async start() {
      void access.warm();
      void reactivateAfterAuthTest();
      if (config.slack.appToken) {
        await bolt.start();
        return { port: config.port };
      }
      // HOST (the local workspace: 127.0.0.1) or every interface.
      server = (await (config.host ? bolt.start({ port: config.port, host: config.host }) : bolt.start(config.port))) as unknown as Server;
      const addr = server.address() as AddressInfo | null;
      return { port: addr ? addr.port : null };
    },
    async stop() {
      await bolt.stop();
      server = null;
    },
  };
}
