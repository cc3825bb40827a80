import type { ActionItem, Db, Feedback, Reflection } from './prisma';

/**
 * Batch reads for App Home and status: each method is ONE query whatever the number of
 * follow-ups, so a dashboard costs a constant number of queries.
 */
export class DashboardRepository {
  constructor(private readonly db: Db) {}

  /** Date of the latest one-to-one per follow-up. */
  async lastConversations(followUpIds: string[]): Promise<Map<string, Date>> {
    if (followUpIds.length === 0) return new Map();
    const rows = await this.db.conversation.groupBy({ by: ['followUpId'], where: { followUpId: { in: followUpIds } }, _max: { heldOn: true } });
    return new Map(rows.filter((r) => r._max.heldOn).map((r) => [r.followUpId, r._max.heldOn as Date]));
  }

  /** Open action items of many follow-ups (earliest due first, undated last). */
  openActions(followUpIds: string[]): Promise<ActionItem[]> {
    if (followUpIds.length === 0) return Promise.resolve([]);
    return this.db.actionItem.findMany({
      where: { followUpId: { in: followUpIds }, status: 'OPEN' },
      orderBy: [{ dueDate: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }],
    });
  }

  /** Feedback a person received (newest first). */
  feedbackReceived(personId: string, take: number): Promise<Feedback[]> {
    return this.db.feedback.findMany({ where: { receiverId: personId }, orderBy: { createdAt: 'desc' }, take });
  }

  /** Reflections a person wrote, in their follow-ups as leader (newest first). */
  reflectionsBy(authorId: string, followUpIds: string[], take: number): Promise<Reflection[]> {
    if (followUpIds.length === 0) return Promise.resolve([]);
    return this.db.reflection.findMany({ where: { authorId, followUpId: { in: followUpIds } }, orderBy: { createdAt: 'desc' }, take });
  }
}
