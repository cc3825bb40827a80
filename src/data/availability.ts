/** PostgreSQL did not answer (down, or slower than the request can wait): nothing was saved. */
export class DatabaseUnavailableError extends Error {
  constructor(cause?: unknown) {
    super('the database is unavailable', { cause });
  }
}

/** Prisma codes for "cannot reach / timed out" (P1001 unreachable, P1002/P1008 timeouts, P1017 closed, P2024 pool timeout). */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
/** PostgreSQL SQLSTATEs: 57014 statement timeout (query_canceled), 57P01-03 shutting down / cannot connect, 08xxx connection exceptions. */
const PG_CODES = /^(57014|57P0[1-3]|08\d{3})$/;
const NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const MESSAGES = /(timeout exceeded when trying to connect|query read timeout|connection terminated|connection timeout|statement timeout|can't reach database|Connection refused|ECONNREFUSED|ECONNRESET|ETIMEDOUT|server closed the connection)/i;

/**
 * True when an error means PostgreSQL could not be reached or did not answer in time (refused,
 * connect timeout, statement_timeout, connection dropped) — not a bug, and nothing was saved.
 * Looks through Prisma's and the driver adapter's wrappers (cause, meta, original code).
 */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (depth > 5 || typeof err !== 'object' || err === null) return false;
  if (err instanceof DatabaseUnavailableError) return true;
  const e = err as { code?: unknown; message?: unknown; cause?: unknown; meta?: unknown; originalCode?: unknown; kind?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && (PRISMA_CODES.has(e.code) || PG_CODES.test(e.code) || NODE_CODES.has(e.code))) return true;
  if (typeof e.originalCode === 'string' && PG_CODES.test(e.originalCode)) return true;
  if (typeof e.kind === 'string' && /^(DatabaseNotReachable|SocketTimeout|ConnectionClosed|TooManyConnections)$/.test(e.kind)) return true;
  if (typeof e.message === 'string' && MESSAGES.test(e.message)) return true;
  if (Array.isArray(e.errors) && e.errors.some((x) => isDatabaseUnavailable(x, depth + 1))) return true;
  return isDatabaseUnavailable(e.cause, depth + 1) || isDatabaseUnavailable(e.meta, depth + 1);
}
