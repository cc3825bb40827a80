import type { Db, Learning } from './prisma';

export interface NewLearning {
  followUpId: string;
  authorId: string;
  whatHappened: string;
  learned: string;
  nextExperiment: string | null;
  sharedToChannel: boolean;
  sourceKey: string | null;
}

export class LearningRepository {
  constructor(private readonly db: Db) {}

  findBySourceKey(sourceKey: string): Promise<Learning | null> {
    return this.db.learning.findUnique({ where: { sourceKey } });
  }

  create(input: NewLearning): Promise<Learning> {
    return this.db.learning.create({ data: input });
  }

  /** Records the channel message a shared learning became; only the first post counts. */
  markShared(id: string, ts: string, channelId: string | null): Promise<{ count: number }> {
    return this.db.learning.updateMany({ where: { id, sharedTs: null }, data: { sharedTs: ts, sharedChannelId: channelId } });
  }

  /** Recent learnings of many follow-ups in one query (newest first). */
  listRecent(followUpIds: string[], take: number): Promise<Learning[]> {
    if (followUpIds.length === 0) return Promise.resolve([]);
    return this.db.learning.findMany({ where: { followUpId: { in: followUpIds } }, orderBy: { createdAt: 'desc' }, take });
  }
}
