import type { Repositories } from '../../data';
import type { FollowUpWithPeople } from '../../data/followups';
import type { Goal, Milestone } from '../../data/prisma';
import type { Clock } from '../../time/clock';
import { NotFoundError } from '../errors';
import type { Eventful } from '../events';
import type { GoalService } from '../goals';
import type { Actor } from '../people';

export interface OpenMilestone {
  milestone: Milestone;
  goal: Goal;
  followUp: FollowUpWithPeople;
}

export interface MilestoneDone extends Eventful {
  milestone: Milestone;
  goal: Goal;
  followUp: FollowUpWithPeople;
  /** False when it was already done (a second click, a retry): nothing changed. */
  changed: boolean;
}

/** Step 6: small wins. Marking a milestone done is idempotent. */
export class MilestoneService {
  constructor(
    private readonly repos: Repositories,
    private readonly goals: GoalService,
    private readonly clock: Clock,
  ) {}

  /** Open milestones of the active goals the actor may see (optionally of one leader). */
  async openForActor(actor: Actor, leaderUserId: string | null = null): Promise<OpenMilestone[]> {
    const visible = await this.goals.visibleGoals(actor, { leaderUserId, activeOnly: true });
    const out: OpenMilestone[] = [];
    for (const { goal, followUp } of visible) {
      for (const m of goal.milestones) if (m.doneAt === null) out.push({ milestone: m, goal, followUp });
    }
    return out;
  }

  /** Marks a milestone of a goal the actor may see as done; the first time, its celebration follows (`milestoneDone`). */
  async markDone(actor: Actor, milestoneId: string): Promise<MilestoneDone> {
    const found = await this.repos.milestones.findById(milestoneId);
    if (!found) throw new NotFoundError('milestone');
    const goal = await this.goals.getWritable(actor, found.goalId);
    const changed = await this.repos.milestones.markDone(found.id, actor.person.id, this.clock.now().toJSDate());
    const milestone = (await this.repos.milestones.findById(found.id)) ?? found;
    return { milestone, goal, followUp: goal.followUp, changed, events: changed ? [{ type: 'milestoneDone', id: milestone.id }] : [] };
  }
}
