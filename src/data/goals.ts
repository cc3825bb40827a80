import type { FollowUpWithPeople } from './followups';
import type { Db, Goal, GoalStatus, Milestone, Prisma } from './prisma';

/**
 * What a person writes about a goal, described once: the goal form's input (domain `GoalInput`),
 * the row written (`NewGoal`), each revision's snapshot (`snapshotOf`) and the history's diff
 * (domain/history) all read this list, so a new field cannot be left out of one of them. `day`: a
 * calendar day (a DATE column, `YYYY-MM-DD` in snapshots); `history: false`: not shown as a change.
 */
export const GOAL_CONTENT = {
  kind: { day: false, history: false },
  title: { day: false, history: true },
  description: { day: false, history: true },
  expectations: { day: false, history: true },
  qualitativeCriteria: { day: false, history: true },
  metricName: { day: false, history: true },
  metricUnit: { day: false, history: true },
  baseline: { day: false, history: true },
  target: { day: false, history: true },
  targetDate: { day: true, history: true },
} as const satisfies Partial<Record<keyof Goal, { day: boolean; history: boolean }>>;

export type GoalContentField = keyof typeof GOAL_CONTENT;
export const GOAL_CONTENT_FIELDS = Object.keys(GOAL_CONTENT) as GoalContentField[];

/** The goal's content with its calendar days as `Day` (a Date for the row, an IsoDay in the domain). */
export type GoalContent<Day> = { [K in GoalContentField]: (typeof GOAL_CONTENT)[K]['day'] extends true ? Day | null : Goal[K] };

/** The fields a revision's snapshot and the history's diff hold: the content shown as a change, the status, the milestones. */
export type GoalHistoryField = { [K in GoalContentField]: (typeof GOAL_CONTENT)[K]['history'] extends true ? K : never }[GoalContentField] | 'status' | 'milestones';
export const GOAL_HISTORY_FIELDS: GoalHistoryField[] = [...GOAL_CONTENT_FIELDS.filter((f): f is Exclude<GoalHistoryField, 'status' | 'milestones'> => GOAL_CONTENT[f].history), 'status', 'milestones'];

/** Only the goal's content (from a form's values or a row), its days converted by `day`. */
export function goalContent<A, B>(from: GoalContent<A>, day: (d: A) => B): GoalContent<B> {
  return Object.fromEntries(GOAL_CONTENT_FIELDS.map((f) => [f, GOAL_CONTENT[f].day && from[f] !== null ? day(from[f] as A) : from[f]])) as GoalContent<B>;
}

export interface NewGoal extends GoalContent<Date> {
  followUpId: string;
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

const dayOf = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export function snapshotOf(goal: Goal & { milestones?: Milestone[] }): Prisma.InputJsonValue {
  const content = Object.fromEntries(GOAL_CONTENT_FIELDS.map((f) => [f, GOAL_CONTENT[f].day ? dayOf(goal[f] as Date | null) : goal[f]]));
  return {
    ...content,
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
