import type { Db, Locale, Workspace } from './prisma';

export class WorkspaceRepository {
  constructor(private readonly db: Db) {}

  /** The workspace, created on first sight (INSERT … ON CONFLICT DO NOTHING: safe when requests race). */
  async ensure(id: string): Promise<Workspace> {
    if (!id) throw new Error('a workspace needs a Slack team id');
    await this.db.workspace.createMany({ data: [{ id }], skipDuplicates: true });
    return this.db.workspace.findUniqueOrThrow({ where: { id } });
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

  /** Clears an uninstall or a token revocation; true when the workspace was inactive (a reinstall). */
  async markActive(id: string): Promise<boolean> {
    const res = await this.db.workspace.updateMany({ where: { id, OR: [{ uninstalledAt: { not: null } }, { tokensRevokedAt: { not: null } }] }, data: { uninstalledAt: null, tokensRevokedAt: null } });
    return res.count > 0;
  }

  saveDefaults(
    id: string,
    defaults: { defaultLocale: Locale | null; defaultTimezone: string | null; defaultReminderHour: number; defaultHolidayCountry?: string | null; adminSetupSkipsConsent?: boolean; allowSharedTeamChannels?: boolean },
  ): Promise<Workspace> {
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
