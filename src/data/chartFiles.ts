import type { Db } from './prisma';

/** Chart pictures already uploaded to Slack, by workspace and content hash. */
export class ChartFileRepository {
  constructor(private readonly db: Db) {}

  async fileIdFor(workspaceId: string, sha256: string): Promise<string | null> {
    const row = await this.db.chartFile.findUnique({ where: { workspaceId_sha256: { workspaceId, sha256 } }, select: { fileId: true } });
    return row?.fileId ?? null;
  }

  /**
   * Remembers an upload. When two uploads of the same picture raced, the first one stored wins and
   * its file id is returned (the other file stays private and unused).
   */
  async remember(workspaceId: string, sha256: string, fileId: string): Promise<string> {
    await this.db.chartFile.createMany({ data: [{ workspaceId, sha256, fileId }], skipDuplicates: true });
    return (await this.fileIdFor(workspaceId, sha256)) ?? fileId;
  }
}
