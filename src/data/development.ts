import type { Db, DevelopmentActivity, DevelopmentKind, DevelopmentStatus } from './prisma';

export interface NewDevelopmentActivity {
  followUpId: string;
  kind: DevelopmentKind;
  title: string;
  provider: string | null;
  startsOn: Date | null;
  endsOn: Date | null;
  status: DevelopmentStatus;
  createdById: string;
  sourceKey: string | null;
}

export class DevelopmentRepository {
  constructor(private readonly db: Db) {}

  findBySourceKey(sourceKey: string): Promise<DevelopmentActivity | null> {
    return this.db.developmentActivity.findUnique({ where: { sourceKey } });
  }

  findById(id: string): Promise<DevelopmentActivity | null> {
    return this.db.developmentActivity.findUnique({ where: { id } });
  }

  create(input: NewDevelopmentActivity): Promise<DevelopmentActivity> {
    return this.db.developmentActivity.create({ data: input });
  }

  updateStatus(id: string, status: DevelopmentStatus): Promise<DevelopmentActivity> {
    return this.db.developmentActivity.update({ where: { id }, data: { status } });
  }

  listForFollowUp(followUpId: string): Promise<DevelopmentActivity[]> {
    return this.db.developmentActivity.findMany({ where: { followUpId }, orderBy: { createdAt: 'desc' } });
  }
}
