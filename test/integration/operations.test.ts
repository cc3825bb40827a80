import { DateTime } from 'luxon';
import { queueDashboard } from '../../src/jobs/dashboard';
import { ShiftedClock } from '../../src/time/clock';
import { dayToDate } from '../../src/time/dates';
import type { WorkerSet } from '../../workflows';
import { ScheduledHarness } from '../support/scheduler';

/** Operations: the queue dashboard behind basic auth, /healthz with the workers, re-planning on change. */
describe('operations', () => {
  let s: ScheduledHarness;
  let workers: WorkerSet;
  const admin = { user: 'ops', password: 'correct horse battery' };
  beforeAll(async () => {
    let running: WorkerSet | null = null;
    s = await ScheduledHarness.start({
      clock: new ShiftedClock('2027-10-25T12:00:00+01:00'),
      config: { admin },
      web: {
        healthChecks: { workers: async () => (running ? running.healthy() : false) },
        mountRoutes: (app) => {
          // The dashboard needs the queues, which exist once the workers start; mount lazily.
          app.use((req, res, next) => (mounted ? mounted(req, res, next) : next()));
        },
      },
    });
    workers = await s.startWorkers();
    running = workers;
    const express = (await import('express')).default;
    const sub = express();
    queueDashboard(workers.queues, admin)!(sub);
    mounted = sub;
  });
  let mounted: import('express').Express | null = null;
  afterAll(async () => {
    await s.close();
  });

  it('serves Bull Board at /admin/queues only with the admin credentials', async () => {
    const url = `${s.h.baseUrl}/admin/queues`;
    expect((await fetch(url)).status).toBe(401);
    const wrong = await fetch(url, { headers: { authorization: `Basic ${Buffer.from('ops:nope').toString('base64')}` } });
    expect(wrong.status).toBe(401);
    const ok = await fetch(url, { headers: { authorization: `Basic ${Buffer.from(`${admin.user}:${admin.password}`).toString('base64')}` } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('<html');
    const api = await fetch(`${url}/api/queues`, { headers: { authorization: `Basic ${Buffer.from(`${admin.user}:${admin.password}`).toString('base64')}` } });
    const body = (await api.json()) as { queues: { name: string }[] };
    expect(body.queues.map((q) => q.name).sort()).toEqual(['celebrations', 'maintenance', 'reminders']);
  });

  it('is off when no admin credentials are configured', () => {
    expect(queueDashboard(workers.queues, undefined)).toBeUndefined();
  });

  it('reports the workers in /healthz', async () => {
    const res = await fetch(`${s.h.baseUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, checks: { postgres: true, redis: true, workers: true } });
  });

  it('moves pending reminders when a person changes zone, and cancels them when the follow-up ends', async () => {
    const { h } = s;
    await h.prisma.workspace.upsert({ where: { id: h.teamId }, create: { id: h.teamId }, update: {} });
    const fetched = { profileFetchedAt: new Date(), slackTz: 'Europe/Oslo', slackLocale: 'en-GB' };
    const senior = await h.prisma.person.create({ data: { workspaceId: h.teamId, slackUserId: 'UOPSSEN1', ...fetched } });
    const leader = await h.prisma.person.create({ data: { workspaceId: h.teamId, slackUserId: 'UOPSLEA1', ...fetched } });
    const f = await h.prisma.followUp.create({
      data: {
        workspaceId: h.teamId,
        seniorId: senior.id,
        leaderId: leader.id,
        oneToOneCadence: 'MONTHLY',
        reflectionCadence: 'NONE',
        startDate: dayToDate('2027-10-01'),
        nextEvaluationOn: dayToDate('2027-11-01'), // the Monday after Europe's fall-back (31 Oct)
      },
    });
    await s.events.handle({ type: 'followUpChanged', id: f.id });
    const key = `eval-day-${f.id}-${leader.id}-20271101`;
    const before = await h.prisma.reminder.findUniqueOrThrow({ where: { key } });
    expect(DateTime.fromJSDate(before.dueAt).setZone('Europe/Oslo').toFormat('yyyy-MM-dd HH:mm ZZ')).toBe('2027-11-01 09:00 +01:00');
    const job = await workers.queues.reminders.getJob(key);
    expect(job?.opts.delay).toBeGreaterThan(0);
    // The job carries where it goes, so that a worker asks for its posting slot before reading PostgreSQL.
    expect(job?.data).toEqual({ key, workspaceId: h.teamId, recipientId: leader.id });

    // The leader moves to New York (their own setting): the same reminder, now at 09:00 there.
    await h.prisma.person.update({ where: { id: leader.id }, data: { tzOverride: 'America/New_York' } });
    await s.events.handle({ type: 'personChanged', id: leader.id });
    const after = await h.prisma.reminder.findUniqueOrThrow({ where: { key } });
    expect(DateTime.fromJSDate(after.dueAt).setZone('America/New_York').toFormat('yyyy-MM-dd HH:mm')).toBe('2027-11-01 09:00');
    // New York is still on summer time that day (its fall-back is 7 November): 13:00 UTC.
    expect(after.dueAt.toISOString()).toBe('2027-11-01T13:00:00.000Z');
    const moved = await workers.queues.reminders.getJob(key);
    expect(moved!.timestamp + (moved!.delay ?? 0)).toBeGreaterThan(job!.timestamp + (job!.delay ?? 0));

    // The follow-up ends: every pending reminder is cancelled and its job removed.
    await h.prisma.followUp.update({ where: { id: f.id }, data: { status: 'ENDED' } });
    await s.events.handle({ type: 'followUpChanged', id: f.id });
    expect(await h.prisma.reminder.count({ where: { followUpId: f.id, status: 'SCHEDULED' } })).toBe(0);
    expect(await workers.queues.reminders.getJob(key)).toBeUndefined();
  });

  // Last: it restarts the workers with the production periods.
  it('runs the hourly full reconcile and the retention purge at 23 minutes past, never at the top of an hour when reminders go out', async () => {
    await s.stopWorkers();
    const w = await s.startWorkers({ fullReconcileEveryMs: 3_600_000, reconcileEveryMs: 300_000, retentionEveryMs: 6 * 3_600_000, reconcileAtStart: false });
    try {
      const full = await w.queues.maintenance.getJobScheduler('reconcile-full');
      const retention = await w.queues.maintenance.getJobScheduler('retention');
      const quick = await w.queues.maintenance.getJobScheduler('reconcile-tick');
      const minuteOf = (ms: number | undefined) => DateTime.fromMillis(ms ?? 0, { zone: 'utc' }).toFormat('mm:ss');
      expect(minuteOf(full?.next)).toBe('23:00');
      expect(full!.next! - Date.now()).toBeLessThanOrEqual(3_600_000);
      expect(minuteOf(retention?.next)).toBe('23:00');
      // The quick tick is cheap (a dozen statements): it runs within its five minutes.
      expect(quick!.next! - Date.now()).toBeLessThanOrEqual(300_000);
    } finally {
      await s.stopWorkers();
    }
  });
});
