import type { Cadence, Db, FollowUp, Locale, Person } from './prisma';
import { retryOnUniqueViolation } from './createOnce';

export interface FollowUpFields {
  teamChannelId: string | null;
  /** A channel change waiting for the leader's answer (an active follow-up); null = none. */
  proposedTeamChannelId?: string | null;
  /** The team channel's language; null = the workspace default; absent = unchanged. */
  teamLocale?: Locale | null;
  oneToOneCadence: Cadence;
  evaluationEveryWeeks: number;
  reflectionCadence: Cadence;
  startDate: Date;
  nextEvaluationOn: Date | null;
}

export type FollowUpWithPeople = FollowUp & { senior: Person; leader: Person };

export class FollowUpRepository {
  constructor(private readonly db: Db) {}

  findById(id: string): Promise<FollowUpWithPeople | null> {
    return this.db.followUp.findUnique({ where: { id }, include: { senior: true, leader: true } });
  }

  findByPair(seniorId: string, leaderId: string): Promise<FollowUp | null> {
    return this.db.followUp.findUnique({ where: { seniorId_leaderId: { seniorId, leaderId } } });
  }

  /** Active follow-ups a person takes part in, as senior leader or as leader. */
  listForPerson(personId: string): Promise<FollowUpWithPeople[]> {
    return this.db.followUp.findMany({
      where: { status: 'ACTIVE', OR: [{ seniorId: personId }, { leaderId: personId }] },
      include: { senior: true, leader: true },
      orderBy: { createdAt: 'asc' },
    });
  }

  /**
   * Creates the follow-up of a pair, or updates it when it exists. `start` = 'pending' (a new
   * invitation: PENDING, invited now) or 'active' (consent skipped) applies to a new follow-up and
   * to an ended one started again; an active or pending follow-up keeps its status (an edit).
   */
  async upsert(workspaceId: string, seniorId: string, leaderId: string, fields: FollowUpFields, start: 'pending' | 'active' = 'active', at: Date = new Date()): Promise<FollowUp> {
    const status = start === 'pending' ? 'PENDING' : 'ACTIVE';
    const restart = { status, invitedAt: start === 'pending' ? at : null, endedAt: null, endedReason: null } as const;
    return retryOnUniqueViolation(async () => {
      const existing = await this.db.followUp.findUnique({ where: { seniorId_leaderId: { seniorId, leaderId } } });
      if (!existing) return this.db.followUp.create({ data: { workspaceId, seniorId, leaderId, ...fields, ...restart } });
      return this.db.followUp.update({ where: { id: existing.id }, data: existing.status === 'ENDED' ? { ...fields, ...restart } : fields });
    });
  }

  /**
   * Answers a channel change the leader was asked about: accepted, the proposed channel becomes the
   * team channel; kept, the proposal is dropped. Only while that proposal still stands (true once).
   */
  async answerChannelProposal(id: string, channelId: string, accept: boolean): Promise<boolean> {
    const res = await this.db.followUp.updateMany({
      where: { id, status: 'ACTIVE', proposedTeamChannelId: channelId },
      data: accept ? { teamChannelId: channelId, proposedTeamChannelId: null } : { proposedTeamChannelId: null },
    });
    return res.count > 0;
  }

  /** Active and pending follow-ups a person takes part in, oldest first (App Home: one query). */
  listCurrentForPerson(personId: string): Promise<FollowUpWithPeople[]> {
    return this.db.followUp.findMany({
      where: { status: { in: ['ACTIVE', 'PENDING'] }, OR: [{ seniorId: personId }, { leaderId: personId }] },
      include: { senior: true, leader: true },
      orderBy: { createdAt: 'asc' },
    });
  }

  /** Pending (invited) follow-ups a person takes part in, oldest first. */
  listPendingForPerson(personId: string): Promise<FollowUpWithPeople[]> {
    return this.db.followUp.findMany({
      where: { status: 'PENDING', OR: [{ seniorId: personId }, { leaderId: personId }] },
      include: { senior: true, leader: true },
      orderBy: { createdAt: 'asc' },
    });
  }

  /**
   * Moves a follow-up from one status to another only when it is still in `from` (and, for an
   * invitation, still the same invitation): true for the one call that changed it.
   */
  async transition(id: string, from: 'PENDING' | 'ACTIVE', to: 'ACTIVE' | 'ENDED', at: Date, reason: string | null, invitedAt?: Date): Promise<boolean> {
    const res = await this.db.followUp.updateMany({
      where: { id, status: from, ...(invitedAt ? { invitedAt } : {}) },
      data: to === 'ENDED' ? { status: to, endedAt: at, endedReason: reason } : { status: to },
    });
    return res.count > 0;
  }

  /**
   * Ends every active follow-up a person takes part in (as senior leader or leader) and returns
   * them as they were, with both people. A second call finds none: callers act once per ending.
   */
  /** Ends a person's active follow-ups and open invitations (a person who left, an erasure). */
  async endAllOf(personId: string, at: Date, reason: string): Promise<FollowUpWithPeople[]> {
    const active = await this.db.followUp.findMany({
      where: { status: { in: ['ACTIVE', 'PENDING'] }, OR: [{ seniorId: personId }, { leaderId: personId }] },
      include: { senior: true, leader: true },
    });
    const ended: FollowUpWithPeople[] = [];
    for (const f of active) {
      const res = await this.db.followUp.updateMany({ where: { id: f.id, status: f.status }, data: { status: 'ENDED', endedAt: at, endedReason: reason } });
      if (res.count > 0) ended.push(f);
    }
    return ended;
  }

  setNextEvaluation(id: string, nextEvaluationOn: Date): Promise<FollowUp> {
    return this.db.followUp.update({ where: { id }, data: { nextEvaluationOn } });
  }
}
