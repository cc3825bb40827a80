import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../../src/data/prisma';

/**
 * A Prisma client whose every SQL statement is counted at the pg driver (what the database
 * really receives, including the extra queries an `include` costs).
 */
export function countingPrisma(url: string): { prisma: PrismaClient; queries: () => number; reset: () => void } {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  let count = 0;
  pool.on('connect', (client) => {
    const original = client.query.bind(client);
    const counted = (...args: Parameters<typeof original>) => {
      count += 1;
      return original(...args);
    };
    client.query = counted as typeof client.query;
  });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  return { prisma, queries: () => count, reset: () => (count = 0) };
}
