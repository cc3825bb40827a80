import type { Db, PrismaClient } from './prisma';

/** What a purge removed (counts of rows; for the log). */
export interface PurgeCounts {
  followUps: number;
  reminders: number;
  deliveries: number;
  people?: number;
  feedback?: number;
}

/** Deletes what the retention rules say is past its time. The only place that bulk-deletes. */
export class RetentionRepository {
  constructor(private readonly db: Db) {}

  /** Workspaces uninstalled at or before `before` (and not reinstalled since). */
  async uninstalledBefore(before: Date): Promise<{ id: string; uninstalledAt: Date }[]> {
    const rows = await this.db.workspace.findMany({ where: { uninstalledAt: { lte: before } }, select: { id: true, uninstalledAt: true } });
    return rows.flatMap((r) => (r.uninstalledAt ? [{ id: r.id, uninstalledAt: r.uninstalledAt }] : []));
  }

  /**
   * Everything the app holds about a workspace: the workspace row (people, follow-ups and all
   * their records and questions cascade from it; the installation was deleted at the uninstall) and
   * the rows that only carry its id (reminders, the delivery ledger, feedback, agenda picks, audit
   * entries, uploaded chart files, calendar invitations). Only while it is still uninstalled at
   * `stillUninstalledBefore`: a reinstall in the meantime keeps everything. `null`: now, installed or
   * not (the local trial workspace's reset; it has no installation).
   */
  async purgeWorkspace(prisma: PrismaClient, id: string, stillUninstalledBefore: Date | null): Promise<PurgeCounts | null> {
    return prisma.$transaction(async (tx) => {
      const ws = await tx.workspace.findFirst({ where: stillUninstalledBefore ? { id, uninstalledAt: { lte: stillUninstalledBefore } } : { id }, select: { id: true } });
      if (!ws) return null;
      const [reminders, deliveries, feedback] = await Promise.all([
        tx.reminder.deleteMany({ where: { workspaceId: id } }),
        tx.delivery.deleteMany({ where: { workspaceId: id } }),
        tx.feedback.deleteMany({ where: { workspaceId: id } }),
        tx.agendaPick.deleteMany({ where: { workspaceId: id } }),
        tx.auditEntry.deleteMany({ where: { workspaceId: id } }),
        tx.hrPartner.deleteMany({ where: { workspaceId: id } }),
        tx.chartFile.deleteMany({ where: { workspaceId: id } }),
        tx.calendarInvite.deleteMany({ where: { workspaceId: id } }),
      ]);
      const [people, followUps] = await Promise.all([tx.person.count({ where: { workspaceId: id } }), tx.followUp.count({ where: { workspaceId: id } })]);
      await tx.workspace.delete({ where: { id } });
      return { followUps, reminders: reminders.count, deliveries: deliveries.count, people, feedback: feedback.count };
    });
  }

  /** Workspaces that purge ended follow-ups, with their number of days. */
  async endedFollowUpRules(): Promise<{ id: string; days: number }[]> {
    const rows = await this.db.workspace.findMany({ where: { purgeEndedFollowUpsAfterDays: { not: null }, uninstalledAt: null }, select: { id: true, purgeEndedFollowUpsAfterDays: true } });
    return rows.flatMap((r) => (r.purgeEndedFollowUpsAfterDays ? [{ id: r.id, days: r.purgeEndedFollowUpsAfterDays }] : []));
  }

  /** Ended follow-ups of a workspace that ended at or before `before`. */
  async endedBefore(workspaceId: string, before: Date): Promise<string[]> {
    const rows = await this.db.followUp.findMany({ where: { workspaceId, status: 'ENDED', endedAt: { lte: before } }, select: { id: true } });
    return rows.map((r) => r.id);
  }

  /** A follow-up and everything in it (cascade), its reminders and their ledger rows — only if still ended. */
  async purgeFollowUp(prisma: PrismaClient, id: string): Promise<PurgeCounts | null> {
    return prisma.$transaction(async (tx) => {
      const f = await tx.followUp.findFirst({ where: { id, status: 'ENDED' }, select: { id: true } });
      if (!f) return null;
      const reminders = await tx.reminder.findMany({ where: { OR: [{ followUpId: id }, { kind: 'left', payload: { path: ['followUpId'], equals: id } }] }, select: { key: true } });
      const keys = reminders.map((r) => r.key);
      const deliveries = await tx.delivery.deleteMany({ where: { key: { in: keys } } });
      await tx.reminder.deleteMany({ where: { key: { in: keys } } });
      await tx.followUp.delete({ where: { id } });
      return { followUps: 1, reminders: keys.length, deliveries: deliveries.count };
    });
  }

  /** Sets (or clears, with null) a workspace's retention of ended follow-ups. */
  async setEndedFollowUpRetention(workspaceId: string, days: number | null): Promise<void> {
    await this.db.workspace.update({ where: { id: workspaceId }, data: { purgeEndedFollowUpsAfterDays: days } });
  }
}
