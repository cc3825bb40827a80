import { DateTime } from 'luxon';
import type { Repositories } from '../../data';
import type { FollowUpWithPeople } from '../../data/followups';
import type { GoalWithMilestones } from '../../data/goals';
import type { BarrierKind, BarrierStatus, Cadence, GoalKind, GoalStatus } from '../../data/prisma';
import { todayIn, type Clock } from '../../time/clock';
import { addDays, dateToDay, dayOf, type IsoDay } from '../../time/dates';
import { progressOf } from '../goals/progress';
import type { Actor } from '../people';

export interface HomeMilestone {
  id: string;
  title: string;
  dueDate: IsoDay | null;
  done: boolean;
}

export interface HomeGoal {
  id: string;
  title: string;
  kind: GoalKind;
  status: GoalStatus;
  progress: number | null;
  targetDate: IsoDay | null;
  milestones: HomeMilestone[];
}

export interface HomeBarrier {
  id: string;
  kind: BarrierKind;
  status: BarrierStatus;
  description: string;
}

export interface HomeAction {
  id: string;
  what: string;
  dueDate: IsoDay | null;
  overdue: boolean;
  /** Slack user id of the owner (the leader or the senior leader of the follow-up). */
  ownerUserId: string | null;
}

export interface HomeCard {
  followUpId: string;
  /** The other person of the follow-up: the leader on a senior leader's card, and vice versa. */
  otherUserId: string;
  /** The leader of the follow-up (on a leader's own card: themselves). */
  leaderUserId: string;
  teamChannelId: string | null;
  nextEvaluationOn: IsoDay | null;
  goals: HomeGoal[];
  lastConversationOn: IsoDay | null;
  /** No one-to-one logged within the cadence (counted from the start date when there is none). */
  oneToOneOverdue: boolean;
  openBarriers: HomeBarrier[];
  /** Open action items, earliest due first. */
  openActions: HomeAction[];
  overdueActions: number;
  /** Leader's own card only: a reflection is due on the reflection cadence. */
  reflectionDue: boolean;
}

export interface HomeFeedback {
  id: string;
  giverUserId: string | null;
  works: string;
  createdAt: Date;
}

export interface HomeReflection {
  id: string;
  firstAnswer: string;
  shared: boolean;
  createdAt: Date;
}

export interface HomeModel {
  asSenior: HomeCard[];
  asLeader: HomeCard[];
  /** Leader only: feedback received (giver and receiver only may see it). */
  feedback: HomeFeedback[];
  /** Leader only: their own reflections (private unless shared). */
  reflections: HomeReflection[];
  today: IsoDay;
  /** Invitations the person sent that wait for the leader's answer (nothing of the leader is shown). */
  waitingFor?: { followUpId: string; leaderUserId: string }[];
  /** Invitations the person received and has not answered. */
  invitedBy?: { followUpId: string; seniorUserId: string }[];
  /** Reminders or celebrations of the senior leader's follow-ups that could not be delivered. */
  failedDeliveries?: number;
}

const CADENCE_DAYS: Record<Cadence, number | null> = { WEEKLY: 7, BIWEEKLY: 14, MONTHLY: 31, NONE: null };
const RECENT_FEEDBACK = 3;
const RECENT_REFLECTIONS = 3;

function toHomeGoal(goal: GoalWithMilestones): HomeGoal {
  return {
    id: goal.id,
    title: goal.title,
    kind: goal.kind,
    status: goal.status,
    progress: goal.status === 'ACHIEVED' ? 1 : progressOf(goal),
    targetDate: goal.targetDate ? dateToDay(goal.targetDate) : null,
    milestones: goal.milestones.map((m) => ({ id: m.id, title: m.title, dueDate: m.dueDate ? dateToDay(m.dueDate) : null, done: m.doneAt !== null })),
  };
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/**
 * What App Home (and `status`) shows a person. A constant number of queries whatever the number
 * of leaders and goals: every read is batched over all follow-ups with `in`.
 * Privacy: only follow-ups the person takes part in are read; feedback is read by receiver only,
 * reflections by their author only — a senior leader's cards hold neither.
 */
export class HomeService {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  async build(actor: Actor): Promise<HomeModel> {
    const current = await this.repos.followUps.listCurrentForPerson(actor.person.id);
    const pending = current.filter((f) => f.status === 'PENDING');
    const model = await this.buildFor(actor, current.filter((f) => f.status === 'ACTIVE'));
    // A pending follow-up shows only who it waits for: no goals, no records (it grants nothing).
    model.waitingFor = pending.filter((f) => f.seniorId === actor.person.id).map((f) => ({ followUpId: f.id, leaderUserId: f.leader.slackUserId }));
    model.invitedBy = pending.filter((f) => f.leaderId === actor.person.id).map((f) => ({ followUpId: f.id, seniorUserId: f.senior.slackUserId }));
    return model;
  }

  /** Cards for the given follow-ups, which the caller has checked the actor takes part in. */
  async buildFor(actor: Actor, followUps: FollowUpWithPeople[]): Promise<HomeModel> {
    const today = todayIn(this.clock, actor.zone);
    const ids = followUps.map((f) => f.id);
    const asLeaderIds = followUps.filter((f) => f.leaderId === actor.person.id).map((f) => f.id);
    const [goals, lastConversations, barriers, actions, feedback, reflections] = await Promise.all([
      this.repos.goals.listForFollowUps(ids),
      this.repos.dashboard.lastConversations(ids),
      this.repos.barriers.listOpen(ids),
      this.repos.dashboard.openActions(ids),
      asLeaderIds.length > 0 ? this.repos.dashboard.feedbackReceived(actor.person.id, RECENT_FEEDBACK) : Promise.resolve([]),
      this.repos.dashboard.reflectionsBy(actor.person.id, asLeaderIds, 50),
    ]);
    const givers = new Map(
      (await this.repos.people.findManyByIds([...new Set(feedback.map((f) => f.giverId))])).map((p) => [p.id, p.slackUserId]),
    );
    const goalsBy = groupBy(goals, (g) => g.followUpId);
    const barriersBy = groupBy(barriers, (b) => b.followUpId);
    const actionsBy = groupBy(actions, (a) => a.followUpId);
    const lastReflectionBy = new Map<string, IsoDay>();
    for (const r of reflections) {
      const day = dayOf(DateTime.fromJSDate(r.createdAt), actor.zone);
      if (!lastReflectionBy.has(r.followUpId)) lastReflectionBy.set(r.followUpId, day);
    }

    const card = (f: FollowUpWithPeople, asLeader: boolean): HomeCard => {
      const cadence = CADENCE_DAYS[f.oneToOneCadence];
      const last = lastConversations.get(f.id);
      const lastDay = last ? dateToDay(last) : null;
      const since = lastDay ?? dateToDay(f.startDate);
      const people = new Map([
        [f.seniorId, f.senior.slackUserId],
        [f.leaderId, f.leader.slackUserId],
      ]);
      const open = (actionsBy.get(f.id) ?? []).map((a) => {
        const due = a.dueDate ? dateToDay(a.dueDate) : null;
        const snoozed = a.snoozedUntil ? dateToDay(a.snoozedUntil) >= today : false;
        return { id: a.id, what: a.what, dueDate: due, overdue: due !== null && due < today && !snoozed, ownerUserId: people.get(a.ownerId) ?? null };
      });
      const reflectionEvery = CADENCE_DAYS[f.reflectionCadence];
      const lastReflection = lastReflectionBy.get(f.id) ?? dateToDay(f.startDate);
      return {
        followUpId: f.id,
        otherUserId: asLeader ? f.senior.slackUserId : f.leader.slackUserId,
        leaderUserId: f.leader.slackUserId,
        teamChannelId: f.teamChannelId,
        nextEvaluationOn: f.nextEvaluationOn ? dateToDay(f.nextEvaluationOn) : null,
        goals: (goalsBy.get(f.id) ?? []).map(toHomeGoal),
        lastConversationOn: lastDay,
        oneToOneOverdue: cadence !== null && addDays(since, cadence) < today,
        openBarriers: (barriersBy.get(f.id) ?? []).map((b) => ({ id: b.id, kind: b.kind, status: b.status, description: b.description })),
        openActions: open,
        overdueActions: open.filter((a) => a.overdue).length,
        reflectionDue: asLeader && reflectionEvery !== null && addDays(lastReflection, reflectionEvery) <= today,
      };
    };
    const asSenior = followUps.filter((f) => f.seniorId === actor.person.id);
    const failedDeliveries =
      asSenior.length > 0 ? await this.repos.deliveries.countFailedFor(actor.teamId, [actor.person.id, ...asSenior.map((f) => f.leaderId)]) : 0;
    return {
      asSenior: asSenior.map((f) => card(f, false)),
      asLeader: followUps.filter((f) => f.leaderId === actor.person.id).map((f) => card(f, true)),
      feedback: feedback.map((f) => ({ id: f.id, giverUserId: givers.get(f.giverId) ?? null, works: f.works, createdAt: f.createdAt })),
      reflections: reflections.slice(0, RECENT_REFLECTIONS).map((r) => ({
        id: r.id,
        firstAnswer: firstString(r.answers),
        shared: r.sharedWithSenior,
        createdAt: r.createdAt,
      })),
      today,
      failedDeliveries,
    };
  }
}

function firstString(json: unknown): string {
  if (Array.isArray(json)) {
    const first = json.find((v) => typeof v === 'string' && v.trim() !== '');
    if (typeof first === 'string') return first;
  }
  return '';
}
