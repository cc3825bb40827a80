import type { Authorize, AuthorizeResult, AuthorizeSourceData } from '@slack/bolt';
import { InstallProvider } from '@slack/oauth';
import type { Logger as SlackLogger } from '@slack/web-api';
import { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { InstallationRepository } from '../data/installations';
import type { PrismaClient } from '../data/prisma';
import { createTokenCipher } from '../data/tokenCipher';
import { WorkspaceRepository } from '../data/workspaces';
import { webClientOptions } from '../slack/gateway';
import { NoWorkspaceTokenError, WorkspaceClients } from '../slack/clients';
import { renderInstallPage } from './routes';
import { BOT_SCOPES } from './scopes';


/** The workspace of SLACK_BOT_TOKEN, as auth.test tells it. */
interface EnvIdentity {
  teamId?: string;
  enterpriseId?: string;
  botUserId?: string;
  botId?: string;
}

export class AuthorizationRefused extends Error {}

/**
 * Who may call the Web API as which workspace: Bolt's `authorize`, the OAuth installer (Bolt's
 * InstallProvider on the encrypted Prisma installation store), and per-workspace clients for
 * code outside listeners. Used by the web process and by the workers alike.
 */
export interface WorkspaceAccess {
  authorize: Authorize<boolean>;
  clients: WorkspaceClients;
  /** OAuth mode only. */
  installer?: InstallProvider;
  installations?: InstallationRepository;
  /** Calls auth.test for SLACK_BOT_TOKEN once (at start; retried on first use when it fails). */
  warm(): Promise<void>;
  /**
   * The workspace whose data a request of this team uses: the enterprise for a workspace served by
   * an org-wide Grid install (people are identified by user id within the enterprise), else the team.
   */
  workspaceOf(teamId: string): string;
  /** app_uninstalled / tokens_revoked (bot): the stored tokens are deleted; repeated calls do nothing. */
  forgetInstallation(query: { teamId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean }): Promise<void>;
}

export interface AccessDeps {
  config: Config;
  prisma: PrismaClient;
  logger: Logger;
  slackLogger: SlackLogger;
}

export function createWorkspaceAccess(deps: AccessDeps): WorkspaceAccess {
  const { config, logger } = deps;
  const envToken = config.slack.botToken;
  const apiOptions = webClientOptions(config.slack.apiUrl, { retryConfig: { retries: 1 }, timeout: 10_000, logger: deps.slackLogger });
  const workspaces = new WorkspaceRepository(deps.prisma);

  let installer: InstallProvider | undefined;
  let installations: InstallationRepository | undefined;
  if (config.slack.oauth) {
    if (!config.tokenEncryptionKey) throw new Error('TOKEN_ENCRYPTION_KEY is required with OAuth');
    installations = new InstallationRepository(deps.prisma, createTokenCipher(config.tokenEncryptionKey));
    installer = new InstallProvider({
      clientId: config.slack.oauth.clientId,
      clientSecret: config.slack.oauth.clientSecret,
      stateSecret: config.slack.oauth.stateSecret,
      installationStore: installations,
      installUrlOptions: { scopes: [...BOT_SCOPES] },
      renderHtmlForInstallPath: renderInstallPage(config.defaultLocale),
      logger: deps.slackLogger,
      clientOptions: webClientOptions(config.slack.apiUrl, { retryConfig: { retries: 1 }, timeout: 10_000 }),
    });
  }

  // SLACK_BOT_TOKEN: auth.test once, cached (Bolt's single-token mode would call it per request).
  let identity: Promise<EnvIdentity> | null = null;
  const envIdentity = (): Promise<EnvIdentity> => {
    if (!envToken) return Promise.resolve({});
    if (!identity) {
      identity = new WebClient(envToken, apiOptions).auth
        .test()
        .then((r) => ({
          teamId: r.team_id as string | undefined,
          enterpriseId: (r.enterprise_id as string | undefined) || undefined,
          botUserId: r.user_id as string | undefined,
          botId: r.bot_id as string | undefined,
        }))
        .catch((err) => {
          identity = null;
          throw err;
        });
    }
    return identity;
  };

  /** The env token's identity when it belongs to this team; null when it does not (or OAuth answers). */
  const envFor = async (teamId: string): Promise<EnvIdentity | null> => {
    if (!envToken) return null;
    if (!installer) return envIdentity(); // single-workspace: its failure is the request's failure
    const id = await envIdentity().catch((err) => {
      logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'auth.test of SLACK_BOT_TOKEN failed; using stored installations');
      return null;
    });
    return id && id.teamId === teamId ? id : null;
  };

  // Grid: remember which enterprise a workspace belongs to, so the workers can find an org-wide install.
  const notedEnterprise = new Set<string>();
  // Teams served by an org-wide install → their enterprise (learnt in authorize, which runs before any listener).
  const orgScope = new Map<string, string>();
  const noteEnterprise = async (teamId: string, enterpriseId: string | undefined) => {
    if (!enterpriseId || notedEnterprise.has(teamId)) return;
    try {
      await workspaces.setEnterprise(teamId, enterpriseId);
      notedEnterprise.add(teamId);
    } catch (err) {
      logger.warn({ err: err instanceof Error ? err.message : String(err), teamId }, 'could not note the enterprise of a workspace');
    }
  };

  const authorize: Authorize<boolean> = async (source: AuthorizeSourceData<boolean>): Promise<AuthorizeResult> => {
    const teamId = source.teamId;
    if (!teamId) throw new AuthorizationRefused('refused: the request carries no team');
    const env = await envFor(teamId);
    if (env) {
      if (env.teamId !== teamId) throw new AuthorizationRefused(`refused: team ${teamId} is not the workspace of SLACK_BOT_TOKEN`);
      if (source.enterpriseId && env.enterpriseId && env.enterpriseId !== source.enterpriseId) throw new AuthorizationRefused(`refused: enterprise ${source.enterpriseId} is not the one of SLACK_BOT_TOKEN`);
      return { botToken: envToken, botId: env.botId, botUserId: env.botUserId, teamId, enterpriseId: source.enterpriseId ?? env.enterpriseId };
    }
    if (!installer) throw new AuthorizationRefused(`refused: team ${teamId} is not installed`);
    // Bolt's installer: reads the store and refreshes a rotating token that expires within 2 hours.
    const result = await installer.authorize({
      teamId,
      enterpriseId: source.enterpriseId,
      isEnterpriseInstall: source.isEnterpriseInstall,
      userId: source.userId,
      conversationId: source.conversationId,
    });
    if (!result.botToken) throw new AuthorizationRefused(`refused: the installation of team ${teamId} has no bot token`);
    if (result.teamId !== teamId) throw new AuthorizationRefused(`refused: team ${teamId} does not match the installation (team ${result.teamId ?? '-'})`);
    if (source.enterpriseId && result.enterpriseId && result.enterpriseId !== source.enterpriseId) {
      throw new AuthorizationRefused(`refused: enterprise ${source.enterpriseId} does not match the installation (enterprise ${result.enterpriseId})`);
    }
    await noteEnterprise(teamId, result.enterpriseId);
    if (source.isEnterpriseInstall && result.enterpriseId) {
      if (!orgScope.has(teamId)) await noteEnterprise(result.enterpriseId, result.enterpriseId);
      orgScope.set(teamId, result.enterpriseId);
    } else orgScope.delete(teamId);
    return { botToken: result.botToken, botId: result.botId, botUserId: result.botUserId, teamId, enterpriseId: result.enterpriseId };
  };

  const clients = new WorkspaceClients({
    clientOptions: webClientOptions(config.slack.apiUrl),
    enterpriseOf: async (teamId) => (await workspaces.find(teamId))?.enterpriseId ?? null,
    lookup: async (teamId, enterpriseId) => {
      // Single-workspace mode: the one token (requests of other teams never got this far).
      if (!installer) {
        if (envToken) return { botToken: envToken };
        throw new NoWorkspaceTokenError(`no token for team ${teamId}`);
      }
      if (await envFor(teamId)) return { botToken: envToken! };
      try {
        const r = await installer.authorize({ teamId, enterpriseId, isEnterpriseInstall: false });
        if (!r.botToken || r.teamId !== teamId) throw new Error('no bot token');
        return { botToken: r.botToken, botTokenExpiresAt: r.botTokenExpiresAt };
      } catch (err) {
        throw new NoWorkspaceTokenError(`no installation for team ${teamId}: ${err instanceof Error ? err.message : String(err)}`);
      }
    },
  });

  return {
    authorize,
    clients,
    installer,
    installations,
    async warm() {
      if (!envToken) return;
      try {
        await envIdentity();
      } catch (err) {
        logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'auth.test failed at start; will retry on the first request');
      }
    },
    workspaceOf: (teamId) => orgScope.get(teamId) ?? teamId,
    async forgetInstallation(query) {
      if (installations) await installations.deleteInstallation({ teamId: query.teamId, enterpriseId: query.enterpriseId, isEnterpriseInstall: query.isEnterpriseInstall ?? false });
      if (query.isEnterpriseInstall) clients.forget();
      else clients.forget(query.teamId);
      if (query.teamId) notedEnterprise.delete(query.teamId);
      if (query.isEnterpriseInstall) {
        for (const [team, enterprise] of orgScope) if (enterprise === query.enterpriseId) orgScope.delete(team);
      }
    },
  };
}
