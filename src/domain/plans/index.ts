import type { Repositories } from '../../data';
import type { FollowUpWithPeople } from '../../data/followups';
import type { ActionItem, Barrier } from '../../data/prisma';
import { createOnceByKey } from '../../data/createOnce';
import { todayIn, type Clock } from '../../time/clock';
import { addDays, dateToDay, dayToDate, type IsoDay } from '../../time/dates';
import { NotFoundError, ValidationError, type FieldError } from '../errors';
import type { FollowUpService } from '../followups';
import type { Actor } from '../people';
import type { Eventful } from '../events';
import { assertParticipant, assertWritable } from '../privacy';

export const PLAN_WHAT_MAX = 500;

/** Who does an action item: the leader or the senior leader of the follow-up. */
export const PLAN_OWNERS = ['leader', 'senior'] as const;
export type PlanOwner = (typeof PLAN_OWNERS)[number];

export interface PlanInput {
  leaderUserId: string;
  what: string;
  owner: PlanOwner;
  dueDate: IsoDay | null;
  barrierId: string | null;
  /** The follow-up, when the leader (with more than one) chose it in the form. */
  followUpId?: string | null;
}

export interface PlanResult extends Eventful {
  action: ActionItem;
  followUp: FollowUpWithPeople;
  duplicate: boolean;
}

/** The rules of a new action item that need no lookup: a due date, when given, not in the past. */
export function planErrors(input: Pick<PlanInput, 'dueDate'>, today: IsoDay): Record<string, FieldError> {
  const errors: Record<string, FieldError> = {};
  if (input.dueDate && input.dueDate < today) errors.dueDate = { key: 'common.error_date_past' };
  return errors;
}

/**
 * The follow-up plan (step 5): action items with an owner (the leader or the senior leader), a due
 * date and optionally the barrier they address. Only the follow-up's senior leader and leader may
 * read or change them. Every change re-plans the item's reminders.
 */
export class PlanService {
  constructor(
    private readonly repos: Repositories,
    private readonly followUps: FollowUpService,
    private readonly clock: Clock,
  ) {}

  private today(actor: Actor): IsoDay {
    return todayIn(this.clock, actor.zone);
  }

  /** The open barriers a new action may address (for the modal), when the follow-up is known. */
  async barriersFor(actor: Actor, leaderUserId: string): Promise<Barrier[]> {
    try {
      const f = await this.followUps.resolveForSubject(actor, leaderUserId, 'leader');
      return this.repos.schedule.openBarriers([f.id]);
    } catch (err) {
      if (err instanceof ValidationError) return [];
      throw err;
    }
  }

  async create(actor: Actor, input: PlanInput, sourceKey: string | null): Promise<PlanResult> {
    const errors = planErrors(input, this.today(actor));
    let followUp: FollowUpWithPeople | null = null;
    try {
      followUp = await this.followUps.resolveForSubject(actor, input.leaderUserId, 'leader', input.followUpId !== undefined ? { followUpId: input.followUpId } : undefined);
    } catch (err) {
      if (err instanceof ValidationError) Object.assign(errors, err.fields);
      else throw err;
    }
    if (followUp && input.barrierId) {
      const open = await this.repos.schedule.openBarriers([followUp.id]);
      if (!open.some((b) => b.id === input.barrierId)) errors.barrier = { key: 'plan.error_barrier' };
    }
    if (Object.keys(errors).length > 0 || !followUp) throw new ValidationError(errors);
    const fu = followUp;
    const { value: action, created } = await createOnceByKey(sourceKey, (key) => this.repos.actions.findBySourceKey(key), () =>
      this.repos.actions.create({
        followUpId: fu.id,
        what: input.what,
        ownerId: input.owner === 'senior' ? fu.seniorId : fu.leaderId,
        dueDate: input.dueDate ? dayToDate(input.dueDate) : null,
        barrierId: input.barrierId,
        conversationId: null,
        createdById: actor.person.id,
        sourceKey,
      }),
    );
    if (!created) return { action, followUp, duplicate: true, events: [] };
    return { action, followUp, duplicate: false, events: [{ type: 'subjectChanged', kind: 'action', id: action.id }] };
  }

  /** An action the actor may see: its follow-up's senior leader or leader only. */
  async get(actor: Actor, actionId: string): Promise<{ action: ActionItem; barrier: Barrier | null }> {
    const a = await this.repos.schedule.action(actionId);
    if (!a || a.followUp.workspaceId !== actor.teamId) throw new NotFoundError('action');
    assertParticipant(a.followUp, actor.person.id);
    const { followUp: _f, barrier, ...action } = a;
    return { action, barrier };
  }

  /** An action the actor may change: its follow-up is active (an ended one's history is read-only). */
  private async getWritable(actor: Actor, actionId: string): Promise<{ action: ActionItem; barrier: Barrier | null }> {
    const a = await this.repos.schedule.action(actionId);
    if (!a || a.followUp.workspaceId !== actor.teamId) throw new NotFoundError('action');
    assertParticipant(a.followUp, actor.person.id);
    assertWritable(a.followUp, 'action');
    const { followUp: _f, barrier, ...action } = a;
    return { action, barrier };
  }

  /** Marks done (or open again); its reminders are cancelled (or planned again). */
  async setDone(actor: Actor, actionId: string, done: boolean): Promise<{ action: ActionItem } & Eventful> {
    await this.getWritable(actor, actionId);
    await this.repos.actions.setDone(actionId, done, this.clock.now().toJSDate());
    return { action: (await this.get(actor, actionId)).action, events: [{ type: 'subjectChanged', kind: 'action', id: actionId }] };
  }

  /** Moves the next reminder to tomorrow (in the actor's zone), or a day after the due date if that is later. */
  async snooze(actor: Actor, actionId: string): Promise<{ action: ActionItem; until: IsoDay } & Eventful> {
    const { action } = await this.getWritable(actor, actionId);
    const tomorrow = addDays(this.today(actor), 1);
    const until = action.dueDate && dateToDay(action.dueDate) > tomorrow ? addDays(dateToDay(action.dueDate), 1) : tomorrow;
    const updated = await this.repos.actions.snooze(actionId, dayToDate(until));
    return { action: updated, until, events: [{ type: 'subjectChanged', kind: 'action', id: actionId }] };
  }
}
