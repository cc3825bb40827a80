import type { PrismaClient } from '../../data/prisma';
import { isUniqueViolation } from '../../data/prisma';
import { inTransaction, type Repositories } from '../../data';
import { goalContent, GOAL_CONTENT_FIELDS, type GoalChanges, type GoalContent, type GoalWithFollowUp, type GoalWithMilestones } from '../../data/goals';

/** The names of the goal's content, for the Slack side's form reader (one description: data/goals.ts). */
export { GOAL_CONTENT_FIELDS, goalContent };
import type { FollowUpWithPeople } from '../../data/followups';
import { createOnceByKey } from '../../data/createOnce';
import { todayIn, type Clock } from '../../time/clock';
import { dayToDate, type IsoDay, dateToDay } from '../../time/dates';
import type { Eventful } from '../events';
import { NotFoundError, ValidationError, type FieldError, EditConflictError } from '../errors';
import { StaleRevisionError } from '../../data/goals';
import { assertParticipant, assertWritable } from '../privacy';
import type { FollowUpService } from '../followups';
import type { Actor } from '../people';

export const MAX_MILESTONES = 5 as const;

/** The goal form's input: the goal's content (data/goals.ts `GOAL_CONTENT`, described once), whose leader, its milestones. */
export interface GoalInput extends GoalContent<IsoDay> {
  leaderUserId: string;
  milestones: { title: string | null; dueDate: IsoDay | null }[];
  /** The follow-up, when the leader (with more than one) chose it in the form. */
  followUpId?: string | null;
}

export interface CreatedGoal {
  goal: GoalWithMilestones;
  leaderId: string;
  seniorId: string;
  duplicate: boolean;
}

export interface GoalEditInput {
  goalId: string;
  target: number | null;
  targetDate: IsoDay | null;
  qualitativeCriteria: string | null;
  reason: string;
  /**
   * The goal's revision number the form showed (carry it in the modal's private_metadata). When
   * absent, the revision read at the start of this save is used, which still catches two saves
   * at the same time.
   */
  expectedRevision?: number;
}

export interface EditedGoal extends Eventful {
  goal: GoalWithMilestones;
  followUp: FollowUpWithPeople;
  /** Which of target, targetDate, qualitativeCriteria changed (empty when a retry found nothing to do). */
  changed: string[];
  reason: string;
}

/** A goal the actor may see, with the follow-up it belongs to. */
export interface VisibleGoal {
  goal: GoalWithMilestones;
  followUp: FollowUpWithPeople;
}

export class GoalService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly repos: Repositories,
    private readonly followUps: FollowUpService,
    private readonly clock: Clock,
  ) {}

  /**
   * The goals the actor may see: as a leader their own, as a senior leader those of their leaders.
   * `leaderUserId` narrows to one leader (a mention); `activeOnly` leaves out achieved goals.
   */
  async visibleGoals(actor: Actor, opts: { leaderUserId?: string | null; activeOnly?: boolean } = {}): Promise<VisibleGoal[]> {
    let followUps = await this.followUps.listForActor(actor);
    if (opts.leaderUserId) followUps = followUps.filter((f) => f.leader.slackUserId === opts.leaderUserId);
    const byId = new Map(followUps.map((f) => [f.id, f]));
    const goals = await this.repos.goals.listForFollowUps([...byId.keys()]);
    return goals
      .filter((g) => !opts.activeOnly || g.status === 'ACTIVE')
      .map((goal) => ({ goal, followUp: byId.get(goal.followUpId)! }));
  }

  /**
   * One goal, when the actor is the senior leader or the leader of its follow-up. A goal of
   * another workspace, a dropped goal or a missing one is "not found"; someone else's is "not allowed".
   */
  async getVisible(actor: Actor, goalId: string): Promise<GoalWithFollowUp> {
    const goal = await this.repos.goals.findWithFollowUp(goalId);
    if (!goal || goal.followUp.workspaceId !== actor.teamId || goal.status === 'DROPPED') throw new NotFoundError('goal');
    assertParticipant(goal.followUp, actor.person.id);
    return goal;
  }

  /** A goal the actor may change: visible, and its follow-up active (pending and ended follow-ups are read-only). */
  async getWritable(actor: Actor, goalId: string, field = 'goal'): Promise<GoalWithFollowUp> {
    const goal = await this.getVisible(actor, goalId);
    assertWritable(goal.followUp, field);
    return goal;
  }

  /**
   * Changes a goal's target, target date or qualitative criteria. Asks why (required) and keeps a
   * revision with the reason. Either person of the follow-up may do it.
   */
  async edit(actor: Actor, input: GoalEditInput): Promise<EditedGoal> {
    const goal = await this.getWritable(actor, input.goalId, 'reason');
    const baseRevision = input.expectedRevision ?? (await this.repos.goals.lastRevisionNumber(goal.id));
    const errors: Record<string, FieldError> = {};
    const today = todayIn(this.clock, actor.zone);
    const changes: GoalChanges = {};
    const changed: string[] = [];
    const hasMetric = goal.baseline !== null;
    if (hasMetric) {
      if (input.target === null) errors.target = { key: 'common.error_required' };
      else if (input.target === goal.baseline) errors.target = { key: 'goal.error_baseline_equals_target' };
      else if (input.target !== goal.target) {
        changes.target = input.target;
        changed.push('target');
      }
    } else if (input.target !== null) errors.target = { key: 'goal_edit.error_no_metric' };
    const oldDate = goal.targetDate ? dateToDay(goal.targetDate) : null;
    if (input.targetDate !== oldDate) {
      if (input.targetDate && input.targetDate < today) errors.targetDate = { key: 'common.error_date_past' };
      changes.targetDate = input.targetDate ? dayToDate(input.targetDate) : null;
      changed.push('targetDate');
    }
    if ((input.qualitativeCriteria ?? null) !== (goal.qualitativeCriteria ?? null)) {
      changes.qualitativeCriteria = input.qualitativeCriteria;
      changed.push('qualitativeCriteria');
    }
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);
    if (changed.length === 0) {
      // Slack retried a submission we already saved: the same person, the same reason, nothing left to change.
      const [last] = (await this.repos.goals.revisions(goal.id)).slice(-1);
      if (last && last.authorId === actor.person.id && last.reason === input.reason && last.number > 1) {
        return { goal, followUp: goal.followUp, changed: [], reason: input.reason, events: [] };
      }
      // The form showed an older goal, and someone else's change already made it what this one asks for.
      if (input.expectedRevision !== undefined && last && input.expectedRevision !== last.number) throw new EditConflictError('goal');
      throw new ValidationError({ reason: { key: 'goal_edit.error_nothing_changed' } });
    }
    let updated: GoalWithMilestones;
    try {
      updated = await inTransaction(this.prisma, (repos) => repos.goals.change(goal.id, changes, actor.person.id, input.reason, { expectedRevision: baseRevision }));
    } catch (err) {
      // Someone saved in between (StaleRevisionError), or at the very same instant (the revision number's unique key).
      if (err instanceof StaleRevisionError || isUniqueViolation(err)) throw new EditConflictError('goal');
      throw err;
    }
    return { goal: updated, followUp: goal.followUp, changed, reason: input.reason, events: changed.length ? [{ type: 'subjectChanged', kind: 'goal', id: updated.id }] : [] };
  }

  /** The newest revision number of a goal the actor may see: the edit modal keeps it as `expectedRevision`. */
  async revisionOf(actor: Actor, goalId: string): Promise<number> {
    const goal = await this.getVisible(actor, goalId);
    return this.repos.goals.lastRevisionNumber(goal.id);
  }

  /**
   * "Mark achieved" (e.g. the suggestion after a check-in reached the target): either person of the
   * follow-up. Idempotent: a second click changes nothing (`changed` false, no event). When it
   * changed, the result carries `goalAchieved` (the celebration), published after answering Slack.
   */
  async markAchieved(actor: Actor, goalId: string): Promise<{ goal: GoalWithMilestones; followUp: FollowUpWithPeople; changed: boolean } & Eventful> {
    const goal = await this.getWritable(actor, goalId);
    if (goal.status === 'ACHIEVED') return { goal, followUp: goal.followUp, changed: false, events: [] };
    const now = this.clock.now().toJSDate();
    try {
      const updated = await inTransaction(this.prisma, (repos) => repos.goals.markAchieved(goal.id, now, actor.person.id, 'achieved'));
      if (!updated) return { goal, followUp: goal.followUp, changed: false, events: [] };
      return { goal: updated, followUp: goal.followUp, changed: true, events: [{ type: 'goalAchieved', id: updated.id }] };
    } catch (err) {
      if (isUniqueViolation(err)) return { goal, followUp: goal.followUp, changed: false, events: [] };
      throw err;
    }
  }

  /**
   * Creates a goal with its milestones and first revision. The senior leader or the leader may
   * create it. `sourceKey` makes a retried submission return the goal it already created.
   */
  async create(actor: Actor, input: GoalInput, sourceKey: string | null): Promise<CreatedGoal> {
    const errors: Record<string, FieldError> = {};
    const today = todayIn(this.clock, actor.zone);
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
      followUp = await this.followUps.resolveForSubject(actor, input.leaderUserId, 'leader', input.followUpId !== undefined ? { followUpId: input.followUpId } : undefined);
    } catch (err) {
      if (err instanceof ValidationError) Object.assign(errors, err.fields);
      else throw err;
    }
    if (Object.keys(errors).length > 0 || !followUp) throw new ValidationError(errors);

    const fu = followUp;
    // A retried submission returns the goal it already created (in this follow-up).
    const findSaved = async (key: string) => {
      const existing = await this.repos.goals.findBySourceKey(key);
      if (!existing || existing.followUpId !== fu.id) return null;
      const [goal] = (await this.repos.goals.listForFollowUps([existing.followUpId])).filter((g) => g.id === existing.id);
      return goal ?? null;
    };
    const { value: goal, created } = await createOnceByKey(sourceKey, findSaved, () =>
      inTransaction(this.prisma, (repos) =>
        repos.goals.create(
        {
          followUpId: fu.id,
          ...goalContent(input, dayToDate),
          createdById: actor.person.id,
          sourceKey,
          milestones: input.milestones
            .filter((m): m is { title: string; dueDate: IsoDay | null } => !!m.title)
            .map((m) => ({ title: m.title, dueDate: m.dueDate ? dayToDate(m.dueDate) : null })),
        },
        'created',
      ),
      ),
    );
    return { goal, leaderId: fu.leaderId, seniorId: fu.seniorId, duplicate: !created };
  }
}
