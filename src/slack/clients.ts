import { AsyncLocalStorage } from 'node:async_hooks';
import { WebClient, type FilesUploadV2Arguments, type WebAPICallResult, type WebClientOptions } from '@slack/web-api';

/**
 * Web API clients that carry the token of the workspace they act for.
 *
 * - In a listener, Bolt's own `client` already holds the token that `authorize` returned.
 * - `requestScopedClient` is the app's shared client (`ctx.web`): each call takes the token of the
 *   request being handled (set by a global middleware from Bolt's context), so code that still
 *   uses the shared client answers each workspace with its own token.
 * - `WorkspaceClients.forTeam` is for code outside listeners (workers, jobs): a client bound to one
 *   workspace, whose token is looked up (and refreshed before use when Slack rotates it) per call.
 */

/** What a request is authorised as (Bolt's context after `authorize`). */
export interface RequestScope {
  botToken?: string;
  teamId?: string;
  enterpriseId?: string;
}

export const requestScope = new AsyncLocalStorage<RequestScope>();

/** A WebClient whose token is resolved per call (the options' own `token` wins). */
export class TokenResolvingClient extends WebClient {
  constructor(
    private readonly resolveToken: () => Promise<string> | string,
    options: WebClientOptions = {},
  ) {
    super(undefined, options);
  }

  override async apiCall(method: string, options: Record<string, unknown> = {}): Promise<WebAPICallResult> {
    if (options.token || method === 'files.uploadV2') return super.apiCall(method, options);
    return super.apiCall(method, { ...options, token: await this.resolveToken() });
  }

  override async filesUploadV2(options: FilesUploadV2Arguments): ReturnType<WebClient['filesUploadV2']> {
    if (options.token) return super.filesUploadV2(options);
    return super.filesUploadV2({ ...options, token: await this.resolveToken() } as FilesUploadV2Arguments);
  }
}

export class NoWorkspaceTokenError extends Error {}

/** The shared client: the current request's token, else the environment's (single-workspace mode). */
export function requestScopedClient(fallbackToken: string | undefined, options: WebClientOptions): WebClient {
  return new TokenResolvingClient(() => {
    const token = requestScope.getStore()?.botToken ?? fallbackToken;
    if (!token) throw new NoWorkspaceTokenError('no workspace token: this Web API call was made outside a Slack request (use WorkspaceClients.forTeam)');
    return token;
  }, options);
}

/** The token of one workspace, as the installation store (or the environment) has it. */
export interface WorkspaceToken {
  botToken: string;
  /** When Slack rotates the token: its expiry (seconds since the epoch). */
  botTokenExpiresAt?: number;
}

export interface WorkspaceClientsOptions {
  /** Looks up (and refreshes before use) a workspace's token; throws when it has none. */
  lookup(teamId: string, enterpriseId: string | undefined): Promise<WorkspaceToken>;
  /** The enterprise a workspace belongs to, when the caller does not know it (Grid org installs). */
  enterpriseOf?(teamId: string): Promise<string | null>;
  clientOptions: WebClientOptions;
  /** How long a looked-up token is reused before the store is asked again. Default 60 s. */
  cacheMs?: number;
  /**
   * A cached token is not handed out closer than this to its expiry: it is looked up again, and
   * the store (Bolt's installer) refreshes it, which it does within 2 hours of expiry. Default 5 min.
   */
  refreshWindowMs?: number;
  now?: () => number;
}

interface CachedToken {
  token: Promise<WorkspaceToken>;
  validUntil: number;
}

export class WorkspaceClients {
  private readonly cache = new Map<string, CachedToken>();
  private readonly clients = new Map<string, WebClient>();

  constructor(private readonly options: WorkspaceClientsOptions) {}

  /** A client bound to one workspace (cached); each call uses its current token. */
  async forTeam(teamId: string, enterpriseId?: string): Promise<WebClient> {
    const client = this.clientFor(teamId, enterpriseId);
    await this.tokenFor(teamId, enterpriseId);
    return client;
  }

  /** Like forTeam, without waiting: the token is looked up at the first call. */
  clientFor(teamId: string, enterpriseId?: string, options?: WebClientOptions): WebClient {
    const key = `${teamId}|${enterpriseId ?? ''}|${options ? JSON.stringify(options) : ''}`;
    let client = this.clients.get(key);
    if (!client) {
      client = new TokenResolvingClient(() => this.tokenFor(teamId, enterpriseId), { ...this.options.clientOptions, ...options });
      this.clients.set(key, client);
    }
    return client;
  }

  /** The workspace's bot token, refreshed before use when it is about to expire. */
  async tokenFor(teamId: string, enterpriseId?: string): Promise<string> {
    const now = (this.options.now ?? Date.now)();
    const hit = this.cache.get(teamId);
    if (hit && hit.validUntil > now) return (await hit.token).botToken;
    const token = (async () => {
      const enterprise = enterpriseId ?? (await this.options.enterpriseOf?.(teamId)) ?? undefined;
      return this.options.lookup(teamId, enterprise);
    })();
    const entry: CachedToken = { token, validUntil: now + (this.options.cacheMs ?? 60_000) };
    this.cache.set(teamId, entry);
    try {
      const found = await token;
      if (found.botTokenExpiresAt !== undefined) {
        const refreshAt = found.botTokenExpiresAt * 1000 - (this.options.refreshWindowMs ?? 5 * 60_000);
        entry.validUntil = Math.min(entry.validUntil, refreshAt);
      }
      return found.botToken;
    } catch (err) {
      if (this.cache.get(teamId) === entry) this.cache.delete(teamId);
      throw err;
    }
  }

  /** Forgets a workspace's token (after an uninstall, a revocation or a reinstall). */
  forget(teamOrEnterpriseId?: string): void {
    if (teamOrEnterpriseId === undefined) this.cache.clear();
    else this.cache.delete(teamOrEnterpriseId);
  }
}
