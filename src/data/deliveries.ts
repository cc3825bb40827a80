import crypto from 'node:crypto';
import type { ActionItem, Barrier, Db, Delivery, FollowUp, Person, Reminder, Workspace } from './prisma';
import { isUniqueViolation } from './prisma';
import { Batcher } from '../lib/batch';

/** What a reminder's delivery needs, read with its claim in one statement. */
export interface ClaimedReminder {
  reminder: Reminder;
  /** null: a row with that key exists already (an earlier attempt, or a duplicate job). */
  claimed: Delivery | null;
  recipient: (Person & { workspace: Workspace }) | null;
  action: (ActionItem & { followUp: Pick<FollowUp, 'status'>; barrier: Pick<Barrier, 'description'> | null }) | null;
}

type Row = Record<string, unknown>;

/** to_jsonb gives timestamps and dates as ISO strings: back to Date, as Prisma returns them. */
function withDates<T>(row: Row | null, fields: string[]): T | null {
  if (!row) return null;
  const out: Row = { ...row };
  for (const f of fields) if (typeof out[f] === 'string') out[f] = new Date(out[f] as string);
  return out as T;
}

type ClaimRow = { reminder: Row; person: Row | null; workspace: Row | null; action: Row | null; followUpStatus: string | null; barrier: string | null; claim: Row | null };

function claimedReminderOf(r: ClaimRow): ClaimedReminder {
  const person = withDates<Person>(r.person, ['profileFetchedAt', 'createdAt', 'updatedAt']);
  const workspace = withDates<Workspace>(r.workspace, ['installedAt', 'uninstalledAt', 'tokensRevokedAt', 'updatedAt']);
  const action = withDates<ActionItem>(r.action, ['dueDate', 'snoozedUntil', 'doneAt', 'createdAt']);
  return {
    reminder: withDates<Reminder>(r.reminder, ['dueAt', 'createdAt', 'updatedAt'])!,
    claimed: withDates<Delivery>(r.claim, ['notifiedAt', 'claimedAt', 'sentAt']),
    recipient: person && workspace ? { ...person, workspace } : null,
    action: action && r.followUpStatus ? { ...action, followUp: { status: r.followUpStatus as FollowUp['status'] }, barrier: r.barrier === null ? null : { description: r.barrier } } : null,
  };
}

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

  /**
   * Reads a reminder with its recipient (and workspace) and, for an action reminder, the action item
   * (its follow-up's status and barrier), and claims its delivery when it is scheduled and due by
   * `dueBy`. null when there is no such reminder. The claims of every job of this process that asks
   * at the same moment go as one statement (src/data/batch.ts): one round trip and one commit.
   */
  claimReminder(key: string, at: Date, dueBy: Date): Promise<ClaimedReminder | null> {
    return this.claims.load({ key, at, dueBy });
  }

  private readonly claims = new Batcher<{ key: string; at: Date; dueBy: Date }, ClaimedReminder | null>((asks) => this.claimReminders(asks));

  private async claimReminders(asks: { key: string; at: Date; dueBy: Date }[]): Promise<(ClaimedReminder | null)[]> {
    // The same key twice in one batch (a job run again while it still runs): only the first may get the claim.
    const first = new Map<string, number>();
    asks.forEach((a, i) => { if (!first.has(a.key)) first.set(a.key, i); });
    const unique = [...first.values()].map((i) => asks[i]);
    const keys = unique.map((a) => a.key);
    const ids = unique.map(() => `d${crypto.randomUUID().replace(/-/g, '')}`);
    const ats = unique.map((a) => a.at.toISOString());
    const dueBys = unique.map((a) => a.dueBy.toISOString());
    const rows = await this.db.$queryRaw<(ClaimRow & { key: string })[]>`
      WITH k AS (
        SELECT * FROM unnest(${keys}::text[], ${ids}::text[], ${ats}::timestamptz[], ${dueBys}::timestamptz[]) AS k("key", "id", "at", "dueBy")
      ),
      r AS (SELECT * FROM "Reminder" WHERE "key" = ANY(${keys}::text[])),
      claim AS (
        INSERT INTO "Delivery" ("id", "key", "workspaceId", "kind", "recipientId", "channelId", "status", "attempts", "claimedAt")
        SELECT k."id", r."key", r."workspaceId", r."kind", r."recipientId", NULL, 'CLAIMED', 1, k."at" FROM r JOIN k ON k."key" = r."key"
        WHERE r."status" = 'SCHEDULED' AND r."dueAt" <= k."dueBy"
        ON CONFLICT ("key") DO NOTHING
        RETURNING *
      )
      SELECT r."key", to_jsonb(r) AS "reminder", to_jsonb(p) AS "person", to_jsonb(w) AS "workspace", to_jsonb(a) AS "action",
             f."status"::text AS "followUpStatus", b."description" AS "barrier", (SELECT to_jsonb(c) FROM claim c WHERE c."key" = r."key") AS "claim"
      FROM r
      LEFT JOIN "Person" p ON p."id" = r."recipientId"
      LEFT JOIN "Workspace" w ON w."id" = p."workspaceId"
      LEFT JOIN "ActionItem" a ON r."kind" = 'action' AND a."id" = r."subjectId"
      LEFT JOIN "FollowUp" f ON f."id" = a."followUpId"
      LEFT JOIN "Barrier" b ON b."id" = a."barrierId"`;
    const byKey = new Map(rows.map((r) => [r.key, r]));
    return asks.map((a, i) => {
      const r = byKey.get(a.key);
      if (!r) return null;
      const read = claimedReminderOf(r);
      return first.get(a.key) === i ? read : { ...read, claimed: null };
    });
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

  /**
   * Marks the delivery sent and its reminder done, in one statement, together with the marks of the
   * other jobs of this process finishing at the same moment.
   */
  markSentAndDone(key: string, channelId: string, ts: string, at: Date): Promise<void> {
    return this.marks.load({ key, channelId, ts, at });
  }

  private readonly marks = new Batcher<{ key: string; channelId: string; ts: string; at: Date }, void>(async (marks) => {
    await this.db.$executeRaw`
      WITH v AS (
        SELECT * FROM unnest(${marks.map((m) => m.key)}::text[], ${marks.map((m) => m.channelId)}::text[], ${marks.map((m) => m.ts)}::text[], ${marks.map((m) => m.at.toISOString())}::timestamptz[]) AS v("key", "channelId", "ts", "at")
      ),
      sent AS (
        UPDATE "Delivery" d SET "status" = 'SENT', "channelId" = v."channelId", "messageTs" = v."ts", "sentAt" = v."at", "error" = NULL
        FROM v WHERE d."key" = v."key"
      )
      UPDATE "Reminder" r SET "status" = 'DONE', "updatedAt" = v."at" FROM v WHERE r."key" = v."key" AND r."status" = 'SCHEDULED'`;
    return marks.map(() => undefined);
  });

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
