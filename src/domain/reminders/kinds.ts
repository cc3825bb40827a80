import type { MessageKey } from '../../i18n';

/**
 * Every kind of reminder the scheduler plans, described once. The `kind` column of Reminder and
 * Delivery holds these names (never rename one: rows and BullMQ jobs carry it). Each place that
 * handles kinds reads this list or is typed by it, so a new kind here is a compile error until:
 * - the planner plans it (`FOLLOW_UP_PLANNERS` in planner.ts, for `plannedFrom: 'followUp'`);
 * - the delivery composes it (`DeliveryService`'s `bodies` for `sent: 'message'`, with an
 *   `OutboundBody` variant of the same `type` in messages.ts, rendered by src/slack/outbound), or
 *   sends it as a notice (`notices` for `sent: 'notice'`);
 * - the catalogues name it (`label`: `/followup schedule`, failed-delivery notices).
 *
 * `subject` is what the reminder's `subjectId` points at: a closed subject (an achieved goal, a
 * done action, an ended follow-up) cancels what was planned about it.
 */
export interface ReminderKindDescription {
  /** How the person reads the kind ("an evaluation reminder"); null: shown by its name. */
  label: MessageKey | null;
  /** What `subjectId` is. */
  subject: 'followUp' | 'action' | 'goal' | 'person';
  /** Who plans it: the follow-up's planner, the senior's digest, or the use case that creates it once. */
  plannedFrom: 'followUp' | 'digest' | 'once';
  /** A composed DM (OutboundBody) or a one-time lifecycle notice. */
  sent: 'message' | 'notice';
}

export const REMINDER_KINDS = {
  evaluation: { label: 'reminders.kind.evaluation', subject: 'followUp', plannedFrom: 'followUp', sent: 'message' },
  nudge: { label: 'reminders.kind.nudge', subject: 'followUp', plannedFrom: 'followUp', sent: 'message' },
  reflection: { label: 'reminders.kind.reflection', subject: 'followUp', plannedFrom: 'followUp', sent: 'message' },
  action: { label: 'reminders.kind.action', subject: 'action', plannedFrom: 'followUp', sent: 'message' },
  digest: { label: 'reminders.kind.digest', subject: 'person', plannedFrom: 'digest', sent: 'message' },
  /** The one-time notice "the other person left; your follow-up ended" (planned by the lifecycle). */
  left: { label: null, subject: 'person', plannedFrom: 'once', sent: 'notice' },
  /** An unanswered invitation's end after 14 days, told to the inviter (planned by the setup). */
  invite_expiry: { label: null, subject: 'followUp', plannedFrom: 'once', sent: 'notice' },
} as const satisfies Record<string, ReminderKindDescription>;

export type ReminderKind = keyof typeof REMINDER_KINDS;
type Kinds = typeof REMINDER_KINDS;
/** The kinds whose description has `P`. */
export type KindsWhere<P> = { [K in ReminderKind]: Kinds[K] extends P ? K : never }[ReminderKind];

/** Kinds the follow-up's planner plans. */
export type FollowUpKind = KindsWhere<{ plannedFrom: 'followUp' }>;
/** Kinds delivered as a composed message (an OutboundBody of the same type). */
export type MessageKind = KindsWhere<{ sent: 'message' }>;
/** Kinds delivered as a one-time notice. */
export type NoticeKind = KindsWhere<{ sent: 'notice' }>;
/** Kinds about a goal (none today): an achieved or dropped goal cancels them. */
export type GoalSubjectKind = KindsWhere<{ subject: 'goal' }>;

export const LEFT_NOTICE_KIND = 'left' satisfies ReminderKind;
export const INVITE_EXPIRY_KIND = 'invite_expiry' satisfies ReminderKind;

export function isReminderKind(kind: string): kind is ReminderKind {
  return Object.prototype.hasOwnProperty.call(REMINDER_KINDS, kind);
}

export const reminderKinds = Object.keys(REMINDER_KINDS) as ReminderKind[];

/** Kinds whose `subjectId` is a `subject`. */
export function kindsAbout(subject: ReminderKindDescription['subject']): ReminderKind[] {
  return reminderKinds.filter((k) => REMINDER_KINDS[k].subject === subject);
}

/**
 * The catalogue key that names a Reminder's or a Delivery's kind (a delivery of a celebration is
 * `celebration-<what>`, of a notice `notice`); null when it has none (shown by its name).
 */
export function kindLabel(kind: string): MessageKey | null {
  if (kind.startsWith('celebration')) return 'reminders.kind.celebration';
  return isReminderKind(kind) ? REMINDER_KINDS[kind].label : null;
}
