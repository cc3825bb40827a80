import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import type { Db } from './prisma';
import type { TokenCipher } from './tokenCipher';

/** What a Web API caller needs of an installation, without the tokens. */
export interface InstallationSummary {
  id: string;
  teamId: string | null;
  enterpriseId: string | null;
  isEnterpriseInstall: boolean;
  botUserId: string | null;
  botId: string | null;
  scopes: string[];
  keyId: string;
  botTokenExpiresAt: Date | null;
}

const summarySelect = {
  id: true,
  teamId: true,
  enterpriseId: true,
  isEnterpriseInstall: true,
  botUserId: true,
  botId: true,
  scopes: true,
  keyId: true,
  botTokenExpiresAt: true,
} as const;

/** The row key: the enterprise id for an org-wide install, else the team id. */
export function installationId(query: { teamId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean }): string | null {
  if (query.isEnterpriseInstall) return query.enterpriseId ?? null;
  return query.teamId ?? null;
}

/**
 * Bolt's installation store (`@slack/oauth` InstallationStore) on the Installation table. Every
 * token — the bot token, its refresh token, and the whole installation as Bolt hands it over
 * (which may hold a user token) — is encrypted with the TokenCipher before it reaches a column.
 */
export class InstallationRepository implements InstallationStore {
  constructor(
    private readonly db: Db,
    private readonly cipher: TokenCipher,
  ) {}

  async storeInstallation<AuthVersion extends 'v1' | 'v2'>(installation: Installation<AuthVersion, boolean>): Promise<void> {
    const isEnterpriseInstall = installation.isEnterpriseInstall === true;
    const teamId = installation.team?.id ?? null;
    const enterpriseId = installation.enterprise?.id ?? null;
    const id = installationId({ teamId: teamId ?? undefined, enterpriseId: enterpriseId ?? undefined, isEnterpriseInstall });
    if (!id) throw new Error('an installation needs a team id (or an enterprise id for an org-wide install)');
    const bot = installation.bot;
    if (!bot?.token) throw new Error('the installation has no bot token (the app needs the bot scopes)');
    const data = {
      teamId,
      teamName: installation.team?.name ?? null,
      enterpriseId,
      enterpriseName: installation.enterprise?.name ?? null,
      isEnterpriseInstall,
      appId: (installation.appId as string | undefined) ?? null,
      botUserId: bot.userId ?? null,
      botId: bot.id ?? null,
      scopes: bot.scopes ?? [],
      installerUserId: installation.user?.id ?? null,
      encryptedBotToken: this.cipher.encrypt(bot.token),
      encryptedRefreshToken: bot.refreshToken ? this.cipher.encrypt(bot.refreshToken) : null,
      botTokenExpiresAt: bot.expiresAt ? new Date(bot.expiresAt * 1000) : null,
      keyId: this.cipher.currentKeyId,
      payload: this.cipher.encrypt(JSON.stringify(installation)),
    };
    await this.db.installation.upsert({ where: { id }, create: { id, ...data }, update: data });
  }

  /**
   * The installation a request or a job acts with: the workspace's own, else (Grid) the org-wide
   * install of its enterprise. Throws when there is none (Bolt then refuses the request).
   */
  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation<'v1' | 'v2', boolean>> {
    const row = await this.findRow(query);
    if (!row) throw new Error(`no installation for team ${query.teamId ?? '-'} / enterprise ${query.enterpriseId ?? '-'}`);
    const installation = JSON.parse(this.cipher.decrypt(row.payload)) as Installation<'v1' | 'v2', boolean>;
    return installation;
  }

  /** Deletes the installation of a team (or an org-wide one); a second call does nothing. */
  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    const id = installationId(query);
    if (!id) return;
    await this.db.installation.deleteMany({ where: { id } });
  }

  /** The installation row (no tokens) a team acts with. */
  async summary(query: { teamId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean }): Promise<InstallationSummary | null> {
    const row = await this.findRow(query);
    if (!row) return null;
    const { payload: _p, ...summary } = row;
    return summary;
  }

  count(): Promise<number> {
    return this.db.installation.count();
  }

  /**
   * Re-encrypts every stored token with the cipher's current key (after a new key was put first in
   * TOKEN_ENCRYPTION_KEY). Returns how many rows were re-encrypted, how many already were, and the
   * ids of rows encrypted with a key the cipher does not hold (left as they are).
   */
  async reencryptAll(): Promise<{ reencrypted: number; unchanged: number; unreadable: string[] }> {
    const rows = await this.db.installation.findMany({ select: { id: true, keyId: true, encryptedBotToken: true, encryptedRefreshToken: true, payload: true } });
    let reencrypted = 0;
    let unchanged = 0;
    const unreadable: string[] = [];
    for (const row of rows) {
      const ids = [row.encryptedBotToken, row.encryptedRefreshToken, row.payload].filter((v): v is string => v !== null).map((v) => this.cipher.keyIdOf(v));
      if (ids.every((k) => k === this.cipher.currentKeyId)) {
        unchanged += 1;
        continue;
      }
      if (!ids.every((k) => this.cipher.holds(k))) {
        unreadable.push(row.id);
        continue;
      }
      const again = (v: string) => this.cipher.encrypt(this.cipher.decrypt(v));
      // Only the row as read is replaced: a token refreshed meanwhile is left for the next run.
      const res = await this.db.installation.updateMany({
        where: { id: row.id, encryptedBotToken: row.encryptedBotToken },
        data: {
          encryptedBotToken: again(row.encryptedBotToken),
          encryptedRefreshToken: row.encryptedRefreshToken ? again(row.encryptedRefreshToken) : null,
          payload: again(row.payload),
          keyId: this.cipher.currentKeyId,
        },
      });
      reencrypted += res.count;
    }
    return { reencrypted, unchanged, unreadable };
  }

  private async findRow(query: { teamId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean }) {
    const select = { ...summarySelect, payload: true } as const;
    if (query.isEnterpriseInstall) {
      if (!query.enterpriseId) return null;
      return this.db.installation.findUnique({ where: { id: query.enterpriseId }, select });
    }
    if (query.teamId) {
      const own = await this.db.installation.findUnique({ where: { id: query.teamId }, select });
      if (own) return own;
    }
    // A workspace of a Grid organisation where the app was installed org-wide.
    if (query.enterpriseId) {
      const org = await this.db.installation.findUnique({ where: { id: query.enterpriseId }, select });
      if (org?.isEnterpriseInstall) return org;
    }
    return null;
  }
}
