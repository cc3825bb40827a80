import type { Db, Delivery } from './prisma';
import { isUniqueViolation } from './prisma';

export interface ClaimFields {
  key: string;
  workspaceId: string;
  kind: string;
  recipientId: string | null;
  channelId: string | null;
}

/**
 * The ledger of messages the app sends on its own. A delivery is claimed (unique key) before the
 * post and marked sent with the message ts after, so that a retried or duplicated job stops.
 */
export class DeliveryRepository {
  constructor(private readonly db: Db) {}

  find(key: string): Promise<Delivery | null> {
    return this.db.delivery.findUnique({ where: { key } });
  }

  findMany(keys: string[]): Promise<Delivery[]> {
    if (keys.length === 0) return Promise.resolve([]);
    return this.db.delivery.findMany({ where: { key: { in: keys } } });
  }

  /** Creates the claim; null when a row with that key exists already. */
  async claim(fields: ClaimFields, at: Date): Promise<Delivery | null> {
    try {
      return await this.db.delivery.create({ data: { ...fields, status: 'CLAIMED', claimedAt: at } });
    } catch (err) {
      if (isUniqueViolation(err)) return null;
      throw err;
    }
  }

  /** Takes over a claim left by an attempt that died, if nobody else did meanwhile. */
  async takeOver(key: string, previousAttempts: number): Promise<boolean> {
    const res = await this.db.delivery.updateMany({
      where: { key, status: 'CLAIMED', attempts: previousAttempts },
      data: { attempts: previousAttempts + 1 },
    });
    return res.count > 0;
  }

  /** Gives a claim back when the post certainly did not happen (429, 5xx): the retry claims again. */
  async release(key: string, attempts: number): Promise<void> {
    await this.db.delivery.deleteMany({ where: { key, status: 'CLAIMED', attempts } });
  }

  async markSent(key: string, channelId: string, ts: string, at: Date): Promise<void> {
    await this.db.delivery.update({ where: { key }, data: { status: 'SENT', channelId, messageTs: ts, sentAt: at, error: null } });
  }

  /** Marks the delivery sent and its reminder done, in one statement. */
  async markSentAndDone(key: string, channelId: string, ts: string, at: Date): Promise<void> {
    await this.db.$executeRaw`
      WITH sent AS (
        UPDATE "Delivery" SET "status" = 'SENT', "channelId" = ${channelId}, "messageTs" = ${ts}, "sentAt" = ${at}, "error" = NULL
        WHERE "key" = ${key}
      )
      UPDATE "Reminder" SET "status" = 'DONE', "updatedAt" = ${at} WHERE "key" = ${key} AND "status" = 'SCHEDULED'`;
  }

  async markFailed(key: string, reason: string, channelId: string | null): Promise<void> {
    await this.db.delivery.update({ where: { key }, data: { status: 'FAILED', error: reason, ...(channelId ? { channelId } : {}) } });
  }

  /** True for the one caller that gets to tell someone about this failure. */
  async claimNotice(key: string, at: Date): Promise<boolean> {
    const res = await this.db.delivery.updateMany({ where: { key, status: 'FAILED', notifiedAt: null }, data: { notifiedAt: at } });
    return res.count > 0;
  }

  /** Failed deliveries that concern a senior leader's follow-ups, newest first. */
  failedFor(workspaceId: string, recipientIds: string[], take = 20): Promise<Delivery[]> {
    return this.db.delivery.findMany({
      where: { workspaceId, status: 'FAILED', recipientId: { in: recipientIds } },
      orderBy: { claimedAt: 'desc' },
      take,
    });
  }

  countFailedFor(workspaceId: string, recipientIds: string[]): Promise<number> {
    return this.db.delivery.count({ where: { workspaceId, status: 'FAILED', recipientId: { in: recipientIds } } });
  }
}
