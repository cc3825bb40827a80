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

  saveDefaults(id: string, defaults: { defaultLocale: Locale | null; defaultTimezone: string | null; defaultReminderHour: number }): Promise<Workspace> {
    return this.db.workspace.update({ where: { id }, data: defaults });
  }

  /** Grid: the enterprise a workspace belongs to (as Slack sends it); the workspace row is made if new. */
  async setEnterprise(id: string, enterpriseId: string): Promise<void> {
    await this.db.workspace.createMany({ data: [{ id, enterpriseId }], skipDuplicates: true });
    await this.db.workspace.updateMany({ where: { id, OR: [{ enterpriseId: null }, { enterpriseId: { not: enterpriseId } }] }, data: { enterpriseId } });
  }

  /** After a (re)install: the workspace — or every workspace of an org-wide install — is in use again. */
  reactivate(query: { teamId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean }): Promise<unknown> {
    const where = query.isEnterpriseInstall ? { OR: [{ id: query.enterpriseId ?? '' }, { enterpriseId: query.enterpriseId ?? '' }] } : { id: query.teamId ?? '' };
    return this.db.workspace.updateMany({ where, data: { uninstalledAt: null, tokensRevokedAt: null } });
  }
}
