import type { Repositories } from '../../data';
import type { GoalWithMilestones } from '../../data/goals';
import type { GoalKind, GoalStatus } from '../../data/prisma';
import { dateToDay, type IsoDay } from '../../time/dates';
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

export interface HomeCard {
  followUpId: string;
  /** The other person of the follow-up: the leader on a senior leader's card, and vice versa. */
  otherUserId: string;
  teamChannelId: string | null;
  nextEvaluationOn: IsoDay | null;
  goals: HomeGoal[];
}

export interface HomeModel {
  asSenior: HomeCard[];
  asLeader: HomeCard[];
}

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

/** What App Home shows a person: two queries whatever the number of leaders and goals. */
export class HomeService {
  constructor(private readonly repos: Repositories) {}

  async build(actor: Actor): Promise<HomeModel> {
    const followUps = await this.repos.followUps.listForPerson(actor.person.id);
    const goals = await this.repos.goals.listForFollowUps(followUps.map((f) => f.id));
    const byFollowUp = new Map<string, HomeGoal[]>();
    for (const goal of goals) {
      const list = byFollowUp.get(goal.followUpId) ?? [];
      list.push(toHomeGoal(goal));
      byFollowUp.set(goal.followUpId, list);
    }
    const card = (f: (typeof followUps)[number], other: string): HomeCard => ({
      followUpId: f.id,
      otherUserId: other,
      teamChannelId: f.teamChannelId,
      nextEvaluationOn: f.nextEvaluationOn ? dateToDay(f.nextEvaluationOn) : null,
      goals: byFollowUp.get(f.id) ?? [],
    });
    return {
      asSenior: followUps.filter((f) => f.seniorId === actor.person.id).map((f) => card(f, f.leader.slackUserId)),
      asLeader: followUps.filter((f) => f.leaderId === actor.person.id).map((f) => card(f, f.senior.slackUserId)),
    };
  }
}
