/** What the domain needs from Slack, and nothing more. Implemented in src/slack/gateway.ts. */
export interface SlackUserProfile {
  id: string;
  displayName: string | null;
  realName: string | null;
  tz: string | null;
  locale: string | null;
  isAdmin: boolean;
  isBot: boolean;
  deleted: boolean;
  /** Enterprise Grid: the organisation, whether the person is its admin or owner, and their workspaces. */
  enterprise?: { id: string; isAdminOrOwner: boolean; teams: string[] } | null;
}

/** What conversations.info tells the app about a channel (with the workspace's token). */
export interface SlackChannelInfo {
  id: string;
  isPrivate: boolean;
  isArchived: boolean;
  /** The app (its bot user) is a member. */
  isMember: boolean;
  /** Shared with another organisation (Slack Connect), or an invitation to share it is pending. */
  isExtShared: boolean;
}

export interface SlackGateway {
  /** users.info with include_locale; null when Slack does not know the user. */
  userInfo(userId: string): Promise<SlackUserProfile | null>;
  /** conversations.info; null when the app cannot see the channel in this workspace (channel_not_found). */
  channelInfo(channelId: string): Promise<SlackChannelInfo | null>;
  /**
   * Whether a person is a member of a channel (conversations.members, paged). Reads at most
   * `maxMembers` members; false when the person is not among them.
   */
  isChannelMember(channelId: string, userId: string, maxMembers?: number): Promise<boolean>;
}

/** Where domain events go (src/domain/events.ts: the union, the handlers, the sink). */
export { noDomainEvents, type DomainEvents } from './events';

/**
 * The producer side of the queues (src/jobs), as the domain sees it. Every call is idempotent:
 * a job's id is the reminder key, so scheduling twice adds one job.
 */
/** Whom a reminder goes to, in which workspace (the pacer's workspace budget and DM channel). */
export interface ReminderRoute {
  workspaceId: string;
  recipientId: string;
}

export interface JobScheduler {
  /**
   * Adds the job of a reminder due at `dueAt`; `moved` replaces an existing job with the new time
   * (and route). The route rides on the job so that its posting slot is asked for before any
   * database work: a job that must wait for its slot costs PostgreSQL nothing.
   */
  scheduleReminder(key: string, dueAt: Date, moved: boolean, route: ReminderRoute): Promise<void>;
  unscheduleReminder(key: string): Promise<void>;
  /** True when Redis holds a waiting, delayed or active job for the key. */
  hasReminderJob(key: string): Promise<boolean>;
  /** The keys among these that have no waiting, delayed or active job (one pipelined batch). */
  missingReminderJobs(keys: string[]): Promise<string[]>;
  scheduleCelebration(kind: 'milestone' | 'goal', id: string): Promise<void>;
  /** Re-plans a follow-up (or a digest) a little later, once however often it is asked (after a delivery burst). */
  scheduleReplan(scope: { followUpId: string } | { seniorId: string }, delayMs: number): Promise<void>;
}

export const noJobScheduler: JobScheduler = {
  scheduleReminder: async () => undefined,
  unscheduleReminder: async () => undefined,
  hasReminderJob: async () => false,
  missingReminderJobs: async (keys) => keys,
  scheduleCelebration: async () => undefined,
  scheduleReplan: async () => undefined,
};

/** Where a message went. */
export interface Posted {
  channelId: string;
  ts: string;
}

/** Slack asked us to slow down: the whole queue waits `retryAfterMs`. */
export class DeliveryRateLimited extends Error {
  constructor(public readonly retryAfterMs: number) {
    super(`rate limited for ${retryAfterMs} ms`);
  }
}

/** Slack refused for good (channel_not_found, not_in_channel, account_inactive, is_archived…): no retry. */
export class DeliveryRejected extends Error {
  constructor(public readonly code: string) {
    super(`delivery rejected: ${code}`);
  }
}

/** Errors that will not get better by retrying. */
export const PERMANENT_SLACK_ERRORS = new Set([
  'channel_not_found',
  'not_in_channel',
  'account_inactive',
  'is_archived',
  'user_not_found',
  'user_disabled',
  'cannot_dm_bot',
  'invalid_auth',
  'token_revoked',
  'account_disabled',
  'restricted_action',
]);

/**
 * Paces posts to Slack's limits, shared by every worker process: a workspace-wide posting budget
 * and about one message per second per channel. Keyed by workspace (team) id.
 */
export interface SendPacer {
  /**
   * Reserves the next free slot for one post of `ticket` (a delivery key) to `channel` in
   * `workspaceId`. Returns 0 when it may post now, else how many ms to wait. Asking again with the
   * same ticket returns the same slot (the job comes back at its time and posts without queueing again).
   */
  reserve(ticket: string, workspaceId: string, channel: string): Promise<number>;
  /** Slack answered 429 with Retry-After for this workspace: nothing more is posted there before it ends. */
  penalize(workspaceId: string, retryAfterMs: number): Promise<void>;
}

export const unpaced: SendPacer = {
  reserve: async () => 0,
  penalize: async () => undefined,
};
