import { isUniqueViolation } from './prisma';

/** What `createOnce` found or made, and whether this call made it. */
export interface Once<T> {
  value: T;
  created: boolean;
}

/**
 * Create-on-first-sight, safe when two requests race: find by the unique key, else create, and
 * when the create loses a race (a unique violation, P2002) find again and return the winner's row.
 * The create must run outside any transaction the find shares (PostgreSQL aborts a transaction on
 * a unique violation). Every "find by key or create" in the app goes through here.
 */
export async function createOnce<T>(find: () => Promise<T | null>, create: () => Promise<T>): Promise<Once<T>> {
  const existing = await find();
  if (existing) return { value: existing, created: false };
  try {
    return { value: await create(), created: true };
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const winner = await find();
    if (winner) return { value: winner, created: false };
    throw err;
  }
}

/**
 * `createOnce` for rows keyed by an optional idempotency key (a modal's view id): with no key the
 * row is simply created.
 */
export async function createOnceByKey<T>(key: string | null, find: (key: string) => Promise<T | null>, create: () => Promise<T>): Promise<Once<T>> {
  if (!key) return { value: await create(), created: true };
  return createOnce(() => find(key), create);
}

/**
 * For Prisma `upsert`s on a compound unique (not atomic: two at once may both try the insert):
 * run once more when the first attempt lost the race; the second finds the row and updates it.
 */
export async function retryOnUniqueViolation<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return work();
  }
}
