import type { Db, Locale, Workspace } from './prisma';

export class WorkspaceRepository {
  constructor(private readonly db: Db) {}

  ensure(id: string): Promise<Workspace> {
    return this.db.workspace.upsert({ where: { id }, create: { id }, update: {} });
  }

  find(id: string): Promise<Workspace | null> {
    return this.db.workspace.findUnique({ where: { id } });
  }

  markUninstalled(id: string, at: Date): Promise<unknown> {
    return this.db.workspace.updateMany({ where: { id }, data: { uninstalledAt: at } });
  }

  markTokensRevoked(id: string, at: Date): Promise<unknown> {
    return this.db.workspace.updateMany({ where: { id }, data: { tokensRevokedAt: at } });
  }

  markActive(id: string): Promise<unknown> {
    return this.db.workspace.updateMany({ where: { id, OR: [{ uninstalledAt: { not: null } }, { tokensRevokedAt: { not: null } }] }, data: { uninstalledAt: null, tokensRevokedAt: null } });
  }

  saveDefaults(
    id: string,
    defaults: { defaultLocale: Locale | null; defaultTimezone: string | null; defaultReminderHour: number; defaultHolidayCountry?: string | null },
  ): Promise<Workspace> {
    return this.db.workspace.update({ where: { id }, data: defaults });
  }
}
