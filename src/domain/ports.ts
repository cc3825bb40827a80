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
}

export interface SlackGateway {
  /** users.info with include_locale; null when Slack does not know the user. */
  userInfo(userId: string): Promise<SlackUserProfile | null>;
}

/**
 * Things that happened in the domain which the scheduled workflows react to (celebrations,
 * rescheduling or cancelling reminders). Implemented on the producer side (src/jobs) with
 * BullMQ; a no-op when no queue is wired (unit tests). Calls must be idempotent: the same
 * event may be reported twice (Slack retries, two buttons at once).
 */
export interface DomainEvents {
  milestoneDone(milestoneId: string): Promise<void>;
  goalAchieved(goalId: string): Promise<void>;
  /** A follow-up was created, edited or ended: its cadence reminders change. */
  followUpChanged(followUpId: string): Promise<void>;
  /** A goal, evaluation date or action item changed: reschedule or cancel its reminders. */
  subjectChanged(kind: 'goal' | 'evaluation' | 'action' | 'conversation' | 'reflection', subjectId: string): Promise<void>;
  /** A person's zone, language or reminder hour changed: move their pending reminders. */
  personChanged(personId: string): Promise<void>;
}

export const noDomainEvents: DomainEvents = {
  milestoneDone: async () => undefined,
  goalAchieved: async () => undefined,
  followUpChanged: async () => undefined,
  subjectChanged: async () => undefined,
  personChanged: async () => undefined,
};
