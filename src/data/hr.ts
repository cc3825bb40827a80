import type { Db } from './prisma';

/** The raw numbers behind the HR overview of one workspace: counts only, never a name or a text. */
export interface HrNumbers {
  /** Follow-ups by status. */
  statuses: { status: 'PENDING' | 'ACTIVE' | 'ENDED'; followUps: number }[];
  /** Each active follow-up's rhythm and what was held (no ids of people, no content). */
  active: { cadence: string; startDate: Date; evaluationEveryWeeks: number; conversations: number; lastEvaluation: Date | null }[];
  /** Goals of started (not pending) follow-ups by status, with their average progress toward the target. */
  goals: { status: string; goals: number; followUps: number; progress: number | null; progressFollowUps: number }[];
  /** Open (not resolved) barriers of active follow-ups by kind. */
  barriers: { kind: string; barriers: number; followUps: number }[];
  /** Milestones reached (and so celebrated) in the window. */
  milestones: { milestones: number; followUps: number };
  /** Per month: started follow-ups running that month, and how many of them held a one-to-one. */
  months: { month: Date; followUps: number; withOneToOne: number }[];
}

/**
 * The HR overview's reads: six statements whatever the number of follow-ups (each aggregates in
 * PostgreSQL; the one row per active follow-up carries numbers only).
 */
export class HrRepository {
  constructor(private readonly db: Db) {}

  async numbers(workspaceId: string, windowStart: Date, firstMonth: Date, lastMonth: Date): Promise<HrNumbers> {
    const [statuses, active, goals, barriers, milestones, months] = await Promise.all([
      this.db.$queryRaw<HrNumbers['statuses']>`
        SELECT "status"::text AS "status", count(*)::int AS "followUps"
        FROM "FollowUp" WHERE "workspaceId" = ${workspaceId} GROUP BY "status"`,
      this.db.$queryRaw<HrNumbers['active']>`
        SELECT f."oneToOneCadence"::text AS "cadence", f."startDate", f."evaluationEveryWeeks",
          (SELECT count(*)::int FROM "Conversation" c WHERE c."followUpId" = f."id" AND c."heldOn" >= ${windowStart}::date) AS "conversations",
          (SELECT max(e."heldOn") FROM "Evaluation" e WHERE e."followUpId" = f."id") AS "lastEvaluation"
        FROM "FollowUp" f WHERE f."workspaceId" = ${workspaceId} AND f."status" = 'ACTIVE'`,
      this.db.$queryRaw<HrNumbers['goals']>`
        SELECT g."status"::text AS "status", count(*)::int AS "goals", count(DISTINCT g."followUpId")::int AS "followUps",
          avg(CASE WHEN g."baseline" IS NOT NULL AND g."target" IS NOT NULL AND g."target" <> g."baseline"
            THEN LEAST(1, GREATEST(0, (COALESCE(g."currentValue", g."baseline") - g."baseline") / (g."target" - g."baseline"))) END)::float AS "progress",
          count(DISTINCT CASE WHEN g."baseline" IS NOT NULL AND g."target" IS NOT NULL AND g."target" <> g."baseline" THEN g."followUpId" END)::int AS "progressFollowUps"
        FROM "Goal" g JOIN "FollowUp" f ON f."id" = g."followUpId"
        WHERE f."workspaceId" = ${workspaceId} AND f."status" <> 'PENDING' GROUP BY g."status"`,
      this.db.$queryRaw<HrNumbers['barriers']>`
        SELECT b."kind"::text AS "kind", count(*)::int AS "barriers", count(DISTINCT b."followUpId")::int AS "followUps"
        FROM "Barrier" b JOIN "FollowUp" f ON f."id" = b."followUpId"
        WHERE f."workspaceId" = ${workspaceId} AND f."status" = 'ACTIVE' AND b."status" <> 'RESOLVED' GROUP BY b."kind"`,
      this.db.$queryRaw<HrNumbers['milestones'][]>`
        SELECT count(*)::int AS "milestones", count(DISTINCT g."followUpId")::int AS "followUps"
        FROM "Milestone" m JOIN "Goal" g ON g."id" = m."goalId" JOIN "FollowUp" f ON f."id" = g."followUpId"
        WHERE f."workspaceId" = ${workspaceId} AND m."doneAt" >= ${windowStart}`,
      this.db.$queryRaw<HrNumbers['months']>`
        WITH fu AS MATERIALIZED (
          SELECT "id", "startDate", "endedAt" FROM "FollowUp" WHERE "workspaceId" = ${workspaceId} AND "status" <> 'PENDING'
        ), held AS MATERIALIZED (
          SELECT date_trunc('month', c."heldOn")::date AS "month", count(DISTINCT c."followUpId")::int AS "followUps"
          FROM "Conversation" c JOIN fu ON fu."id" = c."followUpId" WHERE c."heldOn" >= ${firstMonth}::date GROUP BY 1
        )
        SELECT m."month"::date AS "month",
          (SELECT count(*)::int FROM fu WHERE fu."startDate" < (m."month" + interval '1 month')::date AND (fu."endedAt" IS NULL OR fu."endedAt" >= m."month")) AS "followUps",
          COALESCE((SELECT held."followUps" FROM held WHERE held."month" = m."month"::date), 0) AS "withOneToOne"
        FROM generate_series(${firstMonth}::date, ${lastMonth}::date, interval '1 month') AS m("month")
        ORDER BY m."month"`,
    ]);
    return { statuses, active, goals, barriers, milestones: milestones[0] ?? { milestones: 0, followUps: 0 }, months };
  }

  /** The workspace's HR partners (Slack user ids), in the order they were named. */
  async partners(workspaceId: string): Promise<string[]> {
    const rows = await this.db.hrPartner.findMany({ where: { workspaceId }, orderBy: [{ createdAt: 'asc' }, { slackUserId: 'asc' }], select: { slackUserId: true } });
    return rows.map((r) => r.slackUserId);
  }

  async isPartner(workspaceId: string, slackUserId: string): Promise<boolean> {
    return (await this.db.hrPartner.count({ where: { workspaceId, slackUserId } })) > 0;
  }

  /**
   * Makes `slackUserIds` the workspace's HR partners: adds the new, removes the others, and writes
   * one audit entry per change (who named or removed whom, when). Call it in a transaction.
   */
  async setPartners(workspaceId: string, slackUserIds: string[], adminUserId: string, at: Date): Promise<{ added: string[]; removed: string[] }> {
    const current = new Set(await this.partners(workspaceId));
    const wanted = new Set(slackUserIds);
    const added = [...wanted].filter((id) => !current.has(id));
    const removed = [...current].filter((id) => !wanted.has(id));
    if (added.length > 0) await this.db.hrPartner.createMany({ data: added.map((slackUserId) => ({ workspaceId, slackUserId, namedBy: adminUserId, createdAt: at })), skipDuplicates: true });
    if (removed.length > 0) await this.db.hrPartner.deleteMany({ where: { workspaceId, slackUserId: { in: removed } } });
    const audit = [
      ...added.map((subjectUserId) => ({ workspaceId, action: 'hr_partner_named', actorUserId: adminUserId, subjectUserId, createdAt: at })),
      ...removed.map((subjectUserId) => ({ workspaceId, action: 'hr_partner_removed', actorUserId: adminUserId, subjectUserId, createdAt: at })),
    ];
    if (audit.length > 0) await this.db.auditEntry.createMany({ data: audit });
    return { added, removed };
  }

  setThreshold(workspaceId: string, threshold: number): Promise<unknown> {
    return this.db.workspace.update({ where: { id: workspaceId }, data: { hrAnonymityThreshold: threshold } });
  }
}
