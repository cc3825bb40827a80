import { DateTime } from 'luxon';
import type { Logger } from 'pino';
import type { Repositories } from '../../data';
import type { ClaimedReminder, ClaimFields } from '../../data/deliveries';
import type { Delivery, Person, Reminder, Workspace } from '../../data/prisma';
import { localeFromSlack, type Locale } from '../../i18n';
import type { Clock } from '../../time/clock';
import { dateToDay, dayToDate, daysBetween, type IsoDay } from '../../time/dates';
import { localDay } from '../../time/rules';
import { celebrationBody, celebrationKey, celebrationLocale, type CelebrationKind } from '../celebrations';
import { progressOf } from '../goals/progress';
import { DeliveryRateLimited, DeliveryRejected, type JobScheduler, type Posted, type ReminderRoute, type SendPacer } from '../ports';
import { scheduleOf, type SchedulingDefaults } from '.';
import type { Messenger, NoticeMessenger, OutboundBody, OutboundMessage } from './messages';
import { PERSON_GONE_ERRORS } from '../lifecycle';
import { isReminderKind, REMINDER_KINDS, type MessageKind, type NoticeKind } from './kinds';

export interface DeliveryHooks {
  /** Sends the notice "the other person left" (kind `left`). */
  notices?: NoticeMessenger;
  /** A post was refused because the person is gone (account_inactive, user_not_found): they left. */
  personGone?(workspaceId: string, slackUserId: string, code: string): Promise<void>;
}

export interface DeliveryDefaults extends SchedulingDefaults {
  locale: Locale;
  /** After a delivery, the series' next occurrence is planned this much later (default 10 minutes). */
  replanDelayMs?: number;
}

export type DeliveryOutcome =
  | { status: 'sent'; posted: Posted }
  /** Already sent (or failed) by an earlier attempt: nothing posted now. */
  | { status: 'already' }
  /** Not due, cancelled, or its subject is gone. */
  | { status: 'skipped'; reason: string }
  /** The job ran before the reminder's time (it was moved later): run it again at `dueAt`. */
  | { status: 'early'; dueAt: Date }
  /** The workspace's posting budget (or a Retry-After) says later: run it again in `waitMs`. */
  | { status: 'paced'; waitMs: number }
  | { status: 'failed'; reason: string };

/**
 * After a delivery, the series' next occurrence is planned later, outside the burst: every next
 * occurrence is at least a day away (next working day, next cadence period, next week), and the
 * hourly full reconcile plans it too if this job is lost.
 */
const REPLAN_DELAY_MS = 10 * 60_000;

/** The pacer's lane of a person's DM (each DM is its own channel: ≈1 post/s). */
const dmLane = (recipientId: string) => `dm-${recipientId}`;

/** A job that runs at most this early is delivered (clock skew between processes). */
const EARLY_TOLERANCE_MS = 1000;

type PersonWithWorkspace = Person & { workspace: Workspace };
type ActionWithFollowUp = NonNullable<ClaimedReminder['action']>;
/** What a message kind's body is composed from. */
interface BodyFacts {
  r: Reminder;
  recipient: PersonWithWorkspace;
  action: ActionWithFollowUp | null;
  payload: Record<string, string>;
  today: IsoDay;
}

/**
 * Sends what the scheduler planned, exactly once: a unique Delivery row is claimed before the
 * post and marked sent (with the message ts) after. A retried or duplicated job finds the row and
 * stops; a claim left by a process that died is taken over only after asking Slack whether the
 * message was already posted.
 */
export class DeliveryService {
  constructor(
    private readonly repos: Repositories,
    /** The messenger of a workspace: it posts with that workspace's token. */
    private readonly messengers: (workspaceId: string) => Messenger,
    private readonly jobs: JobScheduler,
    private readonly clock: Clock,
    private readonly defaults: DeliveryDefaults,
    private readonly logger: Logger,
    private readonly hooks: DeliveryHooks = {},
    /** Paces posts to Slack's limits per workspace and channel; without it a 429 is left to the queue. */
    private readonly pacer?: SendPacer,
  ) {}

  /**
   * Waits for a posting slot of the workspace (and channel), then runs `deliver`; a 429 pauses that
   * workspace only (Retry-After) and the job comes back after it.
   */
  private async paced(ticket: string, workspaceId: string, channel: string, deliver: () => Promise<DeliveryOutcome>, onHold?: () => Promise<void>, granted = false): Promise<DeliveryOutcome> {
    if (!this.pacer) return deliver();
    const waitMs = granted ? 0 : await this.pacer.reserve(ticket, workspaceId, channel);
    if (waitMs > 0) {
      await onHold?.();
      return { status: 'paced', waitMs };
    }
    try {
      return await deliver();
    } catch (err) {
      if (!(err instanceof DeliveryRateLimited)) throw err;
      this.logger.warn({ workspaceId, retryAfterMs: err.retryAfterMs }, 'Slack rate limit: pausing this workspace');
      await this.pacer.penalize(workspaceId, err.retryAfterMs);
      return { status: 'paced', waitMs: err.retryAfterMs };
    }
  }

  localeOf(person: Person, workspace: Workspace | null): Locale {
    return person.localeOverride ?? localeFromSlack(person.slackLocale, workspace?.defaultLocale ?? this.defaults.locale);
  }

  /** Posts once under `fields.key`; `send` is only called by the holder of the claim. */
  async once(
    fields: ClaimFields,
    send: () => Promise<Posted>,
    channelForLookup: () => string | null,
    reminderKey?: string,
    /** A claim already attempted by the caller (made while it read what to send). */
    claimed?: Delivery | null,
  ): Promise<DeliveryOutcome> {
    const now = this.clock.now().toJSDate();
    let claim = claimed !== undefined ? claimed : await this.repos.deliveries.claim(fields, now);
    if (!claim) {
      const existing = await this.repos.deliveries.find(fields.key);
      if (!existing) claim = await this.repos.deliveries.claim(fields, now);
      else if (existing.status !== 'CLAIMED') return { status: 'already' };
      else {
        // An earlier attempt claimed it and did not finish (crash, timeout, 5xx): take it over.
        if (!(await this.repos.deliveries.takeOver(fields.key, existing.attempts))) throw new Error(`delivery ${fields.key} is being taken over by another worker`);
        const channel = existing.channelId ?? channelForLookup();
        const ts = channel ? await this.messengers(fields.workspaceId).findPosted(channel, fields.key, existing.claimedAt) : null;
        if (ts && channel) {
          await this.repos.deliveries.markSent(fields.key, channel, ts, now);
          this.logger.info({ key: fields.key }, 'an earlier attempt had posted; recorded it without posting again');
          return { status: 'already' };
        }
        claim = { ...existing, attempts: existing.attempts + 1 };
      }
      if (!claim) return { status: 'already' };
    }
    let posted: Posted;
    try {
      posted = await send();
    } catch (err) {
      if (err instanceof DeliveryRateLimited) {
        // Certainly not posted: give the claim back so the retry claims it afresh.
        await this.repos.deliveries.release(fields.key, claim.attempts);
        throw err;
      }
      if (err instanceof DeliveryRejected) {
        await this.repos.deliveries.markFailed(fields.key, err.code, fields.channelId);
        return { status: 'failed', reason: err.code };
      }
      // Unknown outcome (5xx, network): keep the claim; the retry asks Slack before posting again.
      throw err;
    }
    if (reminderKey === fields.key) await this.repos.deliveries.markSentAndDone(fields.key, posted.channelId, posted.ts, this.clock.now().toJSDate());
    else await this.repos.deliveries.markSent(fields.key, posted.channelId, posted.ts, this.clock.now().toJSDate());
    return { status: 'sent', posted };
  }

  /**
   * Delivers one planned reminder by its key. With its route (carried on the job) the posting slot
   * is asked for first, so that a job that must wait for it goes back to the queue without any
   * database work.
   */
  async deliverReminder(key: string, route?: ReminderRoute): Promise<DeliveryOutcome> {
    const slotFirst = route && this.pacer ? route : null;
    if (slotFirst) {
      const waitMs = await this.pacer!.reserve(key, slotFirst.workspaceId, dmLane(slotFirst.recipientId));
      if (waitMs > 0) return { status: 'paced', waitMs };
    }
    // The reminder, its recipient, an action's subject and the claim (made only when it is
    // scheduled and due): one statement, one round trip.
    const now = this.clock.now();
    const read = await this.repos.deliveries.claimReminder(key, now.toJSDate(), new Date(now.toMillis() + EARLY_TOLERANCE_MS));
    if (!read) return { status: 'skipped', reason: 'unknown reminder' };
    const r = read.reminder;
    if (r.status !== 'SCHEDULED') return { status: 'skipped', reason: `reminder ${r.status.toLowerCase()}` };
    if (r.dueAt.getTime() - now.toMillis() > EARLY_TOLERANCE_MS) return { status: 'early', dueAt: r.dueAt };
    // Each DM is its own channel (≈1 post/s each); the workspace budget binds a fan-out. A claim
    // made for a post that must wait for its slot is given back meanwhile.
    const granted = slotFirst !== null && slotFirst.workspaceId === r.workspaceId && slotFirst.recipientId === r.recipientId;
    return this.paced(key, r.workspaceId, dmLane(r.recipientId), () => this.deliverDue(read), async () => {
      if (read.claimed) await this.repos.deliveries.release(key, read.claimed.attempts);
    }, granted);
  }

  private async deliverDue({ reminder: r, recipient, action, claimed }: ClaimedReminder): Promise<DeliveryOutcome> {
    const key = r.key;
    const fields: ClaimFields = { key, workspaceId: r.workspaceId, kind: r.kind, recipientId: r.recipientId, channelId: null };
    const giveUp = async (reason: string): Promise<DeliveryOutcome> => {
      if (claimed) await this.repos.deliveries.release(key, claimed.attempts);
      await this.repos.reminders.cancel([key]);
      return { status: 'skipped', reason };
    };
    if (!recipient || recipient.deleted || recipient.workspace.uninstalledAt) return giveUp('recipient gone');
    if (!isReminderKind(r.kind)) return giveUp('subject gone');
    const kind = r.kind;
    if (REMINDER_KINDS[kind].sent === 'notice') return this.notices[kind as NoticeKind](r, recipient, fields, claimed);
    const body = await this.bodyOf(kind as MessageKind, r, recipient, action);
    if (!body) return giveUp('subject gone');
    const zone = scheduleOf(recipient, recipient.workspace, this.defaults).zone;
    const message: OutboundMessage = { key, locale: this.localeOf(recipient, recipient.workspace), zone, composedAt: this.clock.now().toISO() ?? undefined, body };
    let current: { dmChannelId: string | null } = recipient;
    const outcome = await this.once(
      fields,
      async () => {
        const posted = await this.messengers(r.workspaceId).toPerson(recipient, message);
        current = { dmChannelId: posted.channelId };
        return posted;
      },
      // A DM posted by user id before its channel was known: the messenger finds the channel to look in.
      () => current.dmChannelId ?? recipient.slackUserId,
      key,
      claimed,
    );
    if (outcome.status !== 'sent' && outcome.status !== 'already' && outcome.status !== 'failed') return outcome;
    if (outcome.status !== 'sent') await this.repos.reminders.markDone(key);
    if (outcome.status === 'failed') {
      // A person who is gone is not "unreachable": they left, and the other person is told that instead.
      // Before the replan below, so that it plans from the ended follow-up, not the one it read before.
      if (PERSON_GONE_ERRORS.has(outcome.reason) && this.hooks.personGone) await this.personMayBeGone(recipient, outcome.reason);
      else await this.noticeFailure(key, r.followUpId, outcome.reason, r.kind, recipient, null);
    }
    // Plan the next occurrence of this series soon, outside the burst (one replan per follow-up).
    const scope = r.followUpId ? { followUpId: r.followUpId } : r.kind === 'digest' ? { seniorId: r.subjectId } : null;
    if (scope) await this.jobs.scheduleReplan(scope, this.defaults.replanDelayMs ?? REPLAN_DELAY_MS).catch((err) => this.logger.warn({ err, key }, 'could not queue the replanning'));
    return outcome;
  }

  /** Slack says the account is gone: the person left (no reminder is retried against them). */
  private async personMayBeGone(recipient: Person, code: string): Promise<void> {
    if (!PERSON_GONE_ERRORS.has(code) || !this.hooks.personGone) return;
    try {
      await this.hooks.personGone(recipient.workspaceId, recipient.slackUserId, code);
    } catch (err) {
      this.logger.warn({ err, personId: recipient.id }, 'could not record that a person left');
    }
  }

  /** The one-time notice that the other person of a follow-up left. */
  private async deliverLeftNotice(r: Reminder, recipient: PersonWithWorkspace, fields: ClaimFields, claimed: Delivery | null): Promise<DeliveryOutcome> {
    const notices = this.hooks.notices;
    const payload = (r.payload ?? {}) as { leftUserId?: string; leftRole?: string };
    if (!notices || !payload.leftUserId) {
      if (claimed) await this.repos.deliveries.release(r.key, claimed.attempts);
      await this.repos.reminders.cancel([r.key]);
      return { status: 'skipped', reason: 'no notice messenger' };
    }
    const notice = { key: r.key, locale: this.localeOf(recipient, recipient.workspace), leftUserId: payload.leftUserId, leftRole: payload.leftRole === 'senior' ? ('senior' as const) : ('leader' as const) };
    return this.sendNotice(r, recipient, fields, claimed, () => notices.personLeft(recipient, notice));
  }

  /**
   * An invitation's 14 days are over: ends it when it is still the same unanswered invitation and
   * tells the inviter, once (the ledger); an invitation answered or withdrawn meanwhile says nothing.
   */
  private async deliverInviteExpiry(r: Reminder, recipient: PersonWithWorkspace, fields: ClaimFields, claimed: Delivery | null): Promise<DeliveryOutcome> {
    const payload = (r.payload ?? {}) as { followUpId?: string; invitedAt?: string };
    const notices = this.hooks.notices;
    const invitedAt = payload.invitedAt ? new Date(payload.invitedAt) : null;
    const skip = async (reason: string): Promise<DeliveryOutcome> => {
      if (claimed) await this.repos.deliveries.release(r.key, claimed.attempts);
      await this.repos.reminders.cancel([r.key]);
      return { status: 'skipped', reason };
    };
    if (!payload.followUpId || !invitedAt || Number.isNaN(invitedAt.getTime())) return skip('bad payload');
    await this.repos.followUps.transition(payload.followUpId, 'PENDING', 'ENDED', this.clock.now().toJSDate(), 'expired', invitedAt);
    const f = await this.repos.followUps.findById(payload.followUpId);
    if (!f || f.status !== 'ENDED' || f.endedReason !== 'expired' || f.invitedAt?.getTime() !== invitedAt.getTime()) return skip('invitation answered');
    if (!notices) return skip('no notice messenger');
    const notice = { key: r.key, locale: this.localeOf(recipient, recipient.workspace), leaderUserId: f.leader.slackUserId };
    return this.sendNotice(r, recipient, fields, claimed, () => notices.invitationExpired(recipient, notice));
  }

  /** A one-time notice to a person, exactly once through the ledger; the reminder is done whatever happened. */
  private async sendNotice(r: Reminder, recipient: PersonWithWorkspace, fields: ClaimFields, claimed: Delivery | null, post: () => Promise<Posted>): Promise<DeliveryOutcome> {
    let current: { dmChannelId: string | null } = recipient;
    const outcome = await this.once(
      fields,
      async () => {
        const posted = await post();
        current = { dmChannelId: posted.channelId };
        return posted;
      },
      () => current.dmChannelId,
      r.key,
      claimed,
    );
    if (outcome.status !== 'sent') await this.repos.reminders.markDone(r.key);
    if (outcome.status === 'failed') await this.personMayBeGone(recipient, outcome.reason);
    return outcome;
  }

  /** Celebrates a milestone reached or a goal achieved in the follow-up's team channel. */
  async celebrate(kind: CelebrationKind, id: string): Promise<DeliveryOutcome> {
    const key = celebrationKey(kind, id);
    let goal;
    let milestone = null;
    if (kind === 'milestone') {
      const m = await this.repos.schedule.milestone(id);
      if (!m || !m.doneAt) return { status: 'skipped', reason: 'milestone not done' };
      goal = m.goal;
      milestone = m;
    } else {
      goal = await this.repos.schedule.goal(id);
      if (!goal || goal.status !== 'ACHIEVED') return { status: 'skipped', reason: 'goal not achieved' };
    }
    const f = goal.followUp;
    if (f.status !== 'ACTIVE' || !f.teamChannelId || f.workspace.uninstalledAt) return { status: 'skipped', reason: 'no team channel' };
    const channelId = f.teamChannelId;
    // The team channel's language (the follow-up's setting, else the workspace's), not the leader's own.
    const locale: Locale = celebrationLocale(f, f.workspace, this.defaults.locale);
    const body = celebrationBody(kind, f.leader.slackUserId, goal, milestone, scheduleOf(f.leader, f.workspace, this.defaults).zone);
    const message: OutboundMessage = { key, locale, zone: scheduleOf(f.leader, f.workspace, this.defaults).zone, composedAt: this.clock.now().toISO() ?? undefined, body };
    const outcome = await this.paced(key, f.workspaceId, `ch-${channelId}`, () =>
      this.once(
        { key, workspaceId: f.workspaceId, kind: `celebration-${kind}`, recipientId: f.seniorId, channelId },
        () => this.messengers(f.workspaceId).toChannel(channelId, message),
        () => channelId,
      ),
    );
    if (outcome.status === 'failed') await this.noticeFailure(key, f.id, outcome.reason, `celebration-${kind}`, null, channelId);
    return outcome;
  }

  /** Tells the senior leader of the follow-up, once, that a message could not be delivered. */
  private async noticeFailure(key: string, followUpId: string | null, reason: string, failedKind: string, recipient: Person | null, channelId: string | null): Promise<void> {
    try {
      if (!followUpId) return;
      const f = await this.repos.schedule.followUp(followUpId);
      if (!f || f.senior.deleted) return;
      if (recipient && recipient.id === f.seniorId) return; // the senior leader is the one we cannot reach
      if (!(await this.repos.deliveries.claimNotice(key, this.clock.now().toJSDate()))) return;
      const noticeKey = `notice-${key}`;
      const message: OutboundMessage = {
        key: noticeKey,
        locale: this.localeOf(f.senior, f.workspace),
        zone: scheduleOf(f.senior, f.workspace, this.defaults).zone,
        composedAt: this.clock.now().toISO() ?? undefined,
        body: { type: 'notice', reason, channelId, recipientUserId: recipient?.slackUserId ?? null, failedKind },
      };
      let current: { dmChannelId: string | null } = f.senior;
      await this.once(
        { key: noticeKey, workspaceId: f.workspaceId, kind: 'notice', recipientId: null, channelId: f.senior.dmChannelId },
        async () => {
          const posted = await this.messengers(f.workspaceId).toPerson(f.senior, message);
          current = { dmChannelId: posted.channelId };
          return posted;
        },
        () => current.dmChannelId,
      );
    } catch (err) {
      this.logger.warn({ err, key }, 'could not tell the senior leader about a failed delivery');
    }
  }

  /** The one-time notices (kinds.ts `sent: 'notice'`), each sent once through the ledger. */
  private readonly notices = {
    left: (r, recipient, fields, claimed) => this.deliverLeftNotice(r, recipient, fields, claimed),
    invite_expiry: (r, recipient, fields, claimed) => this.deliverInviteExpiry(r, recipient, fields, claimed),
  } satisfies Record<NoticeKind, (r: Reminder, recipient: PersonWithWorkspace, fields: ClaimFields, claimed: Delivery | null) => Promise<DeliveryOutcome>>;

  /**
   * What each message kind (kinds.ts `sent: 'message'`) says, read from the database when it is
   * sent; null when its subject is gone or no longer calls for it.
   */
  private readonly bodies: { [K in MessageKind]: (about: BodyFacts) => Promise<Extract<OutboundBody, { type: K }> | null> } = {
    digest: ({ recipient, today }) => this.digestBody(recipient, today),
    action: async ({ action: a, today }) => {
      if (!a || a.status !== 'OPEN' || a.followUp.status !== 'ACTIVE' || !a.dueDate) return null;
      const dueDay = dateToDay(a.dueDate);
      return { type: 'action', actionId: a.id, what: a.what, dueDay, overdue: today > dueDay, barrier: a.barrier?.description ?? null };
    },
    evaluation: async ({ r, recipient, payload }) => {
      const f = await this.activeFollowUpOf(r);
      if (!f || !f.nextEvaluationOn || dateToDay(f.nextEvaluationOn) !== payload.evaluationOn) return null;
      const goals = await this.repos.schedule.goalsOf([f.id]);
      const asSenior = recipient.id === f.seniorId;
      return {
        type: 'evaluation',
        phase: payload.phase === 'day' ? 'day' : 'before',
        evaluationOn: payload.evaluationOn as IsoDay,
        asSenior,
        otherUserId: asSenior ? f.leader.slackUserId : f.senior.slackUserId,
        leaderUserId: f.leader.slackUserId,
        goals: goals.filter((g) => g.status !== 'ACHIEVED').map((g) => ({ title: g.title, progress: progressOf(g) })),
      };
    },
    nudge: async ({ r, payload, today }) => {
      const f = await this.activeFollowUpOf(r);
      if (!f) return null;
      const since = (payload.since as IsoDay | undefined) ?? dateToDay(f.startDate);
      return { type: 'nudge', leaderUserId: f.leader.slackUserId, since, days: Math.max(0, daysBetween(since, today)) };
    },
    reflection: async ({ r, today }) => {
      const f = await this.activeFollowUpOf(r);
      if (!f) return null;
      return { type: 'reflection', seniorUserId: f.senior.slackUserId, leaderUserId: f.leader.slackUserId, promptIndex: Math.abs(daysBetween('2026-01-05', today)) };
    },
  };

  private async activeFollowUpOf(r: Reminder) {
    const f = r.followUpId ? await this.repos.schedule.followUp(r.followUpId) : null;
    return f && f.status === 'ACTIVE' ? f : null;
  }

  private bodyOf(kind: MessageKind, r: Reminder, recipient: PersonWithWorkspace, action: ActionWithFollowUp | null): Promise<OutboundBody | null> {
    const payload = (r.payload ?? {}) as Record<string, string>;
    const zone = scheduleOf(recipient, recipient.workspace, this.defaults).zone;
    const today = localDay(this.clock.now(), zone);
    return this.bodies[kind]({ r, recipient, action, payload, today });
  }

  private async digestBody(senior: PersonWithWorkspace, today: IsoDay): Promise<Extract<OutboundBody, { type: 'digest' }> | null> {
    const followUps = await this.repos.schedule.activeAsSenior(senior.id);
    if (followUps.length === 0) return null;
    const ids = followUps.map((f) => f.id);
    const weekAgo = this.clock.now().minus({ days: 7 }).toJSDate();
    const [goals, conversations, barriers, overdue] = await Promise.all([
      this.repos.schedule.goalsOf(ids),
      this.repos.schedule.conversationsSince(ids, dayToDate(localDay(DateTime.fromJSDate(weekAgo), 'utc'))),
      this.repos.schedule.openBarriers(ids),
      this.repos.schedule.overdueActions(ids, dayToDate(today)),
    ]);
    const checkIns = await this.repos.schedule.checkInsSince(goals.map((g) => g.id), weekAgo);
    const goalFollowUp = new Map(goals.map((g) => [g.id, g.followUpId]));
    const count = <T>(list: T[], of: (x: T) => string | undefined, id: string) => list.filter((x) => of(x) === id).length;
    return {
      type: 'digest',
      weekOf: today,
      leaders: followUps.map((f) => ({
        userId: f.leader.slackUserId,
        goals: goals.filter((g) => g.followUpId === f.id && g.status !== 'ACHIEVED').map((g) => ({ title: g.title, progress: progressOf(g) })),
        checkIns: count(checkIns, (c) => goalFollowUp.get(c.goalId), f.id),
        conversations: count(conversations, (c) => c.followUpId, f.id),
        openBarriers: count(barriers, (b) => b.followUpId, f.id),
        overdueActions: count(overdue, (a) => a.followUpId, f.id),
      })),
    };
  }
}
