import { WebClient, type WebClientOptions } from '@slack/web-api';
import type { SlackChannelInfo, SlackGateway, SlackUserProfile } from '../domain/ports';

interface ConversationsInfoChannel {
  id?: string;
  is_private?: boolean;
  is_archived?: boolean;
  is_member?: boolean;
  is_ext_shared?: boolean;
  is_pending_ext_shared?: boolean;
}

/** conversations.members pages: 200 a page (Slack's advice), and no more than this many members in all. */
const MEMBERS_PAGE = 200;
const MAX_MEMBERS_READ = 5000;

interface UsersInfoUser {
  id?: string;
  name?: string;
  real_name?: string;
  deleted?: boolean;
  is_admin?: boolean;
  is_bot?: boolean;
  tz?: string;
  locale?: string;
  profile?: { display_name?: string; real_name?: string };
  team_id?: string;
  enterprise_user?: { enterprise_id?: string; is_admin?: boolean; is_owner?: boolean; teams?: string[] };
}

/** users.info through a WebClient; used by the domain to learn a person's zone and language. */
export class WebApiGateway implements SlackGateway {
  constructor(private readonly client: WebClient) {}

  async userInfo(userId: string): Promise<SlackUserProfile | null> {
    try {
      const res = await this.client.users.info({ user: userId, include_locale: true });
      const u = res.user as UsersInfoUser | undefined;
      if (!u) return null;
      return {
        id: u.id ?? userId,
        displayName: u.profile?.display_name || u.name || null,
        realName: u.profile?.real_name || u.real_name || null,
        tz: u.tz ?? null,
        locale: u.locale ?? null,
        isAdmin: u.is_admin ?? false,
        isBot: u.is_bot ?? false,
        deleted: u.deleted ?? false,
        enterprise: u.enterprise_user?.enterprise_id
          ? { id: u.enterprise_user.enterprise_id, isAdminOrOwner: (u.enterprise_user.is_admin ?? false) || (u.enterprise_user.is_owner ?? false), teams: u.enterprise_user.teams ?? (u.team_id ? [u.team_id] : []) }
          : null,
      };
    } catch (err) {
      if (isSlackError(err, 'user_not_found')) return null;
      throw err;
    }
  }

  async channelInfo(channelId: string): Promise<SlackChannelInfo | null> {
    try {
      const res = await this.client.conversations.info({ channel: channelId });
      const c = res.channel as ConversationsInfoChannel | undefined;
      if (!c) return null;
      return {
        id: c.id ?? channelId,
        isPrivate: c.is_private ?? false,
        isArchived: c.is_archived ?? false,
        isMember: c.is_member ?? false,
        isExtShared: (c.is_ext_shared ?? false) || (c.is_pending_ext_shared ?? false),
      };
    } catch (err) {
      if (isSlackError(err, 'channel_not_found')) return null;
      throw err;
    }
  }

  async isChannelMember(channelId: string, userId: string, maxMembers = MAX_MEMBERS_READ): Promise<boolean> {
    let cursor: string | undefined;
    let read = 0;
    do {
      const res = await this.client.conversations.members({ channel: channelId, limit: MEMBERS_PAGE, ...(cursor ? { cursor } : {}) });
      const members = res.members ?? [];
      if (members.includes(userId)) return true;
      read += members.length;
      cursor = res.response_metadata?.next_cursor || undefined;
    } while (cursor && read < maxMembers);
    return false;
  }
}

export function isSlackError(err: unknown, code?: string): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const data = (err as { data?: { error?: string } }).data;
  return code === undefined ? typeof data?.error === 'string' : data?.error === code;
}

export function slackErrorCode(err: unknown): string | null {
  if (typeof err !== 'object' || err === null) return null;
  return (err as { data?: { error?: string } }).data?.error ?? null;
}

/** Options every WebClient of the app shares: the API base URL (tests, proxies, GovSlack). */
export function webClientOptions(apiUrl: string | undefined, extra: WebClientOptions = {}): WebClientOptions {
  return { ...(apiUrl ? { slackApiUrl: apiUrl } : {}), ...extra };
}
