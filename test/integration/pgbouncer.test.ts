import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { createPrisma } from '../../src/data/prisma';
import { pendingMigrations } from '../../src/data/migrations';
import { ShiftedClock } from '../../src/time/clock';
import { setupFollowUp } from '../support/flows';
import { visibleText } from '../support/harness';
import { postsByChannel, ScheduledHarness, seedActionBatch } from '../support/scheduler';
import { startPgBouncer, type PgBouncer } from '../support/servers';

/**
 * PostgreSQL behind a PgBouncer of our own in transaction pooling (test/support/servers.ts, in
 * front of the test database): the app with DATABASE_PGBOUNCER=true works through it — requests,
 * modals, deliveries — with statement_timeout per transaction, and migrations go straight to
 * PostgreSQL (DIRECT_DATABASE_URL).
 */
const direct = process.env.TEST_DATABASE_URL!;
let bouncer: PgBouncer;
beforeAll(async () => {
  const u = new URL(direct);
  bouncer = await startPgBouncer({ host: u.hostname, port: Number(u.port || 5432) }, { poolSize: 5 });
}, 30000);
afterAll(async () => {
  await bouncer?.stop();
});

it('without DATABASE_PGBOUNCER the pool is refused (PgBouncer rejects the statement_timeout startup parameter)', async () => {
  const prisma = createPrisma(bouncer.url(direct), { max: 1 });
  try {
    await expect(prisma.$queryRaw`SELECT 1`).rejects.toThrow(/statement_timeout/);
  } finally {
    await prisma.$disconnect();
  }
});

it('statement_timeout applies inside each transaction and leaks into no other (no session state)', async () => {
  const prisma = createPrisma(bouncer.url(direct), { max: 2, pgbouncer: true, statementTimeoutMs: 1000 });
  try {
    const inside = await prisma.$transaction(async (tx) => tx.$queryRaw<{ statement_timeout: string }[]>`SHOW statement_timeout`);
    expect(inside[0].statement_timeout).toBe('1s');
    const outside = await prisma.$queryRaw<{ statement_timeout: string }[]>`SHOW statement_timeout`;
    expect(outside[0].statement_timeout).not.toBe('1s');
    const t0 = Date.now();
    await expect(prisma.$transaction(async (tx) => tx.$queryRaw`SELECT pg_sleep(5)`)).rejects.toThrow(/statement timeout/);
    expect(Date.now() - t0).toBeLessThan(4000);
    // The pool still works after the cancelled statement.
    expect(await prisma.$queryRaw<{ one: number }[]>`SELECT 1 AS one`).toEqual([{ one: 1 }]);
  } finally {
    await prisma.$disconnect();
  }
});

it('migrations go straight to PostgreSQL (DIRECT_DATABASE_URL); the app reads their state through PgBouncer', async () => {
  const root = path.join(__dirname, '..', '..');
  const { stdout } = await promisify(execFile)(process.execPath, [path.join(root, 'scripts', 'migrate.mjs'), 'deploy'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: bouncer.url(direct), DIRECT_DATABASE_URL: direct },
    timeout: 60000,
  });
  expect(stdout).toContain('No pending migrations');
  const prisma = createPrisma(bouncer.url(direct), { max: 1, pgbouncer: true });
  try {
    expect(await pendingMigrations(prisma)).toEqual([]);
  } finally {
    await prisma.$disconnect();
  }
}, 60000);

it('a follow-up set up in Slack and a fan-out of reminders, all through PgBouncer: each reminder once', async () => {
  const s = await ScheduledHarness.start({ clock: new ShiftedClock('2027-03-30T08:59:58+02:00'), config: { databaseUrl: bouncer.url(direct), pgbouncer: true } });
  try {
    // The request path: a modal submission and the leader's accept (transactions, upserts) through the pooler.
    s.h.user('UPBSEN', { locale: 'nb-NO', tz: 'Europe/Oslo' });
    s.h.user('UPBLEA', { locale: 'en-GB', tz: 'Europe/Oslo' });
    await setupFollowUp(s.h, 'UPBSEN', 'UPBLEA', { startDate: '2027-03-29' });
    // The accept's planning runs after its ack.
    for (let i = 0; i < 100 && (await s.h.prisma.reminder.count({ where: { workspaceId: s.h.teamId, kind: 'digest' } })) === 0; i++) await new Promise((r) => setTimeout(r, 50));
    const n = s.h.slack.responses.length;
    await s.h.command('UPBSEN', 'schedule');
    expect(visibleText((await s.h.slack.waitForResponse(n + 1)).blocks)).toContain('ukeoppsummeringen');

    // The workers' path: 30 reminders at 09:00, claimed and marked in batches by 5 concurrent jobs.
    const { leaderUserIds } = await seedActionBatch(s, 30, '2027-03-30', 'PB');
    await s.startWorkers();
    await s.h.slack.waitFor(() => leaderUserIds.every((l) => (postsByChannel(s.h).get(`D${l.slice(1)}`) ?? 0) >= 1), 30000, '30 reminders');
    const posts = postsByChannel(s.h);
    for (const l of leaderUserIds) expect([l, posts.get(`D${l.slice(1)}`) ?? 0]).toEqual([l, 1]);
    for (let i = 0; i < 50 && (await s.h.prisma.delivery.count({ where: { workspaceId: s.h.teamId, status: 'CLAIMED' } })) > 0; i++) await new Promise((r) => setTimeout(r, 100));
    const sent = await s.h.prisma.delivery.count({ where: { workspaceId: s.h.teamId, kind: 'action', status: 'SENT' } });
    expect(sent).toBe(30);
  } finally {
    await s.close();
  }
}, 60000);
