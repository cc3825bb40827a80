import type { Cadence, Db, FollowUp, Locale, Person } from './prisma';
import { retryOnUniqueViolation } from './createOnce';

export interface FollowUpFields {
  teamChannelId: string | null;
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

  /** Creates the follow-up of a pair, or updates it (and re-activates it) when it exists. */
  upsert(workspaceId: string, seniorId: string, leaderId: string, fields: FollowUpFields): Promise<FollowUp> {
    return retryOnUniqueViolation(() =>
      this.db.followUp.upsert({
        where: { seniorId_leaderId: { seniorId, leaderId } },
        create: { workspaceId, seniorId, leaderId, ...fields },
        update: { ...fields, status: 'ACTIVE' },
      }),
    );
  }

  /**
   * Ends every active follow-up a person takes part in (as senior leader or leader) and returns
   * them as they were, with both people. A second call finds none: callers act once per ending.
   */
  async endAllOf(personId: string, at: Date, reason: string): Promise<FollowUpWithPeople[]> {
    const active = await this.db.followUp.findMany({
      where: { status: 'ACTIVE', OR: [{ seniorId: personId }, { leaderId: personId }] },
      include: { senior: true, leader: true },
    });
    const ended: FollowUpWithPeople[] = [];
    for (const f of active) {
      const res = await this.db.followUp.updateMany({ where: { id: f.id, status: 'ACTIVE' }, data: { status: 'ENDED', endedAt: at, endedReason: reason } });
      if (res.count > 0) ended.push(f);
    }
    return ended;
  }

  setNextEvaluation(id: string, nextEvaluationOn: Date): Promise<FollowUp> {
    return this.db.followUp.update({ where: { id }, data: { nextEvaluationOn } });
  }
}
