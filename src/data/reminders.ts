import type { Db, Prisma, Reminder } from './prisma';

export interface ReminderFields {
  key: string;
  workspaceId: string;
  kind: string;
  recipientId: string;
  subjectId: string;
  followUpId: string | null;
  dueAt: Date;
  payload: Prisma.InputJsonValue;
}

/** Scope of one planning pass: the reminders of a follow-up, or a senior leader's digest. */
export type ReminderScope = { followUpId: string } | { digestOf: string };

export class ReminderRepository {
  constructor(private readonly db: Db) {}

  findByKey(key: string): Promise<Reminder | null> {
    return this.db.reminder.findUnique({ where: { key } });
  }

  findByKeys(keys: string[]): Promise<Reminder[]> {
    if (keys.length === 0) return Promise.resolve([]);
    return this.db.reminder.findMany({ where: { key: { in: keys } } });
  }

  /** Scheduled reminders of a scope. */
  scheduledIn(scope: ReminderScope): Promise<Reminder[]> {
    const where: Prisma.ReminderWhereInput =
      'followUpId' in scope ? { followUpId: scope.followUpId, status: 'SCHEDULED' } : { kind: 'digest', subjectId: scope.digestOf, status: 'SCHEDULED' };
    return this.db.reminder.findMany({ where });
  }

  create(fields: ReminderFields): Promise<Reminder> {
    return this.db.reminder.create({ data: fields });
  }

  /** Moves a still-scheduled reminder (zone, hour or subject changed); null when it is no longer scheduled. */
  async reschedule(key: string, fields: Pick<ReminderFields, 'dueAt' | 'recipientId' | 'payload'>): Promise<boolean> {
    const res = await this.db.reminder.updateMany({ where: { key, status: 'SCHEDULED' }, data: fields });
    return res.count > 0;
  }

  /** Plans again a reminder that was cancelled (its subject came back, e.g. an action re-opened). */
  async revive(key: string, fields: Pick<ReminderFields, 'dueAt' | 'recipientId' | 'payload'>): Promise<boolean> {
    const res = await this.db.reminder.updateMany({ where: { key, status: 'CANCELLED' }, data: { ...fields, status: 'SCHEDULED' } });
    return res.count > 0;
  }

  async cancel(keys: string[]): Promise<number> {
    if (keys.length === 0) return 0;
    const res = await this.db.reminder.updateMany({ where: { key: { in: keys }, status: 'SCHEDULED' }, data: { status: 'CANCELLED' } });
    return res.count;
  }

  /** Cancels every scheduled reminder to a person (they left the workspace); returns their keys. */
  async cancelForRecipient(recipientId: string): Promise<string[]> {
    const rows = await this.db.reminder.findMany({ where: { recipientId, status: 'SCHEDULED' }, select: { key: true } });
    await this.cancel(rows.map((r) => r.key));
    return rows.map((r) => r.key);
  }

  /** Cancels every scheduled reminder about a subject (its `subjectId`: a goal achieved or dropped); returns their keys. */
  async cancelAbout(subjectId: string): Promise<string[]> {
    const rows = await this.db.reminder.findMany({ where: { subjectId, status: 'SCHEDULED' }, select: { key: true } });
    await this.cancel(rows.map((r) => r.key));
    return rows.map((r) => r.key);
  }

  /** Scheduled reminders of one kind about one subject (e.g. the notices that a person left). */
  scheduledAbout(kind: string, subjectId: string): Promise<Reminder[]> {
    return this.db.reminder.findMany({ where: { kind, subjectId, status: 'SCHEDULED' } });
  }

  async markDone(key: string): Promise<void> {
    await this.db.reminder.updateMany({ where: { key, status: 'SCHEDULED' }, data: { status: 'DONE' } });
  }

  /** Scheduled reminders due before `until` (the reconciler's horizon), oldest first. */
  scheduledBefore(until: Date, take: number, afterKey?: string, workspaces?: string[]): Promise<Reminder[]> {
    return this.db.reminder.findMany({
      where: { status: 'SCHEDULED', dueAt: { lte: until }, ...(afterKey ? { key: { gt: afterKey } } : {}), ...(workspaces ? { workspaceId: { in: workspaces } } : {}) },
      orderBy: { key: 'asc' },
      take,
    });
  }

  /** A person's upcoming reminders. */
  upcomingFor(recipientId: string, from: Date, take: number): Promise<Reminder[]> {
    return this.db.reminder.findMany({ where: { recipientId, status: 'SCHEDULED', dueAt: { gte: from } }, orderBy: { dueAt: 'asc' }, take });
  }

  async scheduledFollowUpIds(workspaces?: string[]): Promise<string[]> {
    const rows = await this.db.reminder.findMany({ where: { status: 'SCHEDULED', followUpId: { not: null }, ...(workspaces ? { workspaceId: { in: workspaces } } : {}) }, distinct: ['followUpId'], select: { followUpId: true } });
    return rows.flatMap((r) => (r.followUpId ? [r.followUpId] : []));
  }

  /** Follow-ups that ended or are gone while reminders of theirs are still scheduled (one statement). */
  async endedWithScheduled(workspaces?: string[]): Promise<string[]> {
    const rows = await this.db.$queryRaw<{ followUpId: string }[]>`
      SELECT DISTINCT r."followUpId" FROM "Reminder" r LEFT JOIN "FollowUp" f ON f."id" = r."followUpId"
      WHERE r."status" = 'SCHEDULED' AND r."followUpId" IS NOT NULL AND (f."id" IS NULL OR f."status" <> 'ACTIVE')
        AND (${workspaces ?? null}::text[] IS NULL OR r."workspaceId" = ANY(${workspaces ?? null}::text[]))`;
    return rows.map((r) => r.followUpId);
  }

  /**
   * Senior leaders with an active follow-up and no weekly digest planned (one statement): a digest
   * whose planning was lost (Redis away when the follow-up started, a crash). One due after
   * `recentSince` counts as planned: it has just gone out, and its delivery queues the next.
   */
  async seniorsWithoutDigest(recentSince: Date, workspaces?: string[]): Promise<string[]> {
    const rows = await this.db.$queryRaw<{ seniorId: string }[]>`
      SELECT DISTINCT f."seniorId" FROM "FollowUp" f
      JOIN "Workspace" w ON w."id" = f."workspaceId" JOIN "Person" p ON p."id" = f."seniorId"
      WHERE f."status" = 'ACTIVE' AND w."uninstalledAt" IS NULL AND NOT p."deleted"
        AND (${workspaces ?? null}::text[] IS NULL OR f."workspaceId" = ANY(${workspaces ?? null}::text[]))
        AND NOT EXISTS (
          SELECT 1 FROM "Reminder" r
          WHERE r."kind" = 'digest' AND r."subjectId" = f."seniorId" AND (r."status" = 'SCHEDULED' OR r."dueAt" > ${recentSince}))`;
    return rows.map((r) => r.seniorId);
  }

  /** Scheduled reminders due before `until` whose delivery the ledger shows settled (sent or failed for good) become DONE, in one statement. */
  async markDoneWhereSettled(until: Date, at: Date, workspaces?: string[]): Promise<number> {
    return this.db.$executeRaw`
      UPDATE "Reminder" r SET "status" = 'DONE', "updatedAt" = ${at}
      FROM "Delivery" d
      WHERE d."key" = r."key" AND d."status" <> 'CLAIMED' AND r."status" = 'SCHEDULED' AND r."dueAt" <= ${until}
        AND (${workspaces ?? null}::text[] IS NULL OR r."workspaceId" = ANY(${workspaces ?? null}::text[]))`;
  }

  /** One page (keyset on key) of scheduled reminders due before `until`: only what the job check needs. */
  scheduledKeysBefore(until: Date, take: number, afterKey?: string, workspaces?: string[]): Promise<{ key: string; dueAt: Date; workspaceId: string; recipientId: string }[]> {
    return this.db.reminder.findMany({
      where: { status: 'SCHEDULED', dueAt: { lte: until }, ...(afterKey ? { key: { gt: afterKey } } : {}), ...(workspaces ? { workspaceId: { in: workspaces } } : {}) },
      orderBy: { key: 'asc' },
      take,
      select: { key: true, dueAt: true, workspaceId: true, recipientId: true },
    });
  }
}
