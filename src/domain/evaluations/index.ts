import { inTransaction, type Repositories } from '../../data';
import type { EvaluationWithItems } from '../../data/evaluations';
import type { FollowUpWithPeople } from '../../data/followups';
import type { GoalWithMilestones } from '../../data/goals';
import type { PrismaClient } from '../../data/prisma';
import type { Assessment } from '../vocabulary';
import { createOnceByKey } from '../../data/createOnce';
import { todayIn, type Clock } from '../../time/clock';
import { addDays, dateToDay, dayToDate, type IsoDay } from '../../time/dates';
import { NotFoundError, ValidationError, type FieldError } from '../errors';
import type { Actor } from '../people';
import type { DomainEvent, Eventful } from '../events';
import { assertSenior, assertWritable } from '../privacy';

/**
 * Step 4: the evaluation conversation. The senior leader assesses each goal still being worked
 * on, may adjust its target or date (with a reason, kept as a goal revision), may mark it
 * achieved, and sets the next evaluation date.
 *
 * Goal status after an adjustment is ADJUSTED. An adjusted goal is still being worked on: it is
 * listed with the active goals everywhere (App Home, status, the next evaluation, check-ins) and
 * can be adjusted again or achieved later. Only ACHIEVED and DROPPED goals are closed.
 */

/**
 * Goals one evaluation modal can hold: each goal takes up to 6 blocks (title, assessment,
 * comment, new target, new date, reason), plus 4 blocks of the form, within Slack's 100.
 */
export const MAX_EVALUATED_GOALS = 15;

export interface EvaluationItemInput {
  goalId: string;
  assessment: Assessment;
  comment: string | null;
  newTarget: number | null;
  newTargetDate: IsoDay | null;
  reason: string | null;
}

export interface EvaluationInput {
  followUpId: string;
  items: EvaluationItemInput[];
  nextEvaluationOn: IsoDay;
  summary: string | null;
}

export interface EvaluationDraft {
  followUp: FollowUpWithPeople;
  goals: GoalWithMilestones[];
  /** Goals that did not fit in one modal. */
  hiddenGoals: number;
  defaultNext: IsoDay;
}

export interface RecordedEvaluation extends Eventful {
  evaluation: EvaluationWithItems;
  followUp: FollowUpWithPeople;
  achieved: GoalWithMilestones[];
  adjusted: GoalWithMilestones[];
  /** Titles of the evaluated goals, by id (for confirmations). */
  titles: Record<string, string>;
  duplicate: boolean;
}

/** What the rules need of a goal still being worked on. */
export interface OpenGoal {
  baseline: number | null;
  target: number | null;
}

/**
 * The rules of one evaluation, by field (`next`, `assessment<i>`, `target<i>`, `date<i>`,
 * `reason<i>` for the i-th item): the next evaluation after today; each goal still open and
 * evaluated once; an adjustment (new target or date) with a reason, and a reason only with one;
 * an achieved goal not adjusted; a new target only for a measured goal, other than its baseline
 * and (without a new date) its target; a new date not in the past.
 */
export function evaluationErrors(input: Pick<EvaluationInput, 'items' | 'nextEvaluationOn'>, open: ReadonlyMap<string, OpenGoal>, today: IsoDay): Record<string, FieldError> {
  const errors: Record<string, FieldError> = {};
  if (input.nextEvaluationOn <= today) errors.next = { key: 'evaluate.error_next_not_future' };
  const seen = new Set<string>();
  input.items.forEach((item, i) => {
    const goal = open.get(item.goalId);
    if (!goal || seen.has(item.goalId)) {
      errors[`assessment${i}`] = { key: 'evaluate.error_goal_gone' };
      return;
    }
    seen.add(item.goalId);
    const adjusting = item.newTarget !== null || item.newTargetDate !== null;
    if (!adjusting) {
      if (item.reason) errors[`reason${i}`] = { key: 'evaluate.error_reason_without_change' };
      return;
    }
    if (item.assessment === 'ACHIEVED') {
      errors[`reason${i}`] = { key: 'evaluate.error_achieved_and_adjusted' };
      return;
    }
    if (!item.reason) errors[`reason${i}`] = { key: 'evaluate.error_reason_required' };
    if (item.newTarget !== null) {
      if (goal.baseline === null) errors[`target${i}`] = { key: 'evaluate.error_no_metric' };
      else if (item.newTarget === goal.baseline) errors[`target${i}`] = { key: 'goal.error_baseline_equals_target' };
      else if (item.newTarget === goal.target && item.newTargetDate === null) errors[`target${i}`] = { key: 'evaluate.error_same_target' };
    }
    if (item.newTargetDate !== null && item.newTargetDate < today) errors[`date${i}`] = { key: 'common.error_date_past' };
  });
  return errors;
}

export class EvaluationService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  private today(actor: Actor): IsoDay {
    return todayIn(this.clock, actor.zone);
  }

  /** What the evaluation modal needs; only the senior leader of the follow-up gets it. */
  async prepare(actor: Actor, leaderUserId: string | null): Promise<EvaluationDraft> {
    const mine = (await this.repos.followUps.listForPerson(actor.person.id)).filter((f) => f.seniorId === actor.person.id);
    let followUp: FollowUpWithPeople | undefined;
    if (leaderUserId) {
      followUp = mine.find((f) => f.leader.slackUserId === leaderUserId);
      if (!followUp) throw new ValidationError({ leader: { key: 'evaluate.error_not_senior' } });
    } else if (mine.length === 1) {
      followUp = mine[0];
    } else {
      throw new ValidationError({ leader: { key: mine.length === 0 ? 'evaluate.error_not_senior' : 'evaluate.error_mention_leader' } });
    }
    const open = await this.repos.goals.listOpen(followUp.id);
    if (open.length === 0) throw new ValidationError({ leader: { key: 'evaluate.error_no_goals' } });
    return {
      followUp,
      goals: open.slice(0, MAX_EVALUATED_GOALS),
      hiddenGoals: Math.max(0, open.length - MAX_EVALUATED_GOALS),
      defaultNext: addDays(this.today(actor), followUp.evaluationEveryWeeks * 7),
    };
  }

  /**
   * Records an evaluation. Everything in `input` may be forged (it comes back from the modal's
   * private_metadata): the follow-up and each goal are checked again here.
   */
  async record(actor: Actor, input: EvaluationInput, sourceKey: string | null): Promise<RecordedEvaluation> {
    const followUp = await this.repos.followUps.findById(input.followUpId);
    if (!followUp || followUp.workspaceId !== actor.teamId) throw new NotFoundError('follow-up');
    assertSenior(followUp, actor.person.id);
    // A modal opened before the follow-up ended (or before it started) is refused when submitted after.
    assertWritable(followUp, 'summary');

    if (sourceKey) {
      const existing = await this.repos.evaluations.findBySourceKey(sourceKey);
      if (existing) return { evaluation: existing, followUp, achieved: [], adjusted: [], titles: {}, duplicate: true, events: [] };
    }

    const today = this.today(actor);
    const open = new Map((await this.repos.goals.listOpen(followUp.id)).map((g) => [g.id, g]));
    const errors = evaluationErrors(input, open, today);
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);

    const previousNext = followUp.nextEvaluationOn ? dateToDay(followUp.nextEvaluationOn) : null;
    const now = this.clock.now().toJSDate();
    type Saved = { evaluation: EvaluationWithItems; achieved: GoalWithMilestones[]; adjusted: GoalWithMilestones[] };
    const findSaved = async (key: string): Promise<Saved | null> => {
      const evaluation = await this.repos.evaluations.findBySourceKey(key);
      return evaluation ? { evaluation, achieved: [], adjusted: [] } : null;
    };
    const { value: result, created } = await createOnceByKey<Saved>(sourceKey, findSaved, () =>
      inTransaction(this.prisma, async (repos) => {
        const evaluation = await repos.evaluations.create({
          followUpId: followUp.id,
          heldOn: dayToDate(today),
          authorId: actor.person.id,
          summary: input.summary,
          nextEvaluationOn: dayToDate(input.nextEvaluationOn),
          sourceKey,
          items: input.items.map((i) => ({ goalId: i.goalId, assessment: i.assessment, comment: i.comment })),
        });
        const achieved: GoalWithMilestones[] = [];
        const adjusted: GoalWithMilestones[] = [];
        for (const item of input.items) {
          if (item.assessment === 'ACHIEVED') {
            achieved.push(await repos.goals.change(item.goalId, { status: 'ACHIEVED', achievedAt: now }, actor.person.id, 'achieved at evaluation', { evaluationId: evaluation.id }));
          } else if (item.newTarget !== null || item.newTargetDate !== null) {
            adjusted.push(
              await repos.goals.change(
                item.goalId,
                {
                  ...(item.newTarget !== null ? { target: item.newTarget } : {}),
                  ...(item.newTargetDate !== null ? { targetDate: dayToDate(item.newTargetDate) } : {}),
                  status: 'ADJUSTED',
                },
                actor.person.id,
                `adjusted after evaluation: ${item.reason ?? ''}`,
                { evaluationId: evaluation.id },
              ),
            );
          }
        }
        await repos.followUps.setNextEvaluation(followUp.id, dayToDate(input.nextEvaluationOn));
        return { evaluation, achieved, adjusted };
      }),
    );
    if (!created) return { ...result, followUp, titles: {}, duplicate: true, events: [] };

    const events: DomainEvent[] = [
      ...result.achieved.map((goal) => ({ type: 'goalAchieved', id: goal.id } satisfies DomainEvent)),
      ...result.adjusted.map((goal) => ({ type: 'subjectChanged', kind: 'goal', id: goal.id } satisfies DomainEvent)),
      ...(previousNext !== input.nextEvaluationOn ? [{ type: 'subjectChanged', kind: 'evaluation', id: followUp.id } satisfies DomainEvent] : []),
    ];
    const titles = Object.fromEntries(input.items.map((i) => [i.goalId, open.get(i.goalId)?.title ?? '']));
    return { ...result, followUp, titles, duplicate: false, events };
  }
}
