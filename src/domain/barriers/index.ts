import type { Repositories } from '../../data';
import type { FollowUpWithPeople } from '../../data/followups';
import { createOnceByKey } from '../../data/createOnce';
import { type Barrier, type BarrierKind, type BarrierStatus, type ActionItem } from '../../data/prisma';
import type { Clock } from '../../time/clock';
import { NotFoundError, ValidationError } from '../errors';
import type { FollowUpService } from '../followups';
import type { Actor } from '../people';
import { assertParticipant, assertWritable } from '../privacy';

/** Step 5: barriers — personal, organisational or resource — registered by the senior leader or the leader. */

export interface BarrierInput {
  leaderUserId: string;
  kind: BarrierKind;
  description: string;
  status: BarrierStatus;
  /** The form's follow-up chooser (a leader with several follow-ups): absent when it was not shown. */
  followUpId?: string | null;
}

export interface SavedBarrier {
  barrier: Barrier;
  followUp: FollowUpWithPeople;
  duplicate: boolean;
}

export class BarrierService {
  constructor(
    private readonly repos: Repositories,
    private readonly followUps: FollowUpService,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, input: BarrierInput, sourceKey: string | null): Promise<SavedBarrier> {
    // The senior leader of this leader, or the leader themselves; anyone else gets a field error.
    const followUp = await this.followUps.resolveForSubject(actor, input.leaderUserId, 'leader', input.followUpId !== undefined ? { followUpId: input.followUpId } : undefined);
    const { value: barrier, created } = await createOnceByKey(sourceKey, (key) => this.repos.barriers.findBySourceKey(key), () =>
      this.repos.barriers.create({
      followUpId: followUp.id,
      kind: input.kind,
      description: input.description,
      status: input.status,
      createdById: actor.person.id,
      sourceKey,
      resolvedAt: input.status === 'RESOLVED' ? this.clock.now().toJSDate() : null,
    }),
    );
    return { barrier, followUp, duplicate: !created };
  }

  /** A barrier with the actions that address it (the barrier's card). */
  async withActions(actor: Actor, barrierId: string): Promise<{ barrier: Barrier; followUp: FollowUpWithPeople; actions: ActionItem[] }> {
    const { barrier, followUp } = await this.visibleBarrier(actor, barrierId);
    return { barrier, followUp, actions: await this.repos.actions.listForBarrier(barrier.id) };
  }

  /**
   * A barrier with the actions that address it, and the follow-up's other open actions that could
   * be linked to it (the barrier's "link an action" choice).
   */
  async links(actor: Actor, barrierId: string): Promise<{ barrier: Barrier; followUp: FollowUpWithPeople; actions: ActionItem[]; linkable: ActionItem[] }> {
    const { barrier, followUp, actions } = await this.withActions(actor, barrierId);
    const open = await this.repos.actions.openFor(followUp.id);
    return { barrier, followUp, actions, linkable: open.filter((a) => a.barrierId !== barrier.id) };
  }

  /**
   * Links an action to a barrier it addresses, from either side (the barrier's "add action" or the
   * action's "addresses barrier"): both must belong to one follow-up the actor is part of. An action
   * addresses at most one barrier; linking it again moves it. `changed` is false when it already was.
   */
  async link(actor: Actor, barrierId: string, actionId: string): Promise<{ action: ActionItem; barrier: Barrier; changed: boolean }> {
    const { barrier, followUp } = await this.visibleBarrier(actor, barrierId);
    assertWritable(followUp, 'barrier');
    const action = await this.repos.actions.findById(actionId);
    if (!action) throw new NotFoundError('action');
    if (action.followUpId !== barrier.followUpId) throw new ValidationError({ barrier: { key: 'barrier.error_link_other_followup' } });
    if (action.barrierId === barrier.id) return { action, barrier, changed: false };
    return { action: await this.repos.actions.setBarrier(action.id, barrier.id), barrier, changed: true };
  }

  /** Removes an action's link to its barrier (from either side). */
  async unlink(actor: Actor, actionId: string): Promise<{ action: ActionItem; changed: boolean }> {
    const action = await this.repos.actions.findById(actionId);
    if (!action) throw new NotFoundError('action');
    const followUp = await this.repos.followUps.findById(action.followUpId);
    if (!followUp || followUp.workspaceId !== actor.teamId) throw new NotFoundError('action');
    assertParticipant(followUp, actor.person.id);
    assertWritable(followUp, 'barrier');
    if (action.barrierId === null) return { action, changed: false };
    return { action: await this.repos.actions.setBarrier(action.id, null), changed: true };
  }

  private async visibleBarrier(actor: Actor, barrierId: string): Promise<{ barrier: Barrier; followUp: FollowUpWithPeople }> {
    const barrier = await this.repos.barriers.findById(barrierId);
    if (!barrier) throw new NotFoundError('barrier');
    const followUp = await this.repos.followUps.findById(barrier.followUpId);
    if (!followUp || followUp.workspaceId !== actor.teamId) throw new NotFoundError('barrier');
    assertParticipant(followUp, actor.person.id);
    return { barrier, followUp };
  }

  /** Changes a barrier's status; the senior leader or the leader of its follow-up only. */
  async setStatus(actor: Actor, barrierId: string, status: BarrierStatus): Promise<SavedBarrier> {
    const barrier = await this.repos.barriers.findById(barrierId);
    if (!barrier) throw new NotFoundError('barrier');
    const followUp = await this.repos.followUps.findById(barrier.followUpId);
    if (!followUp || followUp.workspaceId !== actor.teamId) throw new NotFoundError('barrier');
    assertParticipant(followUp, actor.person.id);
    assertWritable(followUp, 'status');
    if (barrier.status === status) return { barrier, followUp, duplicate: true };
    const updated = await this.repos.barriers.setStatus(barrier.id, status, status === 'RESOLVED' ? this.clock.now().toJSDate() : null);
    return { barrier: updated, followUp, duplicate: false };
  }
}
