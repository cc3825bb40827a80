import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { Redis } from 'ioredis';
import { FREE_ATTEMPTS, queueDashboard } from '../../src/jobs/dashboard';
import { createQueues, type Queues } from '../../src/jobs/queues';
import { randomId } from '../support/harness';

/** The queue dashboard: read-only unless ADMIN_QUEUE_WRITE=true, and a back-off after wrong logins. */
describe('/admin/queues', () => {
  let redis: Redis;
  let queues: Queues;
  const admin = { user: 'ops', password: 'a password of 12+' };
  const auth = (user: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });

  async function serve(write: boolean): Promise<{ url: string; server: Server }> {
    const app = express();
    queueDashboard(queues, { ...admin, write })!(app);
    const server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/admin/queues`, server };
  }

  beforeAll(async () => {
    redis = new Redis(process.env.TEST_REDIS_URL!, { maxRetriesPerRequest: null });
    queues = createQueues(redis, { prefix: randomId('q', 12) });
    await queues.reminders.add('reminder', { key: 'r-dash-1' }, { jobId: 'r-dash-1', delay: 60_000 });
  });
  afterAll(async () => {
    await queues.reminders.obliterate({ force: true }).catch(() => undefined);
    await queues.close();
    redis.disconnect();
  });

  it('is read-only by default: reading works, removing or retrying a job is refused and the job stays', async () => {
    const { url, server } = await serve(false);
    try {
      const list = await fetch(`${url}/api/queues`, { headers: auth(admin.user, admin.password) });
      expect(list.status).toBe(200);
      const body = (await list.json()) as { queues: { name: string; readOnlyMode: boolean }[] };
      expect(body.queues.every((q) => q.readOnlyMode)).toBe(true);
      const remove = await fetch(`${url}/api/queues/reminders/r-dash-1`, { method: 'DELETE', headers: auth(admin.user, admin.password) });
      expect(remove.status).toBe(403);
      const clean = await fetch(`${url}/api/queues/reminders/clean/delayed`, { method: 'PUT', headers: auth(admin.user, admin.password) });
      expect(clean.status).toBe(403);
      expect(await queues.reminders.getJob('r-dash-1')).toBeDefined();
    } finally {
      server.close();
    }
  });

  it('allows changes with ADMIN_QUEUE_WRITE=true', async () => {
    const { url, server } = await serve(true);
    try {
      const body = (await (await fetch(`${url}/api/queues`, { headers: auth(admin.user, admin.password) })).json()) as { queues: { readOnlyMode: boolean }[] };
      expect(body.queues.every((q) => !q.readOnlyMode)).toBe(true);
    } finally {
      server.close();
    }
  });

  it(`backs off after ${FREE_ATTEMPTS} wrong logins: 429 with Retry-After, even for the right password, until the wait is over`, async () => {
    const { url, server } = await serve(false);
    try {
      for (let i = 0; i < FREE_ATTEMPTS; i++) expect((await fetch(url, { headers: auth('ops', `guess-${i}`) })).status).toBe(401);
      expect((await fetch(url, { headers: auth('ops', 'one more guess') })).status).toBe(401);
      const locked = await fetch(url, { headers: auth(admin.user, admin.password) });
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      await new Promise((r) => setTimeout(r, 1100));
      expect((await fetch(url, { headers: auth(admin.user, admin.password) })).status).toBe(200);
      // A right login clears the count.
      expect((await fetch(url, { headers: auth('ops', 'wrong again') })).status).toBe(401);
    } finally {
      server.close();
    }
  });
});
