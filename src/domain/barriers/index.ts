import type { Repositories } from '../../data';
import type { FollowUpWithPeople } from '../../data/followups';
import { createOnceByKey } from '../../data/createOnce';
import { type Barrier, type BarrierKind, type BarrierStatus } from '../../data/prisma';
import type { Clock } from '../../time/clock';
import { NotFoundError } from '../errors';
import type { FollowUpService } from '../followups';
import type { Actor } from '../people';
import { assertParticipant } from '../privacy';

/** Step 5: barriers — personal, organisational or resource — registered by the senior leader or the leader. */

export interface BarrierInput {
  leaderUserId: string;
  kind: BarrierKind;
  description: string;
  status: BarrierStatus;
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
    const followUp = await this.followUps.resolveForSubject(actor, input.leaderUserId, 'leader');
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

  /** Changes a barrier's status; the senior leader or the leader of its follow-up only. */
  async setStatus(actor: Actor, barrierId: string, status: BarrierStatus): Promise<SavedBarrier> {
    const barrier = await this.repos.barriers.findById(barrierId);
    if (!barrier) throw new NotFoundError('barrier');
    const followUp = await this.repos.followUps.findById(barrier.followUpId);
    if (!followUp || followUp.workspaceId !== actor.teamId) throw new NotFoundError('barrier');
    assertParticipant(followUp, actor.person.id);
    if (barrier.status === status) return { barrier, followUp, duplicate: true };
    const updated = await this.repos.barriers.setStatus(barrier.id, status, status === 'RESOLVED' ? this.clock.now().toJSDate() : null);
    return { barrier: updated, followUp, duplicate: false };
  }
}
