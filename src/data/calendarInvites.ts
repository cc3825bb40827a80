import type { Db } from './prisma';

/** The .ics events the app sent: a stable UID, and a SEQUENCE that rises with every change. */
export class CalendarInviteRepository {
  constructor(private readonly db: Db) {}

  /**
   * Records the event as it now stands and returns its SEQUENCE: 0 the first time, one higher
   * each time its start moves or it is cancelled, unchanged when nothing changed (a retry sends
   * the same invitation again). One statement, so two at once cannot reuse a number.
   */
  async touch(input: { uid: string; workspaceId: string; kind: string; subjectId: string; startsAt: Date; cancelled: boolean; at: Date }): Promise<number> {
    const cancelledAt = input.cancelled ? input.at : null;
    const rows = await this.db.$queryRaw<{ sequence: number }[]>`
      INSERT INTO "CalendarInvite" ("uid", "workspaceId", "kind", "subjectId", "sequence", "startsAt", "cancelledAt", "updatedAt")
      VALUES (${input.uid}, ${input.workspaceId}, ${input.kind}, ${input.subjectId}, 0, ${input.startsAt}, ${cancelledAt}, ${input.at})
      ON CONFLICT ("uid") DO UPDATE SET
        "sequence" = "CalendarInvite"."sequence" + 1,
        "startsAt" = EXCLUDED."startsAt",
        "cancelledAt" = CASE WHEN EXCLUDED."cancelledAt" IS NULL THEN NULL ELSE COALESCE("CalendarInvite"."cancelledAt", EXCLUDED."cancelledAt") END,
        "updatedAt" = EXCLUDED."updatedAt"
      WHERE "CalendarInvite"."startsAt" IS DISTINCT FROM EXCLUDED."startsAt"
         OR ("CalendarInvite"."cancelledAt" IS NULL) <> (EXCLUDED."cancelledAt" IS NULL)
      RETURNING "sequence"`;
    if (rows.length > 0) return Number(rows[0].sequence);
    const row = await this.db.calendarInvite.findUniqueOrThrow({ where: { uid: input.uid }, select: { sequence: true } });
    return row.sequence;
  }

  find(uid: string) {
    return this.db.calendarInvite.findUnique({ where: { uid } });
  }
}
