import type { Assessment, Db, Prisma } from './prisma';

export interface RevisionRow {
  id: string;
  number: number;
  authorId: string;
  reason: string | null;
  snapshot: Prisma.JsonValue;
  evaluationId: string | null;
  createdAt: Date;
}

export interface EvaluationItemRow {
  assessment: Assessment;
  comment: string | null;
  evaluation: { id: string; heldOn: Date; authorId: string; summary: string | null; createdAt: Date };
}

export interface EvaluationRow {
  id: string;
  followUpId: string;
  heldOn: Date;
  authorId: string;
  summary: string | null;
  nextEvaluationOn: Date | null;
  createdAt: Date;
  items: { goalId: string; assessment: Assessment; comment: string | null; goal: { title: string } }[];
  revisions: { goalId: string; reason: string | null; snapshot: Prisma.JsonValue; number: number; goal: { title: string } }[];
}

/** The reads behind the history views: newest first, `take` rows at a time. */
export class HistoryRepository {
  constructor(private readonly db: Db) {}

  revisions(goalId: string, take: number): Promise<RevisionRow[]> {
    return this.db.goalRevision.findMany({
      where: { goalId },
      orderBy: { number: 'desc' },
      take,
      select: { id: true, number: true, authorId: true, reason: true, snapshot: true, evaluationId: true, createdAt: true },
    });
  }

  checkIns(goalId: string, take: number) {
    return this.db.checkIn.findMany({
      where: { goalId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take,
      select: { id: true, authorId: true, value: true, confidence: true, note: true, createdAt: true },
    });
  }

  evaluationItems(goalId: string, take: number): Promise<EvaluationItemRow[]> {
    return this.db.evaluationItem.findMany({
      where: { goalId },
      orderBy: { evaluation: { createdAt: 'desc' } },
      take,
      select: { assessment: true, comment: true, evaluation: { select: { id: true, heldOn: true, authorId: true, summary: true, createdAt: true } } },
    });
  }

  async counts(goalId: string): Promise<number> {
    const [r, c, e] = await Promise.all([
      this.db.goalRevision.count({ where: { goalId } }),
      this.db.checkIn.count({ where: { goalId } }),
      this.db.evaluationItem.count({ where: { goalId } }),
    ]);
    return r + c + e;
  }

  /** A follow-up's evaluations, newest first, with per-goal assessments and the goal changes they decided. */
  evaluations(followUpId: string, skip: number, take: number): Promise<EvaluationRow[]> {
    return this.db.evaluation.findMany({
      where: { followUpId },
      orderBy: [{ heldOn: 'desc' }, { createdAt: 'desc' }],
      skip,
      take,
      select: {
        id: true,
        followUpId: true,
        heldOn: true,
        authorId: true,
        summary: true,
        nextEvaluationOn: true,
        createdAt: true,
        items: { select: { goalId: true, assessment: true, comment: true, goal: { select: { title: true } } } },
        revisions: { orderBy: { number: 'asc' }, select: { goalId: true, reason: true, snapshot: true, number: true, goal: { select: { title: true } } } },
      },
    });
  }

  countEvaluations(followUpId: string): Promise<number> {
    return this.db.evaluation.count({ where: { followUpId } });
  }

  /** The revision just before `number` of a goal (to tell what a revision changed). */
  previousSnapshot(goalId: string, number: number): Promise<{ snapshot: Prisma.JsonValue } | null> {
    return this.db.goalRevision.findFirst({ where: { goalId, number: { lt: number } }, orderBy: { number: 'desc' }, select: { snapshot: true } });
  }

  /** Slack user ids of people by id. */
  async slackIds(personIds: string[]): Promise<Map<string, string>> {
    if (personIds.length === 0) return new Map();
    const rows = await this.db.person.findMany({ where: { id: { in: [...new Set(personIds)] } }, select: { id: true, slackUserId: true } });
    return new Map(rows.map((r) => [r.id, r.slackUserId]));
  }

  /** The follow-ups (active or ended) in which `seniorId` follows up the leader with this Slack id. */
  followUpsOf(seniorId: string, leaderSlackUserId: string, workspaceId: string) {
    return this.db.followUp.findMany({
      where: { seniorId, workspaceId, leader: { slackUserId: leaderSlackUserId } },
      select: { id: true },
      orderBy: { createdAt: 'desc' },
    });
  }
}
