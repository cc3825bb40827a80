import type { FollowUpWithPeople } from './followups';
import type { Db, Goal, GoalKind, GoalStatus, Milestone, Prisma } from './prisma';

export interface NewGoal {
  followUpId: string;
  kind: GoalKind;
  title: string;
  description: string | null;
  expectations: string | null;
  qualitativeCriteria: string | null;
  metricName: string | null;
  metricUnit: string | null;
  baseline: number | null;
  target: number | null;
  targetDate: Date | null;
  createdById: string;
  sourceKey: string | null;
  milestones: { title: string; dueDate: Date | null }[];
}

export type GoalWithMilestones = Goal & { milestones: Milestone[] };
export type GoalWithFollowUp = GoalWithMilestones & { followUp: FollowUpWithPeople };

export interface GoalChanges {
  target?: number | null;
  targetDate?: Date | null;
  qualitativeCriteria?: string | null;
}

export class GoalRepository {
  constructor(private readonly db: Db) {}

  findBySourceKey(sourceKey: string): Promise<Goal | null> {
    return this.db.goal.findUnique({ where: { sourceKey } });
  }

  /** Creates the goal, its milestones and its first revision. Call inside a transaction. */
  async create(input: NewGoal, reason: string): Promise<GoalWithMilestones> {
    const { milestones, ...fields } = input;
    const goal = await this.db.goal.create({
      data: {
        ...fields,
        milestones: { create: milestones.map((m, i) => ({ title: m.title, dueDate: m.dueDate, position: i + 1 })) },
      },
      include: { milestones: { orderBy: { position: 'asc' } } },
    });
    await this.db.goalRevision.create({
      data: { goalId: goal.id, number: 1, authorId: input.createdById, reason, snapshot: snapshotOf(goal) },
    });
    return goal;
  }

  /** Goals (with milestones) of many follow-ups in one query. */
  listForFollowUps(followUpIds: string[]): Promise<GoalWithMilestones[]> {
    if (followUpIds.length === 0) return Promise.resolve([]);
    return this.db.goal.findMany({
      where: { followUpId: { in: followUpIds }, status: { not: 'DROPPED' } },
      include: { milestones: { orderBy: { position: 'asc' } } },
      orderBy: [{ createdAt: 'asc' }],
    });
  }

  listByIds(ids: string[]): Promise<Goal[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.goal.findMany({ where: { id: { in: ids } } });
  }

  /** Moves goals (with their milestones and history) to another follow-up of the same leader. */
  async moveToFollowUp(ids: string[], followUpId: string): Promise<number> {
    if (ids.length === 0) return 0;
    const res = await this.db.goal.updateMany({ where: { id: { in: ids } }, data: { followUpId } });
    return res.count;
  }

  findById(id: string): Promise<GoalWithMilestones | null> {
    return this.db.goal.findUnique({ where: { id }, include: { milestones: { orderBy: { position: 'asc' } } } });
  }

  /** Goals still being worked on (active or adjusted) of one follow-up, oldest first. */
  listOpen(followUpId: string): Promise<GoalWithMilestones[]> {
    return this.db.goal.findMany({
      where: { followUpId, status: { in: ['ACTIVE', 'ADJUSTED'] } },
      include: { milestones: { orderBy: { position: 'asc' } } },
      orderBy: [{ createdAt: 'asc' }],
    });
  }

  /**
   * Changes a goal and keeps a revision (who, why, the goal as it became). Call inside a
   * transaction: the revision number is the next one of this goal.
   */
  async change(
    goalId: string,
    data: GoalChanges & { status?: GoalStatus; achievedAt?: Date | null },
    authorId: string,
    reason: string,
    opts: { expectedRevision?: number; evaluationId?: string } = {},
  ): Promise<GoalWithMilestones> {
    // The update locks the goal's row until the transaction ends, so the revision read next is the
    // newest one: a concurrent change waits here, then sees the other's revision.
    const goal = await this.db.goal.update({ where: { id: goalId }, data, include: { milestones: { orderBy: { position: 'asc' } } } });
    const last = await this.db.goalRevision.findFirst({ where: { goalId }, orderBy: { number: 'desc' }, select: { number: true } });
    const current = last?.number ?? 0;
    if (opts.expectedRevision !== undefined && current !== opts.expectedRevision) throw new StaleRevisionError(goalId, opts.expectedRevision, current);
    await this.db.goalRevision.create({
      data: { goalId, number: current + 1, authorId, reason, snapshot: snapshotOf(goal), evaluationId: opts.evaluationId ?? null },
    });
    return goal;
  }

  /**
   * Marks a goal achieved unless it already is (the guard and the change are one statement, so two
   * clicks at once change it once), with a revision. Null when it already was. Call in a transaction.
   */
  async markAchieved(goalId: string, at: Date, authorId: string, reason: string): Promise<GoalWithMilestones | null> {
    const res = await this.db.goal.updateMany({ where: { id: goalId, status: { not: 'ACHIEVED' } }, data: { status: 'ACHIEVED', achievedAt: at } });
    if (res.count === 0) return null;
    return this.change(goalId, {}, authorId, reason);
  }

  /** The number of a goal's newest revision (0 when it has none). */
  async lastRevisionNumber(goalId: string): Promise<number> {
    const last = await this.db.goalRevision.findFirst({ where: { goalId }, orderBy: { number: 'desc' }, select: { number: true } });
    return last?.number ?? 0;
  }

  /** A goal with its milestones and its follow-up (with both people), for access checks. */
  findWithFollowUp(id: string): Promise<GoalWithFollowUp | null> {
    return this.db.goal.findUnique({
      where: { id },
      include: { milestones: { orderBy: { position: 'asc' } }, followUp: { include: { senior: true, leader: true } } },
    });
  }

  revisions(goalId: string) {
    return this.db.goalRevision.findMany({ where: { goalId }, orderBy: { number: 'asc' } });
  }
}

export function snapshotOf(goal: Goal & { milestones?: Milestone[] }): Prisma.InputJsonValue {
  return {
    kind: goal.kind,
    title: goal.title,
    description: goal.description,
    expectations: goal.expectations,
    qualitativeCriteria: goal.qualitativeCriteria,
    metricName: goal.metricName,
    metricUnit: goal.metricUnit,
    baseline: goal.baseline,
    target: goal.target,
    targetDate: goal.targetDate ? goal.targetDate.toISOString().slice(0, 10) : null,
    status: goal.status,
    milestones: (goal.milestones ?? []).map((m) => ({ title: m.title, dueDate: m.dueDate ? m.dueDate.toISOString().slice(0, 10) : null })),
  };
}

/** The goal changed after the revision the change was based on (the transaction is rolled back). */
export class StaleRevisionError extends Error {
  constructor(
    public readonly goalId: string,
    public readonly expected: number,
    public readonly found: number,
  ) {
    super(`goal ${goalId} is at revision ${found}, change was based on ${expected}`);
  }
}
