import type { Config } from '../../src/config';
import type { PrismaClient } from '../../src/data/prisma';
import { createSchedulerEvents } from '../../src/domain';
import type { DomainEvents } from '../../src/domain/ports';
import { DeferredEvents } from '../../src/domain/reminders/scheduling';
import { BullJobScheduler, createQueues, producerConnection, reconcileWhenRedisReturns, type Queues } from '../../src/jobs/queues';
import { redisConnection, type RedisClient } from '../../src/jobs/redis';
import { createLogger } from '../../src/logger';
import { PlanIds } from '../support/slackIds';
import { ReminderIds } from '../../src/slack/outbound/ids';
import { ShiftedClock, type Clock } from '../../src/time/clock';
import { dayToDate } from '../../src/time/dates';
import { startWorkers, type WorkerSet } from '../../workflows';
import { Harness, randomId, visibleText } from '../support/harness';
import { TEST_TUNING } from '../support/scheduler';
import { TcpProxy } from '../support/tcpProxy';
import { acceptInvitation, openModal, setupValues } from '../support/flows';

/**
 * Outages that lose nothing: a TCP proxy between the app and Redis or PostgreSQL cuts (refuses)
 * or hangs (accepts, never answers) the connection. Slack needs every answer within 3 s.
 */
const SENIOR = 'UOUTSEN1';
const LEADER = 'UOUTLEA1';
const DB_DOWN = {
  en: 'The app cannot reach its database right now. Nothing was lost — please try again in a minute.',
  nb: 'Appen får ikke kontakt med databasen sin akkurat nå. Ingenting gikk tapt – prøv igjen om et minutt.',
} as const;

/** The app as main.ts wires it: a fail-fast producer connection and events after the ack. */
/** Stops what startApp and a test started, workers first (they wait on the proxied Redis). */
async function stopApp(app: Awaited<ReturnType<typeof startApp>>, rest: { pg: TcpProxy; redis: TcpProxy; workers: WorkerSet | null; workerRedis: RedisClient | null }): Promise<void> {
  await rest.workers?.close();
  rest.workerRedis?.disconnect();
  await app.queues.close().catch(() => undefined);
  app.producer.disconnect();
  await app.h.close();
  await rest.pg.close();
  await rest.redis.close();
}

async function startApp(options: { pg: TcpProxy; redis: TcpProxy; clock: Clock; locale: 'en' | 'nb' }) {
  let producer: RedisClient | null = null;
  let queues: Queues | null = null;
  let deferred: DeferredEvents | null = null;
  const h = await Harness.start({
    clock: options.clock,
    config: {
      databaseUrl: options.pg.url(process.env.TEST_DATABASE_URL!),
      redis: { mode: 'standalone', url: options.redis.url(process.env.TEST_REDIS_URL!) },
      defaultLocale: options.locale,
    },
    events: (deps: { config: Config; prisma: PrismaClient; redis: RedisClient; clock: Clock }): DomainEvents => {
      producer = producerConnection(deps.config.redis);
      queues = createQueues(producer, { prefix: deps.config.queuePrefix });
      reconcileWhenRedisReturns(producer, queues);
      const logger = createLogger(deps.config.logLevel);
      deferred = new DeferredEvents(
        createSchedulerEvents({ prisma: deps.prisma, jobs: new BullJobScheduler(queues, deps.clock), clock: deps.clock, defaults: { locale: deps.config.defaultLocale, timezone: deps.config.defaultTimezone }, logger }),
        logger,
      );
      return deferred;
    },
  });
  h.user(SENIOR, { locale: options.locale === 'nb' ? 'nb-NO' : 'en-GB', tz: 'Europe/Oslo' });
  h.user(LEADER, { locale: 'en-GB', tz: 'Europe/Oslo' });
  const fetched = { profileFetchedAt: new Date(), slackTz: 'Europe/Oslo' };
  await h.prisma.workspace.create({ data: { id: h.teamId } });
  const senior = await h.prisma.person.create({ data: { workspaceId: h.teamId, slackUserId: SENIOR, slackLocale: options.locale === 'nb' ? 'nb-NO' : 'en-GB', ...fetched } });
  const leader = await h.prisma.person.create({ data: { workspaceId: h.teamId, slackUserId: LEADER, slackLocale: 'en-GB', ...fetched } });
  const f = await h.prisma.followUp.create({
    data: { workspaceId: h.teamId, seniorId: senior.id, leaderId: leader.id, oneToOneCadence: 'NONE', reflectionCadence: 'NONE', startDate: dayToDate('2027-03-15') },
  });
  return {
    h,
    followUpId: f.id,
    leaderId: leader.id,
    get queues() {
      return queues!;
    },
    get producer() {
      return producer!;
    },
    get deferred() {
      return deferred!;
    },
  };
}

const planValues = (what: string, due: string) => ({
  [PlanIds.leaderBlock]: { [PlanIds.leaderInput]: { type: 'users_select', selected_user: LEADER } },
  [PlanIds.whatBlock]: { [PlanIds.whatInput]: { type: 'plain_text_input', value: what } },
  [PlanIds.ownerBlock]: { [PlanIds.ownerInput]: { type: 'radio_buttons', selected_option: { value: 'leader' } } },
  [PlanIds.dueBlock]: { [PlanIds.dueInput]: { type: 'datepicker', selected_date: due } },
});

async function openPlan(h: Harness): Promise<Record<string, unknown>> {
  const n = h.slack.callsOf('views.open').length;
  await h.command(SENIOR, `plan <@${LEADER}>`);
  return (await h.slack.waitForCall('views.open', n + 1, 5000)).args.view as Record<string, unknown>;
}

/** Runs `work` and returns how long it took. */
async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = Date.now();
  const value = await work();
  return { value, ms: Date.now() - t0 };
}

const leaderDue = (h: Harness) => h.slack.callsOf('chat.postMessage').filter((c) => c.ts && c.args.channel === `D${LEADER.slice(1)}` && visibleText(c.args.blocks).includes('Due today'));

/** A table row for the report: what the person saw, how long the answer took, and what was lost. */
const table: string[] = [];
afterAll(() => {
  if (table.length > 0) process.stdout.write(`\nfault | what the user saw | answered in | lost\n${table.join('\n')}\n`);
});

describe('Redis down', () => {
  let pg: TcpProxy;
  let redis: TcpProxy;
  let app: Awaited<ReturnType<typeof startApp>>;
  let workers: WorkerSet | null = null;
  let workerRedis: RedisClient | null = null;
  beforeAll(async () => {
    pg = await TcpProxy.start(process.env.TEST_DATABASE_URL!);
    redis = await TcpProxy.start(process.env.TEST_REDIS_URL!);
    // Tuesday 2027-03-30 in Oslo, a little before the 09:00 reminders.
    app = await startApp({ pg, redis, clock: new ShiftedClock('2027-03-30T08:59:40+02:00'), locale: 'en' });
  });
  afterAll(() => stopApp(app, { pg, redis, workers, workerRedis }));

  it('commands, modals and buttons answer within 3 s and save to PostgreSQL; after Redis returns the reminder planned meanwhile is delivered exactly once', async () => {
    const { h } = app;
    const view = await openPlan(h);
    const other = await h.prisma.actionItem.create({ data: { followUpId: app.followUpId, what: 'Book the workshop room', ownerId: app.leaderId, dueDate: dayToDate('2027-04-02'), createdById: app.leaderId } });
    await redis.cut();

    // A slash command
    const n = h.slack.responses.length;
    const help = await timed(async () => {
      await h.command(SENIOR, 'help');
      return h.slack.waitForResponse(n + 1);
    });
    expect(help.ms).toBeLessThan(3000);
    expect(visibleText(help.value.blocks)).toContain('How to use /followup');
    table.push(`Redis cut | /followup help answered normally | ${help.ms} ms | nothing`);

    // A modal that opens another
    const opened = await timed(() => openPlan(h));
    expect(opened.ms).toBeLessThan(3000);
    table.push(`Redis cut | /followup plan opened its modal | ${opened.ms} ms | nothing`);

    // A modal submission: saved to PostgreSQL, the modal closes
    const submit = await timed(() => h.submitView(SENIOR, view, planValues('Ask HR for a coach', '2027-03-30')));
    expect(submit.value.status).toBe(200);
    expect(submit.value.body).toBe('');
    expect(submit.ms).toBeLessThan(3000);
    const action = await h.prisma.actionItem.findFirstOrThrow({ where: { followUpId: app.followUpId, what: 'Ask HR for a coach' } });
    table.push(`Redis cut | plan modal saved and closed | ${submit.ms} ms | nothing (action in PostgreSQL)`);

    // A button (an action reminder's "Done")
    const url = h.newResponseUrl();
    const id = url.split('/').pop();
    const button = await timed(async () => {
      const res = await h.action(LEADER, { type: 'button', action_id: ReminderIds.actionDone, value: other.id }, { response_url: url });
      await h.slack.waitFor(() => h.slack.responses.some((r) => r.id === id), 3000, 'the button answer');
      return res;
    });
    expect(button.value.status).toBe(200);
    expect(button.ms).toBeLessThan(3000);
    expect((await h.prisma.actionItem.findUniqueOrThrow({ where: { id: other.id } })).status).toBe('DONE');
    table.push(`Redis cut | "Done" button updated the message | ${button.ms} ms | nothing`);

    // The plan is in PostgreSQL (the Reminder table), even though Redis could not take the job.
    await app.deferred.idle();
    const planned = await h.prisma.reminder.findFirstOrThrow({ where: { subjectId: action.id } });
    expect(planned.status).toBe('SCHEDULED');

    // /readyz says not ready; /livez stays alive.
    expect((await fetch(`${h.baseUrl}/livez`)).status).toBe(200);
    const ready = await timed(() => fetch(`${h.baseUrl}/readyz`));
    expect(ready.value.status).toBe(503);
    expect(await ready.value.json()).toEqual({ ok: false, checks: { postgres: true, redis: false } });
    expect(ready.ms).toBeLessThan(3000);

    // Redis returns: the producer queues a reconcile, the workers deliver the reminder once.
    await redis.restore();
    await h.slack.waitFor(() => app.producer.status === 'ready', 10000, 'the producer to reconnect').catch(() => undefined);
    for (let i = 0; i < 100 && app.producer.status !== 'ready'; i++) await new Promise((r) => setTimeout(r, 100));
    workerRedis = redisConnection(h.config.redis, 'worker');
    workers = await startWorkers({ config: h.config, prisma: h.prisma, redis: workerRedis, clock: h.clock, logger: createLogger('silent'), tuning: { ...TEST_TUNING, workspaces: [h.teamId] } });
    await h.slack.waitFor(() => leaderDue(h).length >= 1, 30000, 'the action reminder');
    await workers.reconcile({ full: true });
    await new Promise((r) => setTimeout(r, 2000));
    expect(leaderDue(h)).toHaveLength(1);
    expect(visibleText(leaderDue(h)[0].args.blocks)).toContain('Ask HR for a coach');
    expect(await h.prisma.delivery.count({ where: { key: planned.key, status: 'SENT' } })).toBe(1);
    expect((await fetch(`${h.baseUrl}/readyz`)).status).toBe(200);
  }, 60000);
});

describe('Redis cut while a follow-up is set up', () => {
  const SENIOR2 = 'UOUTSEN2';
  const LEADER2 = 'UOUTLEA2';
  let pg: TcpProxy;
  let redis: TcpProxy;
  let app: Awaited<ReturnType<typeof startApp>>;
  let workers: WorkerSet | null = null;
  let workerRedis: RedisClient | null = null;
  beforeAll(async () => {
    pg = await TcpProxy.start(process.env.TEST_DATABASE_URL!);
    redis = await TcpProxy.start(process.env.TEST_REDIS_URL!);
    // Sunday 2027-03-28 in Oslo: the next weekly digest (Monday 08:00) is due within the day.
    app = await startApp({ pg, redis, clock: new ShiftedClock('2027-03-28T10:00:00+02:00'), locale: 'en' });
    app.h.user(SENIOR2, { locale: 'en-GB', tz: 'Europe/Oslo' });
    app.h.user(LEADER2, { locale: 'en-GB', tz: 'Europe/Oslo' });
  });
  afterAll(() => stopApp(app, { pg, redis, workers, workerRedis }));

  it("gets the senior leader's weekly digest planned and queued within 60 s of Redis returning", async () => {
    const { h } = app;
    // The workers run throughout, on the same (cut) Redis: they wait while it is away.
    workerRedis = redisConnection(h.config.redis, 'worker');
    workers = await startWorkers({ config: h.config, prisma: h.prisma, redis: workerRedis, clock: h.clock, logger: createLogger('silent'), tuning: { ...TEST_TUNING, workspaces: [h.teamId] } });
    const view = await openModal(h, SENIOR2, `setup <@${LEADER2}>`);
    await redis.cut();
    const res = await h.submitView(SENIOR2, view, setupValues({ leader: LEADER2, startDate: '2027-03-29' }));
    expect(res.status).toBe(200);
    await acceptInvitation(h, SENIOR2, LEADER2);
    const senior = await h.prisma.person.findFirstOrThrow({ where: { workspaceId: h.teamId, slackUserId: SENIOR2 } });
    // The accept's scheduling runs after its ack, still during the cut: the follow-up's plan reaches
    // PostgreSQL (its jobs cannot reach Redis).
    const f = await h.prisma.followUp.findFirstOrThrow({ where: { seniorId: senior.id, status: 'ACTIVE' } });
    for (let i = 0; i < 100 && (await h.prisma.reminder.count({ where: { followUpId: f.id, status: 'SCHEDULED' } })) === 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await h.prisma.reminder.count({ where: { followUpId: f.id, status: 'SCHEDULED' } })).toBeGreaterThan(0);
    await app.deferred.idle();
    expect(await app.queues.reminders.count().catch(() => 'unreachable')).toBe('unreachable');

    await redis.restore();
    const back = Date.now();
    let digestKey: string | null = null;
    let state = '';
    while (Date.now() - back < 60_000) {
      const digest = await h.prisma.reminder.findFirst({ where: { kind: 'digest', subjectId: senior.id, status: 'SCHEDULED' } });
      digestKey = digest?.key ?? null;
      state = digestKey ? await app.queues.reminders.getJobState(digestKey).catch(() => '') : '';
      if (state === 'delayed') break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(digestKey).toBe(`digest-${senior.id}-20270329`);
    expect(state).toBe('delayed');
    table.push(`Redis cut during a setup | the digest planned and queued | ${Date.now() - back} ms after Redis returned | nothing`);

    // What the senior leader sees: the digest among their upcoming reminders.
    const n = h.slack.responses.length;
    await h.command(SENIOR2, 'schedule');
    const listed = visibleText((await h.slack.waitForResponse(n + 1)).blocks);
    expect(listed).toContain('the weekly digest');

    // A digest whose planning was lost altogether (no row: a crash between the two plans): the quick reconcile plans it.
    await app.queues.reminders.remove(digestKey!);
    await h.prisma.reminder.delete({ where: { key: digestKey! } });
    expect(await workers.reconcile({ full: false })).toMatchObject({ digests: 1 });
    expect((await h.prisma.reminder.findUniqueOrThrow({ where: { key: digestKey! } })).status).toBe('SCHEDULED');
    expect(await app.queues.reminders.getJobState(digestKey!)).toBe('delayed');
    expect(await workers.reconcile({ full: false })).toMatchObject({ digests: 0 });
  }, 90000);
});

describe.each(['en', 'nb'] as const)('PostgreSQL down or hanging (%s)', (locale) => {
  let pg: TcpProxy;
  let redis: TcpProxy;
  let app: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    pg = await TcpProxy.start(process.env.TEST_DATABASE_URL!);
    redis = await TcpProxy.start(process.env.TEST_REDIS_URL!);
    app = await startApp({ pg, redis, clock: new ShiftedClock('2027-03-30T10:00:00+02:00'), locale });
  });
  afterAll(async () => {
    await app.queues.close().catch(() => undefined);
    app.producer.disconnect();
    await app.h.close();
    await pg.close();
    await redis.close();
  });

  it.each(['cut', 'hang'] as const)('%s: a command answers within 3 s that nothing was lost; a modal keeps what was typed; after restore it saves once', async (fault) => {
    const { h } = app;
    const view: Record<string, unknown> = { ...(await openPlan(h)), id: randomId('V') };
    const what = `Find a mentor (${fault})`;
    await (fault === 'cut' ? pg.cut() : pg.hang());

    const n = h.slack.responses.length;
    const command = await timed(async () => {
      const res = await h.command(SENIOR, 'status');
      expect(res.status).toBe(200);
      return h.slack.waitForResponse(n + 1, 4000);
    });
    expect(String(command.value.text)).toBe(DB_DOWN[locale]);
    expect(command.ms).toBeLessThan(3000);
    table.push(`PostgreSQL ${fault} (${locale}) | command: "${DB_DOWN[locale]}" | ${command.ms} ms | nothing`);

    const submit = await timed(() => h.submitView(SENIOR, view, planValues(what, '2027-04-30')));
    expect(submit.ms).toBeLessThan(3000);
    expect(submit.value.status).toBe(200);
    const blocks = (view.blocks as { type: string; block_id: string }[]).filter((b) => b.type === 'input');
    expect(submit.value.json()).toEqual({ response_action: 'errors', errors: { [blocks[0].block_id]: DB_DOWN[locale] } });
    table.push(`PostgreSQL ${fault} (${locale}) | modal stayed open, first field: "${DB_DOWN[locale]}" | ${submit.ms} ms | nothing (the modal kept what was typed)`);

    expect((await fetch(`${h.baseUrl}/livez`)).status).toBe(200);
    const ready = await timed(() => fetch(`${h.baseUrl}/readyz`));
    expect(ready.value.status).toBe(503);
    expect(ready.ms).toBeLessThan(3000);

    await pg.restore();
    // The person submits again (Slack kept the modal open): saved once, even if sent twice.
    let saved = false;
    for (let i = 0; i < 20 && !saved; i++) {
      const again = await h.submitView(SENIOR, view, planValues(what, '2027-04-30'));
      saved = again.body === '';
      if (!saved) await new Promise((r) => setTimeout(r, 250));
    }
    expect(saved).toBe(true);
    await h.submitView(SENIOR, view, planValues(what, '2027-04-30'));
    expect(await h.prisma.actionItem.count({ where: { followUpId: app.followUpId, what } })).toBe(1);
  }, 40000);
});
