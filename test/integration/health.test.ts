import { Redis } from 'ioredis';
import { createWebApp } from '../../src/app';
import { createLogger } from '../../src/logger';
import { systemClock } from '../../src/time/clock';
import { Harness } from '../support/harness';

describe('GET /healthz', () => {
  it('answers 200 when PostgreSQL and Redis answer', async () => {
    const h = await Harness.start();
    try {
      const res = await fetch(`${h.baseUrl}/healthz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ok: true, checks: { postgres: true, redis: true } });
    } finally {
      await h.close();
    }
  });

  it('answers 503 naming Redis when Redis does not answer', async () => {
    const h = await Harness.start();
    const deadRedis = new Redis('redis://127.0.0.1:1', { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
    deadRedis.on('error', () => undefined);
    const app = createWebApp({ config: { ...h.config, port: 0 }, prisma: h.prisma, redis: deadRedis, clock: systemClock, logger: createLogger('silent') });
    const { port } = await app.start();
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ ok: false, checks: { postgres: true, redis: false } });
    } finally {
      await app.stop();
      deadRedis.disconnect();
      await h.close();
    }
  });
});
