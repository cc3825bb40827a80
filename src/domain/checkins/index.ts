import type { Clock } from '../../time/clock';
import { inTransaction, type Repositories } from '../../data';
import type { FollowUpWithPeople } from '../../data/followups';
import type { GoalWithMilestones } from '../../data/goals';
import type { CheckIn, Goal, Milestone, PrismaClient } from '../../data/prisma';

import { createOnceByKey } from '../../data/createOnce';
import { ValidationError, type FieldError } from '../errors';
import type { Eventful } from '../events';
import type { GoalService } from '../goals';
import { progressOf } from '../goals/progress';
import type { Actor } from '../people';

export const CONFIDENCE_LEVELS = [1, 2, 3, 4, 5] as const;
export const CHECKIN_NOTE_MAX = 2000;

export interface CheckInInput {
  goalId: string;
  value: number | null;
  confidence: number;
  note: string | null;
}

export interface CheckInResult extends Eventful {
  checkIn: CheckIn;
  goal: GoalWithMilestones;
  followUp: FollowUpWithPeople;
  progress: number | null;
  openMilestones: Milestone[];
  duplicate: boolean;
  /**
   * The value reached or passed the target (in the goal's direction: up, or down for a target
   * below the baseline) and the goal is not achieved yet: the Slack side offers "Mark achieved"
   * (GoalService.markAchieved), one click that fires the celebration.
   */
  targetReached: boolean;
}

/** True when `value` reaches or passes the target, in the direction from the baseline to the target. */
export function reachesTarget(goal: { baseline: number | null; target: number | null }, value: number | null): boolean {
  if (value === null || goal.baseline === null || goal.target === null || goal.target === goal.baseline) return false;
  return goal.target > goal.baseline ? value >= goal.target : value <= goal.target;
}

/**
 * The check-in form's rules that need no more data than the goal: an active goal, a value exactly
 * when the goal has a measure, a confidence 1–5.
 */
export function checkInErrors(goal: Pick<Goal, 'status' | 'baseline' | 'target'>, input: Pick<CheckInInput, 'value' | 'confidence'>): Record<string, FieldError> {
  const errors: Record<string, FieldError> = {};
  if (goal.status !== 'ACTIVE') errors.goal = { key: 'checkin.error_goal_closed' };
  const hasMetric = goal.baseline !== null && goal.target !== null;
  if (hasMetric && input.value === null) errors.value = { key: 'checkin.error_value_required' };
  if (!hasMetric && input.value !== null) errors.value = { key: 'checkin.error_no_metric' };
  if (!(CONFIDENCE_LEVELS as readonly number[]).includes(input.confidence)) errors.confidence = { key: 'common.error_invalid_option' };
  return errors;
}

/** Step 4: progress on a goal — a value in the goal's unit, a confidence 1–5 and a note. */
export class CheckInService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly repos: Repositories,
    private readonly goals: GoalService,
    /** Stamps the check-in (its place in the goal's chart); the database's own time when absent. */
    private readonly clock?: Clock,
  ) {}

  async record(actor: Actor, input: CheckInInput, sourceKey: string | null): Promise<CheckInResult> {
    const goal = await this.goals.getWritable(actor, input.goalId);
    const errors = checkInErrors(goal, input);
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);

    const result = async (checkIn: CheckIn, duplicate: boolean): Promise<CheckInResult> => {
      const fresh = (await this.repos.goals.findWithFollowUp(goal.id)) ?? goal;
      return {
        checkIn,
        goal: fresh,
        followUp: goal.followUp,
        progress: progressOf(fresh),
        openMilestones: fresh.milestones.filter((m) => m.doneAt === null),
        duplicate,
        // A new check-in moves the goal's progress: its reminders are re-planned.
        events: duplicate ? [] : [{ type: 'subjectChanged', kind: 'goal', id: goal.id }],
        targetReached: fresh.status !== 'ACHIEVED' && reachesTarget(fresh, checkIn.value),
      };
    };
    const { value: checkIn, created } = await createOnceByKey(sourceKey, (key) => this.repos.checkIns.findBySourceKey(key), () =>
      inTransaction(this.prisma, (repos) =>
      repos.checkIns.create({ goalId: goal.id, authorId: actor.person.id, value: input.value, confidence: input.confidence, note: input.note, sourceKey, ...(this.clock ? { createdAt: this.clock.now().toJSDate() } : {}) }),
    ),
    );
    return result(checkIn, !created);
  }

  /** The latest check-ins of a goal the actor may see. */
  async listForGoal(actor: Actor, goalId: string): Promise<CheckIn[]> {
    await this.goals.getVisible(actor, goalId);
    return this.repos.checkIns.listForGoal(goalId);
  }
}
