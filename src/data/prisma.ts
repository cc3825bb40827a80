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
  /**
   * The URL is a PgBouncer in transaction pooling (DATABASE_PGBOUNCER): each transaction may run on
   * another server connection, so nothing may rely on session state. PgBouncer refuses startup
   * parameters such as statement_timeout; it is set with `SET LOCAL` in every interactive
   * transaction instead, and single statements are bounded by the client-side query timeout (and
   * by the role's statement_timeout on the server; see README → Operations → PgBouncer).
   * Prisma's pg adapter sends unnamed prepared statements, which transaction pooling allows.
   */
  pgbouncer?: boolean;
}

/**
 * Timeouts for the request path: Slack needs an answer within 3 s, so a PostgreSQL that is down
 * or hangs must fail a request in about 2 s (the person is then told to try again; see
 * data/availability.ts). `pg`'s defaults are to wait forever.
 */
export const REQUEST_POOL: Required<Omit<PoolOptions, 'max' | 'pgbouncer'>> = { connectTimeoutMs: 2000, statementTimeoutMs: 2000 };
/** Workers have no 3-second budget: longer statements (a full reconcile), same quick connect failure. */
export const WORKER_POOL: Required<Omit<PoolOptions, 'max' | 'pgbouncer'>> = { connectTimeoutMs: 2000, statementTimeoutMs: 30_000 };

export function createPrisma(databaseUrl: string, options: PoolOptions = {}): PrismaClient {
  const statement = options.statementTimeoutMs ?? REQUEST_POOL.statementTimeoutMs;
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? REQUEST_POOL.connectTimeoutMs,
    ...(options.pgbouncer ? {} : { statement_timeout: statement }),
    // A server that accepted the connection but never answers is only caught on the client side.
    query_timeout: statement + 250,
  });
  return new PrismaClient({ adapter: options.pgbouncer ? timeoutPerTransaction(adapter, statement) : adapter });
}

/** `SET LOCAL statement_timeout` at the start of every interactive transaction (it ends with the transaction). */
function timeoutPerTransaction(factory: PrismaPg, statementTimeoutMs: number): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const start = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const tx = await start(isolationLevel);
      await tx.executeRaw({ sql: `SET LOCAL statement_timeout = ${Math.round(statementTimeoutMs)}`, args: [], argTypes: [] });
      return tx;
    };
    return adapter;
  };
  return factory;
}

/** A Prisma client or an interactive transaction: repositories accept either. */
export type Db = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

/** True when a write failed on a unique constraint (P2002). */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && (err as { code: unknown }).code === 'P2002';
}
