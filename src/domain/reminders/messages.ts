import { DateTime } from 'luxon';
import type { Locale } from '../../i18n';
import { dateFormatter, type DateFormatter } from '../../i18n/dates';
import type { IsoDay } from '../../time/dates';
import type { Posted } from '../ports';

/**
 * View models of the messages the workflows send. The domain fills them from the database;
 * src/slack/outbound/render.ts renders them (the domain never builds Block Kit).
 */
export interface GoalProgress {
  title: string;
  progress: number | null;
}

export type OutboundBody =
  | { type: 'evaluation'; phase: 'before' | 'day'; evaluationOn: IsoDay; asSenior: boolean; otherUserId: string; leaderUserId: string; goals: GoalProgress[] }
  | { type: 'nudge'; leaderUserId: string; since: IsoDay; days: number }
  | { type: 'reflection'; seniorUserId: string; leaderUserId: string; promptIndex: number }
  | { type: 'action'; actionId: string; what: string; dueDay: IsoDay; overdue: boolean; barrier: string | null }
  | { type: 'digest'; weekOf: IsoDay; leaders: DigestLeader[] }
  | {
      type: 'celebration';
      what: 'milestone' | 'goal';
      leaderUserId: string;
      goalTitle: string;
      milestoneTitle: string | null;
      startedOn: IsoDay;
      baseline: number | null;
      current: number | null;
      target: number | null;
      unit: string | null;
      milestonesDone: number;
      milestonesTotal: number;
    }
  | { type: 'notice'; reason: string; channelId: string | null; recipientUserId: string | null; failedKind: string };

export interface DigestLeader {
  userId: string;
  goals: GoalProgress[];
  checkIns: number;
  conversations: number;
  openBarriers: number;
  overdueActions: number;
}

export interface OutboundMessage {
  /** Delivery key, carried in message metadata so a taken-over claim can find an earlier post. */
  key: string;
  locale: Locale;
  /** Reader's zone, for date fallbacks. */
  zone: string;
  /**
   * When the message was composed (ISO instant, from the injected Clock). A bokmål reader's dates
   * read relative to it ("i morgen", "torsdag"); without it they are written in full.
   */
  composedAt?: string;
  body: OutboundBody;
}

/**
 * The dates of a message as its reader reads them (src/i18n/dates.ts): written out in bokmål
 * ("i morgen", "3. desember", "uke 49"), Slack date tokens with an English fallback in English.
 * Renderers use this for every date of an OutboundBody, and `week(body.weekOf)` for the digest header.
 */
export function messageDates(message: Pick<OutboundMessage, 'locale' | 'zone' | 'composedAt'>): DateFormatter {
  const now = message.composedAt ? DateTime.fromISO(message.composedAt, { setZone: true }) : null;
  return dateFormatter({ locale: message.locale, zone: message.zone, now: now && now.isValid ? now : null });
}

/** Sends rendered messages to Slack. Implemented in src/slack/outbound/messenger.ts. */
export interface Messenger {
  /** A direct message to a person (conversations.open, cached on the person). */
  toPerson(person: { id: string; slackUserId: string; dmChannelId: string | null }, message: OutboundMessage): Promise<Posted>;
  /** A message in a channel; a public channel the app is not in is joined first. */
  toChannel(channelId: string, message: OutboundMessage): Promise<Posted>;
  /** The ts of a message already posted with this key since `since`, if Slack can tell. */
  findPosted(channelId: string, key: string, since: Date): Promise<string | null>;
}

/** A one-time lifecycle notice: the other person of a follow-up left, so it ended. */
export interface LeftNotice {
  key: string;
  locale: Locale;
  leftUserId: string;
  /** The role of the person who left, in the follow-up with the reader. */
  leftRole: 'senior' | 'leader';
}

/** The invitation to follow up `leaderUserId` expired unanswered (to the inviter). */
export interface InvitationExpiredNotice {
  key: string;
  locale: Locale;
  leaderUserId: string;
}

/** Sends lifecycle notices (plain text, with the delivery key as metadata). Implemented in src/slack/outbound/notices.ts. */
export interface NoticeMessenger {
  personLeft(person: { id: string; workspaceId: string; slackUserId: string; dmChannelId: string | null }, notice: LeftNotice): Promise<Posted>;
  invitationExpired(person: { id: string; workspaceId: string; slackUserId: string; dmChannelId: string | null }, notice: InvitationExpiredNotice): Promise<Posted>;
}
