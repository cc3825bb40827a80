import type { CheckIn, Db } from './prisma';

export interface NewCheckIn {
  goalId: string;
  authorId: string;
  value: number | null;
  confidence: number;
  note: string | null;
  sourceKey: string | null;
  /** The app's clock (absent: the database's now). */
  createdAt?: Date;
}

export class CheckInRepository {
  constructor(private readonly db: Db) {}

  findBySourceKey(sourceKey: string): Promise<CheckIn | null> {
    return this.db.checkIn.findUnique({ where: { sourceKey } });
  }

  /** Stores the check-in and copies its value and confidence onto the goal. Call in a transaction. */
  async create(input: NewCheckIn): Promise<CheckIn> {
    const checkIn = await this.db.checkIn.create({ data: input });
    await this.db.goal.update({
      where: { id: input.goalId },
      data: { ...(input.value !== null ? { currentValue: input.value } : {}), currentConfidence: input.confidence },
    });
    return checkIn;
  }

  listForGoal(goalId: string, take = 20): Promise<CheckIn[]> {
    return this.db.checkIn.findMany({ where: { goalId }, orderBy: { createdAt: 'desc' }, take });
  }

  /** A goal's check-ins that carry a value, oldest first: the points of its chart. */
  series(goalId: string): Promise<{ createdAt: Date; value: number | null }[]> {
    return this.db.checkIn.findMany({ where: { goalId, value: { not: null } }, orderBy: { createdAt: 'asc' }, select: { createdAt: true, value: true } });
  }

  findById(id: string): Promise<CheckIn | null> {
    return this.db.checkIn.findUnique({ where: { id } });
  }
}
