import type { Db, Locale, Person } from './prisma';

export interface ProfileUpdate {
  displayName?: string | null;
  realName?: string | null;
  slackTz?: string | null;
  slackLocale?: string | null;
  isAdmin?: boolean;
  isBot?: boolean;
  deleted?: boolean;
}

export class PersonRepository {
  constructor(private readonly db: Db) {}

  find(workspaceId: string, slackUserId: string): Promise<Person | null> {
    return this.db.person.findUnique({ where: { workspaceId_slackUserId: { workspaceId, slackUserId } } });
  }

  /** The person with their workspace, in one query (the hot path of every request). */
  findWithWorkspace(workspaceId: string, slackUserId: string) {
    return this.db.person.findUnique({ where: { workspaceId_slackUserId: { workspaceId, slackUserId } }, include: { workspace: true } });
  }

  findById(id: string): Promise<Person | null> {
    return this.db.person.findUnique({ where: { id } });
  }

  findManyByIds(ids: string[]): Promise<Person[]> {
    return this.db.person.findMany({ where: { id: { in: ids } } });
  }

  /**
   * The person, created on first sight. INSERT … ON CONFLICT DO NOTHING then read: two first
   * requests at once (App Home and /followup, a double click) make one row and both succeed
   * (Prisma's upsert on a compound unique is not atomic).
   */
  async ensure(workspaceId: string, slackUserId: string): Promise<Person> {
    await this.db.person.createMany({ data: [{ workspaceId, slackUserId }], skipDuplicates: true });
    return this.db.person.findUniqueOrThrow({ where: { workspaceId_slackUserId: { workspaceId, slackUserId } } });
  }

  /**
   * Claims a person's export at `now` unless they exported after `notBefore` (one statement, so two
   * requests at once claim it once). Null when claimed; else the time of the export that holds it.
   */
  async claimExport(id: string, now: Date, notBefore: Date): Promise<Date | null> {
    const res = await this.db.person.updateMany({ where: { id, OR: [{ lastExportAt: null }, { lastExportAt: { lte: notBefore } }] }, data: { lastExportAt: now } });
    if (res.count > 0) return null;
    const row = await this.db.person.findUnique({ where: { id }, select: { lastExportAt: true } });
    return row?.lastExportAt ?? now;
  }

  saveProfile(id: string, profile: ProfileUpdate, fetchedAt: Date): Promise<Person> {
    return this.db.person.update({ where: { id }, data: { ...profile, profileFetchedAt: fetchedAt } });
  }

  /** Marks a person deleted (deactivated in Slack); true when they were not already. */
  async markDeleted(id: string, at: Date): Promise<boolean> {
    const res = await this.db.person.updateMany({ where: { id, deleted: false }, data: { deleted: true, profileFetchedAt: at } });
    return res.count > 0;
  }

  saveDmChannel(id: string, dmChannelId: string): Promise<Person> {
    return this.db.person.update({ where: { id }, data: { dmChannelId } });
  }

  saveSettings(
    id: string,
    settings: { localeOverride?: Locale | null; tzOverride?: string | null; reminderHour?: number | null; workingDays?: number[]; holidayCountry?: string | null },
  ): Promise<Person> {
    return this.db.person.update({ where: { id }, data: settings });
  }

  /** Ids of every person the app knows in a workspace (for moving their reminders). */
  async idsInWorkspace(workspaceId: string): Promise<string[]> {
    const rows = await this.db.person.findMany({ where: { workspaceId, deleted: false, isBot: false }, select: { id: true } });
    return rows.map((r) => r.id);
  }
}
