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

/** HTTP basic auth with constant-time comparison. */
export function basicAuth(user: string, password: string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const header = req.header('authorization') ?? '';
    const [scheme, encoded] = header.split(' ');
    if (scheme === 'Basic' && encoded) {
      const decoded = Buffer.from(encoded, 'base64').toString('utf8');
      const i = decoded.indexOf(':');
      if (i >= 0 && same(decoded.slice(0, i), user) && same(decoded.slice(i + 1), password)) return next();
    }
    res.set('WWW-Authenticate', 'Basic realm="queues", charset="UTF-8"').status(401).send('Authentication required');
  };
}

/**
 * Bull Board (the standard BullMQ dashboard) at /admin/queues behind basic auth. Returns a
 * mountRoutes function for WebDeps, or undefined when no admin credentials are configured (off).
 */
export function queueDashboard(queues: Queues, admin: { user: string; password: string } | undefined): ((app: Express) => void) | undefined {
  if (!admin) return undefined;
  return (app: Express) => {
    const serverAdapter = new ExpressAdapter();
    serverAdapter.setBasePath(DASHBOARD_PATH);
    createBullBoard({
      queues: [new BullMQAdapter(queues.reminders), new BullMQAdapter(queues.celebrations), new BullMQAdapter(queues.maintenance)],
      serverAdapter,
    });
    app.use(DASHBOARD_PATH, basicAuth(admin.user, admin.password), serverAdapter.getRouter());
  };
}
