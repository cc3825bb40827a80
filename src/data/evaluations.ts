import type { Assessment, Db, Evaluation, EvaluationItem } from './prisma';

export interface NewEvaluation {
  followUpId: string;
  heldOn: Date;
  authorId: string;
  summary: string | null;
  nextEvaluationOn: Date;
  sourceKey: string | null;
  items: { goalId: string; assessment: Assessment; comment: string | null }[];
}

export type EvaluationWithItems = Evaluation & { items: EvaluationItem[] };

export class EvaluationRepository {
  constructor(private readonly db: Db) {}

  findBySourceKey(sourceKey: string): Promise<EvaluationWithItems | null> {
    return this.db.evaluation.findUnique({ where: { sourceKey }, include: { items: true } });
  }

  /** Creates the evaluation with one item per goal. Call inside a transaction. */
  create(input: NewEvaluation): Promise<EvaluationWithItems> {
    const { items, ...fields } = input;
    return this.db.evaluation.create({ data: { ...fields, items: { create: items } }, include: { items: true } });
  }

  /** Latest evaluation per follow-up (one query for many follow-ups). */
  async lastHeldOn(followUpIds: string[]): Promise<Map<string, Date>> {
    if (followUpIds.length === 0) return new Map();
    const rows = await this.db.evaluation.groupBy({ by: ['followUpId'], where: { followUpId: { in: followUpIds } }, _max: { heldOn: true } });
    return new Map(rows.filter((r) => r._max.heldOn).map((r) => [r.followUpId, r._max.heldOn as Date]));
  }

  listForFollowUp(followUpId: string, take = 10): Promise<EvaluationWithItems[]> {
    return this.db.evaluation.findMany({ where: { followUpId }, include: { items: true }, orderBy: { createdAt: 'desc' }, take });
  }
}
