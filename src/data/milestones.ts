import type { Db, Milestone } from './prisma';

export class MilestoneRepository {
  constructor(private readonly db: Db) {}

  findById(id: string): Promise<Milestone | null> {
    return this.db.milestone.findUnique({ where: { id } });
  }

  /** Marks it done unless it already is; true when this call changed it. */
  async markDone(id: string, doneById: string, at: Date): Promise<boolean> {
    const res = await this.db.milestone.updateMany({ where: { id, doneAt: null }, data: { doneAt: at, doneById } });
    return res.count === 1;
  }

  /** Open milestones of the given goals, in goal and position order. */
  listOpenForGoals(goalIds: string[]): Promise<Milestone[]> {
    if (goalIds.length === 0) return Promise.resolve([]);
    return this.db.milestone.findMany({
      where: { goalId: { in: goalIds }, doneAt: null },
      orderBy: [{ goalId: 'asc' }, { position: 'asc' }],
    });
  }
}
