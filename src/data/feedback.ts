import type { Db, Feedback } from './prisma';

export interface NewFeedback {
  workspaceId: string;
  giverId: string;
  receiverId: string;
  works: string;
  improve: string;
  advice: string;
  sourceKey: string | null;
}

export class FeedbackRepository {
  constructor(private readonly db: Db) {}

  findBySourceKey(sourceKey: string): Promise<Feedback | null> {
    return this.db.feedback.findUnique({ where: { sourceKey } });
  }

  findById(id: string): Promise<Feedback | null> {
    return this.db.feedback.findUnique({ where: { id } });
  }

  create(input: NewFeedback): Promise<Feedback> {
    return this.db.feedback.create({ data: input });
  }

  saveMessageTs(id: string, messageTs: string, messageChannelId: string | null): Promise<unknown> {
    return this.db.feedback.update({ where: { id }, data: { messageTs, messageChannelId } });
  }

  /** Feedback a person gave or received, newest first. */
  listForPerson(personId: string, take = 20): Promise<Feedback[]> {
    return this.db.feedback.findMany({ where: { OR: [{ giverId: personId }, { receiverId: personId }] }, orderBy: { createdAt: 'desc' }, take });
  }
}
