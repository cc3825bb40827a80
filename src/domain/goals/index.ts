import type { PrismaClient } from '../../data/prisma';
import { inTransaction, type Repositories } from '../../data';
import type { GoalWithMilestones } from '../../data/goals';
import type { GoalKind } from '../../data/prisma';
import { isUniqueViolation } from '../../data/prisma';
import type { Clock } from '../../time/clock';
import { dayToDate, type IsoDay } from '../../time/dates';
import { ValidationError, type FieldError } from '../errors';
import type { FollowUpService } from '../followups';
import type { Actor } from '../people';

export const MAX_MILESTONES = 5;

export interface GoalInput {
  leaderUserId: string;
  kind: GoalKind;
  title: string;
  description: string | null;
  expectations: string | null;
  qualitativeCriteria: string | null;
  metricName: string | null;
  metricUnit: string | null;
  baseline: number | null;
  target: number | null;
  targetDate: IsoDay | null;
  milestones: { title: string | null; dueDate: IsoDay | null }[];
}

export interface CreatedGoal {
  goal: GoalWithMilestones;
  leaderId: string;
  seniorId: string;
  duplicate: boolean;
}

export class GoalService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly repos: Repositories,
    private readonly followUps: FollowUpService,
    private readonly clock: Clock,
  ) {}

  /**
   * Creates a goal with its milestones and first revision. The senior leader or the leader may
   * create it. `sourceKey` makes a retried submission return the goal it already created.
   */
  async create(actor: Actor, input: GoalInput, sourceKey: string | null): Promise<CreatedGoal> {
    const errors: Record<string, FieldError> = {};
    const today = this.clock.now().setZone(actor.zone).toISODate() as IsoDay;
    if (input.targetDate && input.targetDate < today) errors.targetDate = { key: 'common.error_date_past' };
    const metricParts = [input.metricName, input.baseline, input.target].filter((v) => v !== null).length;
    if (metricParts > 0 && metricParts < 3) {
      if (input.metricName === null) errors.metric = { key: 'goal.error_metric_incomplete' };
      else if (input.baseline === null) errors.baseline = { key: 'goal.error_metric_incomplete' };
      else errors.target = { key: 'goal.error_metric_incomplete' };
    }
    if (input.baseline !== null && input.target !== null && input.baseline === input.target) {
      errors.target = { key: 'goal.error_baseline_equals_target' };
    }
    input.milestones.forEach((m, i) => {
      const n = i + 1;
      if (!m.title && m.dueDate) errors[`milestone${n}`] = { key: 'goal.error_milestone_date_without_title' };
      else if (m.dueDate && m.dueDate < today) errors[`milestoneDue${n}`] = { key: 'common.error_date_past' };
      else if (m.dueDate && input.targetDate && m.dueDate > input.targetDate) errors[`milestoneDue${n}`] = { key: 'goal.error_milestone_after_target' };
    });

    let followUp;
    try {
      followUp = await this.followUps.resolveForSubject(actor, input.leaderUserId, 'leader');
    } catch (err) {
      if (err instanceof ValidationError) Object.assign(errors, err.fields);
      else throw err;
    }
    if (Object.keys(errors).length > 0 || !followUp) throw new ValidationError(errors);

    if (sourceKey) {
      const existing = await this.repos.goals.findBySourceKey(sourceKey);
      if (existing && existing.followUpId === followUp.id) {
        const [goal] = await this.repos.goals.listForFollowUps([existing.followUpId]).then((gs) => gs.filter((g) => g.id === existing.id));
        return { goal, leaderId: followUp.leaderId, seniorId: followUp.seniorId, duplicate: true };
      }
    }
    const fu = followUp;
    try {
      const goal = await inTransaction(this.prisma, (repos) =>
        repos.goals.create(
          {
            followUpId: fu.id,
            kind: input.kind,
            title: input.title,
            description: input.description,
            expectations: input.expectations,
            qualitativeCriteria: input.qualitativeCriteria,
            metricName: input.metricName,
            metricUnit: input.metricUnit,
            baseline: input.baseline,
            target: input.target,
            targetDate: input.targetDate ? dayToDate(input.targetDate) : null,
            createdById: actor.person.id,
            sourceKey,
            milestones: input.milestones
              .filter((m): m is { title: string; dueDate: IsoDay | null } => !!m.title)
              .map((m) => ({ title: m.title, dueDate: m.dueDate ? dayToDate(m.dueDate) : null })),
          },
          'created',
        ),
      );
      return { goal, leaderId: fu.leaderId, seniorId: fu.seniorId, duplicate: false };
    } catch (err) {
      // Two deliveries of the same submission raced: the other one created it.
      if (sourceKey && isUniqueViolation(err)) {
        const existing = await this.repos.goals.findBySourceKey(sourceKey);
        if (existing) {
          const [goal] = (await this.repos.goals.listForFollowUps([existing.followUpId])).filter((g) => g.id === existing.id);
          return { goal, leaderId: fu.leaderId, seniorId: fu.seniorId, duplicate: true };
        }
      }
      throw err;
    }
  }
}
