import type { Barrier, BarrierKind, BarrierStatus, Db } from './prisma';

export interface NewBarrier {
  followUpId: string;
  kind: BarrierKind;
  description: string;
  status: BarrierStatus;
  createdById: string;
  sourceKey: string | null;
  resolvedAt: Date | null;
}

export class BarrierRepository {
  constructor(private readonly db: Db) {}

  findById(id: string): Promise<Barrier | null> {
    return this.db.barrier.findUnique({ where: { id } });
  }

  findBySourceKey(sourceKey: string): Promise<Barrier | null> {
    return this.db.barrier.findUnique({ where: { sourceKey } });
  }

  create(input: NewBarrier): Promise<Barrier> {
    return this.db.barrier.create({ data: input });
  }

  setStatus(id: string, status: BarrierStatus, resolvedAt: Date | null): Promise<Barrier> {
    return this.db.barrier.update({ where: { id }, data: { status, resolvedAt } });
  }

  /** Barriers not yet resolved, of many follow-ups in one query (oldest first). */
  listOpen(followUpIds: string[]): Promise<Barrier[]> {
    if (followUpIds.length === 0) return Promise.resolve([]);
    return this.db.barrier.findMany({
      where: { followUpId: { in: followUpIds }, status: { not: 'RESOLVED' } },
      orderBy: { createdAt: 'asc' },
    });
  }
}
