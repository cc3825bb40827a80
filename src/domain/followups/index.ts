import type { Repositories } from '../../data';
import type { FollowUpWithPeople } from '../../data/followups';
import type { FollowUp, Person, Workspace } from '../../data/prisma';
import { DateTime } from 'luxon';
import { dateFormatter } from '../../i18n/dates';
import { todayIn, type Clock } from '../../time/clock';
import { addDays, dateToDay, dayToDate, type IsoDay } from '../../time/dates';
import { NotAllowedError, NotFoundError, ValidationError, type FieldError } from '../errors';
import { createOnce } from '../../data/createOnce';
import type { DomainEvent, Eventful } from '../events';
import type { Actor, PeopleService } from '../people';
import { assertParticipant, assertSenior, assertWritable } from '../privacy';
import type { SlackChannelInfo, SlackGateway } from '../ports';
import { LOCALES, type Cadence, type LocaleCode } from '../vocabulary';
import { INVITE_EXPIRY_KIND } from '../reminders/kinds';

export type { FollowUpWithPeople } from '../../data/followups';

export interface SetupInput {
  leaderUserId: string;
  teamChannelId: string | null;
  oneToOneCadence: Cadence;
  evaluationEveryWeeks: number;
  reflectionCadence: Cadence;
  startDate: IsoDay;
  /**
   * The language of the team channel (celebrations, shared learnings are read by the whole team):
   * 'nb', 'nn' or 'en', or null for the workspace's default language. Absent = unchanged (a form without
   * the field; a new follow-up then follows the workspace default).
   */
  teamLocale?: LocaleCode | null;
}

/** The follow-up saved; `events` re-plan its reminders (or plan the invitation's expiry). */
export interface SetupResult extends Eventful {
  followUp: FollowUp;
  created: boolean;
  /** A new invitation: the leader is asked to accept (their DM carries Accept / Decline). */
  invited: boolean;
  leader: Actor;
  /**
   * A new team channel on an active follow-up: the leader is asked (accept / keep); until they
   * answer, `from` stays the team channel.
   */
  channelProposal: { from: string | null; to: string } | null;
}

/** What the leader's answer to a channel change did. */
export interface ChannelAnswer {
  status: 'accepted' | 'kept' | 'gone';
  followUp: FollowUpWithPeople;
  channelId: string;
}

/** How long the setup submission waits for Slack to describe a channel (it answers Slack within 3 s). */
const CHANNEL_CHECK_BUDGET_MS = 1500;

/**
 * Why a channel cannot be a follow-up's team channel (celebrations and the leader's shared learnings
 * are posted there), or null when it can: it must exist in this workspace and be visible to the app,
 * not be archived, let the app post (a private channel needs the app as a member), not be shared
 * with another organisation unless the workspace allows it, and have the senior leader as a member.
 */
export function teamChannelError(info: SlackChannelInfo | null, seniorIsMember: boolean, allowShared: boolean): FieldError | null {
  if (!info) return { key: 'setup.error_channel_not_found' };
  if (info.isArchived) return { key: 'setup.error_channel_archived' };
  if (info.isPrivate && !info.isMember) return { key: 'setup.error_channel_app_not_member' };
  if (info.isExtShared && !allowShared) return { key: 'setup.error_channel_shared' };
  if (!seniorIsMember) return { key: 'setup.error_channel_not_member' };
  return null;
}

/** An invitation not answered within this many days expires (the inviter is told once). */
export const INVITATION_DAYS = 14;
/** After a leader declines, the same senior leader may invite them again only after this many days. */
export const DECLINE_WAIT_DAYS = 30;

/**
 * The day a declined invitation may be sent again (in the inviter's zone), or null when it may be
 * sent now: a leader who said no is not asked again and again.
 */
export function reinviteDay(existing: Pick<FollowUp, 'status' | 'endedReason' | 'endedAt'> | null, now: DateTime, zone: string): IsoDay | null {
  if (!existing || existing.status !== 'ENDED' || existing.endedReason !== 'declined' || !existing.endedAt) return null;
  const until = DateTime.fromJSDate(existing.endedAt).plus({ days: DECLINE_WAIT_DAYS });
  return until > now ? (until.setZone(zone).toISODate() as IsoDay) : null;
}
/** Reminder kind of an invitation's expiry (a Reminder row due 14 days after the invitation). */
export function inviteExpiryKey(followUpId: string, invitedAt: Date): string {
  return `invite-expiry-${followUpId}-${invitedAt.getTime()}`;
}

/** What answering an invitation (or ending a follow-up) did, for the Slack side to say. */
export type AnswerOutcome =
  | { status: 'accepted'; followUp: FollowUpWithPeople; movedGoals: number }
  | { status: 'declined'; followUp: FollowUpWithPeople }
  /** Already answered (accepted, declined, expired or ended): nothing changed. */
  | { status: 'gone'; followUp: FollowUpWithPeople | null };

export interface AnswerResult extends Eventful {
  outcome: AnswerOutcome;
}

export interface EndResult extends Eventful {
  /** 'ended' once; 'already' when it was no longer active (nothing is said again). */
  status: 'ended' | 'already';
  followUp: FollowUpWithPeople;
  /** The other person of the follow-up (told once). */
  other: Person;
}

/** A goal the leader may carry over to a new follow-up (from their other active ones). */
export interface CarryOverGoal {
  id: string;
  title: string;
  followUpId: string;
  seniorUserId: string;
}

export const EVALUATION_WEEKS = [4, 6, 8, 12] as const;

/**
 * The language of a follow-up's team channel: what celebrations and shared learnings are posted
 * in. The whole team reads them, so it is the follow-up's setting, else the workspace's default
 * language, else the app's — never the leader's (or the senior leader's) personal Slack locale.
 */
export function teamChannelLocale(
  followUp: Pick<FollowUp, 'teamLocale'>,
  workspace: Pick<Workspace, 'defaultLocale'> | null,
  appDefault: LocaleCode,
): LocaleCode {
  return followUp.teamLocale ?? workspace?.defaultLocale ?? appDefault;
}

/** The setup form's rules that need no data: not oneself, and one-to-ones need a cadence. */
export function setupErrors(actorSlackUserId: string, input: Pick<SetupInput, 'leaderUserId' | 'oneToOneCadence' | 'teamLocale'>): Record<string, FieldError> {
  const errors: Record<string, FieldError> = {};
  if (input.leaderUserId === actorSlackUserId) errors.leader = { key: 'setup.error_leader_self' };
  if (input.oneToOneCadence === 'NONE') errors.oneToOne = { key: 'setup.error_cadence_none' };
  if (input.teamLocale !== undefined && input.teamLocale !== null && !(LOCALES as readonly string[]).includes(input.teamLocale)) errors.teamLocale = { key: 'common.error_invalid_option' };
  return errors;
}

export class FollowUpService {
  constructor(
    private readonly repos: Repositories,
    private readonly people: PeopleService,
    private readonly clock: Clock,
    private readonly slack: SlackGateway,
  ) {}

  /**
   * Asks Slack about a channel chosen as team channel (conversations.info, conversations.members),
   * within a budget: no answer in time is a field error too (the person tries again), never a pass.
   */
  private async checkTeamChannel(actor: Actor, channelId: string): Promise<FieldError | null> {
    const check = async () => {
      const [info, workspace] = await Promise.all([this.slack.channelInfo(channelId), this.repos.workspaces.find(actor.teamId)]);
      const member = info && !info.isArchived ? await this.slack.isChannelMember(channelId, actor.person.slackUserId) : false;
      return teamChannelError(info, member, workspace?.allowSharedTeamChannels ?? false);
    };
    try {
      return await Promise.race([
        check(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`channel check took over ${CHANNEL_CHECK_BUDGET_MS} ms`)), CHANNEL_CHECK_BUDGET_MS).unref()),
      ]);
    } catch {
      return { key: 'setup.error_channel_unconfirmed' };
    }
  }

  /**
   * Starts the follow-up of a leader by the invoking senior leader, or edits it when the pair
   * already has one (one follow-up per pair).
   */
  async setup(actor: Actor, input: SetupInput): Promise<SetupResult> {
    const errors = setupErrors(actor.person.slackUserId, input);
    // Before the modal's ack: the admin check (only when the workspace lets admins skip consent)
    // runs beside the leader's look-up, not after it.
    const adminSkip = this.adminSkipsConsent(actor).catch(() => false);
    // The channel is asked about beside the leader's look-up too (used only when it is new or changed).
    const channelCheck = input.teamChannelId ? this.checkTeamChannel(actor, input.teamChannelId) : Promise.resolve(null);
    let leader: Actor | null = null;
    if (!errors.leader) {
      // Runs before the modal's ack: Slack gets at most 1.5 s, then the cached profile is used.
      leader = await this.people.resolve(actor.teamId, input.leaderUserId, { budgetMs: 1500 });
      if (leader.person.isBot) errors.leader = { key: 'setup.error_leader_bot' };
      else if (leader.person.deleted) errors.leader = { key: 'setup.error_leader_deleted' };
    }
    if (Object.keys(errors).length > 0 || !leader) throw new ValidationError(errors);

    const existing = await this.repos.followUps.findByPair(actor.person.id, leader.person.id);
    const waitUntil = reinviteDay(existing, this.clock.now(), actor.zone);
    if (waitUntil) {
      const until = dateFormatter({ locale: actor.locale, zone: actor.zone, now: this.clock.now() }).plainDay(waitUntil);
      throw new ValidationError({ leader: { key: 'setup.error_declined_recently', vars: { until } } });
    }
    const current = existing && existing.status !== 'ENDED' ? existing : null;
    const channelChanged = input.teamChannelId !== null && input.teamChannelId !== current?.teamChannelId;
    if (channelChanged) {
      const channelError = await channelCheck;
      if (channelError) throw new ValidationError({ channel: channelError });
    }
    // A new channel on an active follow-up is the leader's to agree: asked, and the old one stays until then.
    const proposeChannel = current?.status === 'ACTIVE' && channelChanged;
    const startDate = dayToDate(input.startDate);
    // The next evaluation follows from the start date unless one was already set by an evaluation.
    const nextEvaluationOn =
      existing?.nextEvaluationOn && existing.startDate.getTime() === startDate.getTime()
        ? existing.nextEvaluationOn
        : dayToDate(addDays(input.startDate, input.evaluationEveryWeeks * 7));
    // A new follow-up (or one that ended, started again) waits for the leader's consent, unless
    // the workspace lets follow-ups set up by an admin skip it and Slack confirms the actor is one.
    const starting = !existing || existing.status === 'ENDED';
    const skipConsent = (await adminSkip) && starting;
    const now = this.clock.now().toJSDate();
    const followUp = await this.repos.followUps.upsert(
      actor.teamId,
      actor.person.id,
      leader.person.id,
      {
        teamChannelId: proposeChannel ? current.teamChannelId : input.teamChannelId,
        proposedTeamChannelId: proposeChannel ? input.teamChannelId : null,
        ...(input.teamLocale !== undefined ? { teamLocale: input.teamLocale } : {}),
        oneToOneCadence: input.oneToOneCadence,
        evaluationEveryWeeks: input.evaluationEveryWeeks,
        reflectionCadence: input.reflectionCadence,
        startDate,
        nextEvaluationOn,
      },
      skipConsent ? 'active' : 'pending',
      now,
    );
    const invited = starting && followUp.status === 'PENDING';
    if (invited && followUp.invitedAt) await this.planExpiry(followUp, followUp.invitedAt);
    const channelProposal = proposeChannel && input.teamChannelId ? { from: current.teamChannelId, to: input.teamChannelId } : null;
    return { followUp, created: starting, invited, leader, channelProposal, events: [{ type: 'followUpChanged', id: followUp.id }] };
  }

  /**
   * The leader answers a channel change their senior leader asked for: accept (the new channel is
   * used from now on) or keep the old one. Only the leader; only while that request stands.
   */
  async answerChannel(actor: Actor, followUpId: string, channelId: string, accept: boolean): Promise<ChannelAnswer> {
    const followUp = await this.repos.followUps.findById(followUpId);
    if (!followUp || followUp.workspaceId !== actor.teamId || followUp.leaderId !== actor.person.id) throw new NotAllowedError('channel request');
    assertWritable(followUp, 'channel');
    const changed = followUp.proposedTeamChannelId === channelId && (await this.repos.followUps.answerChannelProposal(followUp.id, channelId, accept));
    if (!changed) return { status: 'gone', followUp, channelId };
    return { status: accept ? 'accepted' : 'kept', followUp: { ...followUp, teamChannelId: accept ? channelId : followUp.teamChannelId, proposedTeamChannelId: null }, channelId };
  }

  /** True when the workspace lets admins skip consent and Slack confirms the actor is an admin. */
  private async adminSkipsConsent(actor: Actor): Promise<boolean> {
    const workspace = await this.repos.workspaces.find(actor.teamId);
    if (!workspace?.adminSetupSkipsConsent) return false;
    try {
      await this.people.confirmAdmin(actor, 1000);
      return true;
    } catch {
      return false;
    }
  }

  /** The invitation's expiry: one Reminder row due 14 days after it (delivered once through the ledger). */
  private async planExpiry(followUp: FollowUp, invitedAt: Date): Promise<void> {
    const key = inviteExpiryKey(followUp.id, invitedAt);
    const dueAt = new Date(invitedAt.getTime() + INVITATION_DAYS * 24 * 3600 * 1000);
    await createOnce(
      () => this.repos.reminders.findByKey(key),
      () =>
        this.repos.reminders.create({
          key,
          workspaceId: followUp.workspaceId,
          kind: INVITE_EXPIRY_KIND,
          recipientId: followUp.seniorId,
          subjectId: followUp.id,
          // Not the follow-up's own reminders (those are cancelled while it is not active).
          followUpId: null,
          dueAt,
          payload: { followUpId: followUp.id, invitedAt: invitedAt.toISOString() },
        }),
    );
  }

  /** A pending follow-up the actor is invited to lead (for the Accept modal). */
  async invitation(actor: Actor, followUpId: string): Promise<{ followUp: FollowUpWithPeople | null; carryOver: CarryOverGoal[] }> {
    const followUp = await this.repos.followUps.findById(followUpId);
    if (!followUp || followUp.workspaceId !== actor.teamId || followUp.leaderId !== actor.person.id) throw new NotAllowedError('invitation');
    if (followUp.status !== 'PENDING') return { followUp: null, carryOver: [] };
    return { followUp, carryOver: await this.carryOverCandidates(actor, followUp.id) };
  }

  /** The leader's open goals in their other active follow-ups (a reorganisation: which carry over). */
  async carryOverCandidates(actor: Actor, exceptFollowUpId: string): Promise<CarryOverGoal[]> {
    const others = (await this.repos.followUps.listForPerson(actor.person.id)).filter((f) => f.leaderId === actor.person.id && f.id !== exceptFollowUpId);
    if (others.length === 0) return [];
    const goals = await this.repos.goals.listForFollowUps(others.map((f) => f.id));
    const senior = new Map(others.map((f) => [f.id, f.senior.slackUserId]));
    return goals
      .filter((g) => g.status === 'ACTIVE' || g.status === 'ADJUSTED')
      .map((g) => ({ id: g.id, title: g.title, followUpId: g.followUpId, seniorUserId: senior.get(g.followUpId) ?? '' }));
  }

  /**
   * The leader accepts an invitation: the follow-up becomes active (its reminders are planned) and
   * the goals they chose move over from their other follow-ups (the rest stay where they are).
   */
  async accept(actor: Actor, followUpId: string, carryGoalIds: string[] = []): Promise<AnswerResult> {
    const followUp = await this.invitationFor(actor, followUpId);
    const changed = await this.repos.followUps.transition(followUp.id, 'PENDING', 'ACTIVE', this.clock.now().toJSDate(), null);
    if (!changed) return { outcome: { status: 'gone', followUp }, events: [] };
    const allowed = new Set((await this.carryOverCandidates(actor, followUp.id)).map((g) => g.id));
    const chosen = carryGoalIds.filter((id) => allowed.has(id));
    const fromIds = [...new Set((await this.repos.goals.listByIds(chosen)).map((g) => g.followUpId))];
    const moved = chosen.length > 0 ? await this.repos.goals.moveToFollowUp(chosen, followUp.id) : 0;
    await this.cancelExpiry(followUp);
    return {
      outcome: { status: 'accepted', followUp: { ...followUp, status: 'ACTIVE' }, movedGoals: moved },
      events: [{ type: 'followUpChanged', id: followUp.id }, ...fromIds.map((id) => ({ type: 'followUpChanged', id: id } satisfies DomainEvent))],
    };
  }

  /** The leader declines: the invitation ends and nothing is shared. */
  async decline(actor: Actor, followUpId: string): Promise<AnswerResult> {
    const followUp = await this.invitationFor(actor, followUpId);
    const changed = await this.repos.followUps.transition(followUp.id, 'PENDING', 'ENDED', this.clock.now().toJSDate(), 'declined');
    if (!changed) return { outcome: { status: 'gone', followUp }, events: [] };
    await this.cancelExpiry(followUp);
    return { outcome: { status: 'declined', followUp: { ...followUp, status: 'ENDED' } }, events: [] };
  }

  /**
   * An invitation's expiry is due: ends it when it is still the same unanswered invitation. True
   * when it is (now) ended as expired — the inviter is then told, once, through the ledger.
   */
  async expireInvitation(followUpId: string, invitedAt: Date): Promise<FollowUpWithPeople | null> {
    await this.repos.followUps.transition(followUpId, 'PENDING', 'ENDED', this.clock.now().toJSDate(), 'expired', invitedAt);
    const f = await this.repos.followUps.findById(followUpId);
    return f && f.status === 'ENDED' && f.endedReason === 'expired' && f.invitedAt?.getTime() === invitedAt.getTime() ? f : null;
  }

  private async cancelExpiry(followUp: FollowUp): Promise<void> {
    if (followUp.invitedAt) await this.repos.reminders.cancel([inviteExpiryKey(followUp.id, followUp.invitedAt)]);
  }

  private async invitationFor(actor: Actor, followUpId: string): Promise<FollowUpWithPeople> {
    const followUp = await this.repos.followUps.findById(followUpId);
    // Only the invited leader may answer (a forwarded button from anyone else does nothing).
    if (!followUp || followUp.workspaceId !== actor.teamId || followUp.leaderId !== actor.person.id) throw new NotAllowedError('invitation');
    return followUp;
  }

  /**
   * Either person ends an active follow-up: its reminders are cancelled (the event re-plans it,
   * which cancels every reminder of a follow-up that is not active), the history stays readable
   * and read-only. A pending invitation the senior leader withdraws ends the same way.
   */
  async end(actor: Actor, followUpId: string): Promise<EndResult> {
    const followUp = await this.repos.followUps.findById(followUpId);
    if (!followUp || followUp.workspaceId !== actor.teamId) throw new NotFoundError('follow-up');
    assertParticipant(followUp, actor.person.id);
    const other = followUp.seniorId === actor.person.id ? followUp.leader : followUp.senior;
    const now = this.clock.now().toJSDate();
    let changed = false;
    if (followUp.status === 'ACTIVE') changed = await this.repos.followUps.transition(followUp.id, 'ACTIVE', 'ENDED', now, 'ended');
    else if (followUp.status === 'PENDING' && followUp.seniorId === actor.person.id) {
      changed = await this.repos.followUps.transition(followUp.id, 'PENDING', 'ENDED', now, 'withdrawn');
      if (changed) await this.cancelExpiry(followUp);
    }
    if (!changed) return { status: 'already', followUp, other, events: [] };
    return { status: 'ended', followUp, other, events: [{ type: 'followUpChanged', id: followUp.id }] };
  }

  /** The active (or, for its senior leader, pending) follow-up between the actor and a person, for `/followup end @person`. */
  async findWith(actor: Actor, otherUserId: string): Promise<FollowUpWithPeople | null> {
    const mine = await this.repos.followUps.listForPerson(actor.person.id);
    const active = mine.find((f) => (f.seniorId === actor.person.id ? f.leader : f.senior).slackUserId === otherUserId);
    if (active) return active;
    const pending = await this.repos.followUps.listPendingForPerson(actor.person.id);
    return pending.find((f) => f.seniorId === actor.person.id && f.leader.slackUserId === otherUserId) ?? null;
  }

  /** Invitations the actor sent (waiting for the leader) and received (waiting for their answer). */
  async pending(actor: Actor): Promise<{ sent: FollowUpWithPeople[]; received: FollowUpWithPeople[] }> {
    const rows = await this.repos.followUps.listPendingForPerson(actor.person.id);
    return { sent: rows.filter((f) => f.seniorId === actor.person.id), received: rows.filter((f) => f.leaderId === actor.person.id) };
  }

  /** The follow-up of the actor (as senior leader) with a given leader, if any. */
  async findAsSenior(actor: Actor, leaderUserId: string): Promise<FollowUp | null> {
    const leader = await this.repos.people.find(actor.teamId, leaderUserId);
    if (!leader) return null;
    return this.repos.followUps.findByPair(actor.person.id, leader.id);
  }

  /** A follow-up the actor owns as senior leader (for editing). */
  async getForSenior(actor: Actor, followUpId: string): Promise<FollowUpWithPeople> {
    const followUp = await this.repos.followUps.findById(followUpId);
    if (!followUp || followUp.workspaceId !== actor.teamId) throw new NotFoundError('follow-up');
    assertSenior(followUp, actor.person.id);
    return followUp;
  }

  /**
   * The follow-up a goal (or other record) for `leaderUserId` belongs to, as seen by the actor:
   * the actor's own follow-up of that leader, or — when the actor is that leader — their follow-up
   * by their senior leader. Throws ValidationError on `field` when there is none.
   */
  async resolveForSubject(actor: Actor, leaderUserId: string, field: string, choice?: { followUpId: string | null }): Promise<FollowUpWithPeople> {
    const mine = await this.repos.followUps.listForPerson(actor.person.id);
    let match: FollowUpWithPeople | undefined;
    if (leaderUserId === actor.person.slackUserId) {
      const asLeader = mine.filter((f) => f.leaderId === actor.person.id);
      // A form with the follow-up chooser: a leader with several follow-ups must say which one.
      if (choice && asLeader.length > 1) {
        match = asLeader.find((f) => f.id === choice.followUpId);
        if (!match) throw new ValidationError({ followUpId: { key: 'followup.error_choose' } });
      } else match = asLeader[0];
    } else match = mine.find((f) => f.seniorId === actor.person.id && f.leader.slackUserId === leaderUserId);
    if (!match) throw new ValidationError({ [field]: await this.whyNoFollowUp(actor, leaderUserId) });
    return match;
  }

  /** Why nothing can be recorded for a leader: an invitation not yet accepted, a follow-up that ended, or none. */
  private async whyNoFollowUp(actor: Actor, leaderUserId: string): Promise<FieldError> {
    if (leaderUserId === actor.person.slackUserId) return { key: 'goal.error_no_followup' };
    const leader = await this.repos.people.find(actor.teamId, leaderUserId);
    const pair = leader ? await this.repos.followUps.findByPair(actor.person.id, leader.id) : null;
    if (pair?.status === 'PENDING') return { key: 'followup.error_pending' };
    if (pair?.status === 'ENDED') return { key: 'followup.error_ended' };
    return { key: 'goal.error_no_followup' };
  }

  /** A leader's active follow-ups when they have more than one (a form then asks which); else none. */
  async leaderChoices(actor: Actor): Promise<{ followUpId: string; senior: Person }[]> {
    const asLeader = (await this.repos.followUps.listForPerson(actor.person.id)).filter((f) => f.leaderId === actor.person.id);
    return asLeader.length > 1 ? asLeader.map((f) => ({ followUpId: f.id, senior: f.senior })) : [];
  }

  /** Default start date for a new follow-up: today in the actor's zone. */
  today(actor: Actor): IsoDay {
    return todayIn(this.clock, actor.zone);
  }

  listForActor(actor: Actor): Promise<FollowUpWithPeople[]> {
    return this.repos.followUps.listForPerson(actor.person.id);
  }

  /**
   * The leader a form about one leader opens with: the one mentioned; else the actor's only leader
   * when they follow up exactly one; else the actor themself when they are only a leader; else none.
   */
  async leaderToPrefill(actor: Actor, mentioned: string | null): Promise<string | null> {
    if (mentioned) return mentioned;
    const mine = await this.listForActor(actor);
    const asSenior = mine.filter((f) => f.seniorId === actor.person.id);
    if (asSenior.length === 1) return asSenior[0].leader.slackUserId;
    if (asSenior.length === 0 && mine.some((f) => f.leaderId === actor.person.id)) return actor.person.slackUserId;
    return null;
  }

  assertNotStranger(followUp: FollowUp, actor: Actor): void {
    if (followUp.seniorId !== actor.person.id && followUp.leaderId !== actor.person.id) throw new NotAllowedError('follow-up');
  }
}

export function startDayOf(followUp: FollowUp): IsoDay {
  return dateToDay(followUp.startDate);
}
