/**
 * One server of the ack benchmark, in its own process so that the load generator's event loop
 * never shares time with the server it measures. Modes:
 *   fake <user...>   the fake Slack Web API (src/local/slackApi.ts), with those users
 *   real             the real app: createWebApp (src/app.ts) on PostgreSQL and Redis, talking to
 *                    the fake Slack at SLACK_API_URL
 *   bare             a bare Bolt app: ExpressReceiver, same signing secret, a /followup command
 *                    that only acks
 * Prints one JSON line {"port": N} when it listens; stops on SIGTERM.
 */
import { App, ExpressReceiver, LogLevel } from '@slack/bolt';
import { Redis } from 'ioredis';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWebApp } from '../../src/app';
import type { Config } from '../../src/config';
import { createPrisma } from '../../src/data/prisma';
import { createLogger } from '../../src/logger';
import { systemClock } from '../../src/time/clock';
import { FakeSlack } from '../../src/local/slackApi';
import { BOT_TOKEN, SIGNING_SECRET } from './shared';

function ready(port: number): void {
  process.stdout.write(`${JSON.stringify({ port })}\n`);
}

function env(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
}

async function fake(users: string[]): Promise<() => Promise<void>> {
  const slack = new FakeSlack({ token: BOT_TOKEN });
  await slack.start();
  for (const id of users) slack.addUser({ id, team_id: env('BENCH_TEAM_ID'), tz: 'Europe/Oslo', locale: 'nb-NO' });
  // Keep memory flat over thousands of calls: the benchmark reads nothing back.
  const drop = setInterval(() => {
    slack.calls.length = 0;
    slack.responses.length = 0;
  }, 1000);
  ready(Number(new URL(slack.url).port));
  return async () => {
    clearInterval(drop);
    await slack.stop();
  };
}

async function real(): Promise<() => Promise<void>> {
  const config: Config = {
    slack: { signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN, apiUrl: env('SLACK_API_URL') },
    databaseUrl: env('DATABASE_URL'),
    redis: { mode: 'standalone', url: env('REDIS_URL') },
    port: 0,
    defaultLocale: 'nb',
    defaultTimezone: 'Europe/Oslo',
    // BENCH_LOG_LEVEL=warn shows the app's own warnings and errors during the run.
    logLevel: (process.env.BENCH_LOG_LEVEL as Config['logLevel'] | undefined) ?? 'silent',
    queuePrefix: `bench${process.pid}`,
  };
  const prisma = createPrisma(config.databaseUrl);
  const redis = new Redis(env('REDIS_URL'), { maxRetriesPerRequest: null });
  const app = createWebApp({ config, prisma, redis, clock: systemClock, logger: createLogger(config.logLevel) });
  const { port } = await app.start();
  ready(port ?? 0);
  return async () => {
    await app.stop();
    await redis.quit();
    await prisma.$disconnect();
  };
}

async function bare(): Promise<() => Promise<void>> {
  const receiver = new ExpressReceiver({ signingSecret: SIGNING_SECRET, logLevel: LogLevel.ERROR, processBeforeResponse: false });
  const app = new App({
    receiver,
    logLevel: LogLevel.ERROR,
    // A fixed identity, so no auth.test call is ever made (the real app caches its one call).
    authorize: async () => ({ botToken: BOT_TOKEN, botUserId: 'UBOT0001', botId: 'BBOT0001' }),
  });
  app.command('/followup', async ({ ack }) => {
    await ack();
  });
  const server = (await app.start(0)) as unknown as Server;
  ready((server.address() as AddressInfo).port);
  return async () => {
    await app.stop();
  };
}

async function main(): Promise<void> {
  const [mode, ...rest] = process.argv.slice(2);
  const stop = mode === 'fake' ? await fake(rest) : mode === 'real' ? await real() : mode === 'bare' ? await bare() : null;
  if (!stop) throw new Error(`unknown mode ${mode}`);
  const quit = () => {
    stop().finally(() => process.exit(0));
  };
  process.on('SIGTERM', quit);
  process.on('SIGINT', quit);
}

main().catch((err) => {
  process.stderr.write(`bench server failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
