import crypto from 'node:crypto';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Express, NextFunction, Request, Response } from 'express';
import type { Queues } from './queues';

export const DASHBOARD_PATH = '/admin/queues';

function same(a: string, b: string): boolean {
  const ha = crypto.createHash('sha256').update(a).digest();
  const hb = crypto.createHash('sha256').update(b).digest();
  return crypto.timingSafeEqual(ha, hb);
}

/** Wrong logins allowed from one address before it must wait; the wait doubles with each further one. */
export const FREE_ATTEMPTS = 5;
const MAX_LOCK_MS = 15 * 60_000;

/**
 * HTTP basic auth with constant-time comparison, and a back-off: after FREE_ATTEMPTS wrong logins
 * from one address, it is answered 429 (Retry-After) for 1 s, then 2 s, 4 s… (at most 15 minutes),
 * even with the right password, until the wait is over. A right login clears the count.
 */
export function basicAuth(user: string, password: string, now: () => number = Date.now) {
  const failures = new Map<string, { count: number; until: number }>();
  return (req: Request, res: Response, next: NextFunction): void => {
    const who = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const seen = failures.get(who);
    if (seen && seen.until > now()) {
      res.set('Retry-After', String(Math.ceil((seen.until - now()) / 1000))).status(429).send('Too many failed logins; try again later');
      return;
    }
    const header = req.header('authorization') ?? '';
    const [scheme, encoded] = header.split(' ');
    if (scheme === 'Basic' && encoded) {
      const decoded = Buffer.from(encoded, 'base64').toString('utf8');
      const i = decoded.indexOf(':');
      if (i >= 0 && same(decoded.slice(0, i), user) && same(decoded.slice(i + 1), password)) {
        failures.delete(who);
        return next();
      }
      const count = (seen?.count ?? 0) + 1;
      const lockMs = count > FREE_ATTEMPTS ? Math.min(MAX_LOCK_MS, 1000 * 2 ** (count - FREE_ATTEMPTS - 1)) : 0;
      failures.set(who, { count, until: now() + lockMs });
      if (failures.size > 10_000) failures.delete(failures.keys().next().value as string);
    }
    res.set('WWW-Authenticate', 'Basic realm="queues", charset="UTF-8"').status(401).send('Authentication required');
  };
}

/** Refuses every changing request (retry, remove, promote, clean…) unless writing is allowed. */
function readOnly(req: Request, res: Response, next: NextFunction): void {
  if (req.method === 'GET' || req.method === 'HEAD') return next();
  res.status(403).send('The queue dashboard is read-only (set ADMIN_QUEUE_WRITE=true to allow changes)');
}

/**
 * Bull Board (the standard BullMQ dashboard) at /admin/queues behind basic auth, read-only unless
 * `admin.write`. Returns a mountRoutes function for WebDeps, or undefined when no admin
 * credentials are configured (off).
 */
export function queueDashboard(queues: Queues, admin: { user: string; password: string; write?: boolean } | undefined): ((app: Express) => void) | undefined {
  if (!admin) return undefined;
  const write = admin.write === true;
  return (app: Express) => {
    const serverAdapter = new ExpressAdapter();
    serverAdapter.setBasePath(DASHBOARD_PATH);
    const options = { readOnlyMode: !write, allowRetries: write };
    createBullBoard({
      queues: [new BullMQAdapter(queues.reminders, options), new BullMQAdapter(queues.celebrations, options), new BullMQAdapter(queues.maintenance, options)],
      serverAdapter,
    });
    const guards = write ? [basicAuth(admin.user, admin.password)] : [basicAuth(admin.user, admin.password), readOnly];
    app.use(DASHBOARD_PATH, ...guards, serverAdapter.getRouter());
  };
}
