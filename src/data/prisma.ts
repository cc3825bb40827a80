import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';

export { PrismaClient };
export type { Prisma } from '../generated/prisma/client';
export * from '../generated/prisma/enums';
export type {
  Workspace,
  Person,
  FollowUp,
  Goal,
  GoalRevision,
  Milestone,
  CheckIn,
  Conversation,
  Feedback,
  Reflection,
  DevelopmentActivity,
  Evaluation,
  EvaluationItem,
  Barrier,
  ActionItem,
  Learning,
  Question,
  Reminder,
  Delivery,
  AgendaPick,
  AuditEntry,
} from '../generated/prisma/client';

export interface PoolOptions {
  max?: number;
  /** Give up connecting (or waiting for a free pooled connection) after this long. */
  connectTimeoutMs?: number;
  /** PostgreSQL's statement_timeout, and the client-side query timeout (a hanging server never answers). */
  statementTimeoutMs?: number;
}

/**
 * Timeouts for the request path: Slack needs an answer within 3 s, so a PostgreSQL that is down
 * or hangs must fail a request in about 2 s (the person is then told to try again; see
 * data/availability.ts). `pg`'s defaults are to wait forever.
 */
export const REQUEST_POOL: Required<Omit<PoolOptions, 'max'>> = { connectTimeoutMs: 2000, statementTimeoutMs: 2000 };
/** Workers have no 3-second budget: longer statements (a full reconcile), same quick connect failure. */
export const WORKER_POOL: Required<Omit<PoolOptions, 'max'>> = { connectTimeoutMs: 2000, statementTimeoutMs: 30_000 };

export function createPrisma(databaseUrl: string, options: PoolOptions = {}): PrismaClient {
  const statement = options.statementTimeoutMs ?? REQUEST_POOL.statementTimeoutMs;
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? REQUEST_POOL.connectTimeoutMs,
    statement_timeout: statement,
    // A server that accepted the connection but never answers is only caught on the client side.
    query_timeout: statement + 250,
  });
  return new PrismaClient({ adapter });
}

/** A Prisma client or an interactive transaction: repositories accept either. */
export type Db = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

/** True when a write failed on a unique constraint (P2002). */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && (err as { code: unknown }).code === 'P2002';
}
