import type { AuditEntry, Db, Prisma } from './prisma';

/** What an audit entry records: who (a Slack user id; "" for the app itself), what, on whom, what changed, when. */
export interface AuditRecord {
  workspaceId: string;
  action: string;
  actorUserId: string;
  subjectUserId: string | null;
  details?: Prisma.InputJsonValue;
  at: Date;
}

/** The audit log of admin actions and setting changes (never what people typed). */
export class AuditRepository {
  constructor(private readonly db: Db) {}

  record(entry: AuditRecord): Promise<AuditEntry> {
    const { at, ...rest } = entry;
    return this.db.auditEntry.create({ data: { ...rest, createdAt: at } });
  }

  /** One page of a workspace's log, newest first. */
  page(workspaceId: string, skip: number, take: number): Promise<AuditEntry[]> {
    return this.db.auditEntry.findMany({ where: { workspaceId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], skip, take });
  }

  count(workspaceId: string): Promise<number> {
    return this.db.auditEntry.count({ where: { workspaceId } });
  }
}
