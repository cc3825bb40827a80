import type { Repositories } from '../../data';
import type { Assessment, Prisma } from '../../data/prisma';
import { GOAL_HISTORY_FIELDS, type GoalHistoryField } from '../../data/goals';
import { dateToDay, type IsoDay } from '../../time/dates';
import { NotAllowedError } from '../errors';
import type { GoalService } from '../goals';
import type { Actor } from '../people';

/**
 * A goal's history (its revisions, check-ins and the evaluations that assessed it) and a leader's
 * past evaluations, newest first, a page at a time. Plain data: the Slack side lays it out.
 */

/**
 * Entries on one page of a goal's history. An entry takes at most 3 blocks (a section, a context,
 * a divider); 25 of them and a header, a context and the navigation stay within a modal's 100.
 */
export const GOAL_HISTORY_PAGE_SIZE = 25;
/** Evaluations on one page: each takes a header, up to 15 goal lines and its decisions (≤ 18 blocks). */
export const EVALUATION_HISTORY_PAGE_SIZE = 5;

/** One changed field of a goal revision, old and new value as stored (ISO days for dates). */
export interface FieldChange {
  field: GoalHistoryField;
  from: string | number | null;
  to: string | number | null;
}

export type GoalHistoryEntry =
  | { kind: 'revision'; at: Date; authorUserId: string | null; number: number; reason: string | null; evaluationId: string | null; changes: FieldChange[] }
  | { kind: 'checkin'; at: Date; authorUserId: string | null; value: number | null; confidence: number; note: string | null }
  | { kind: 'evaluation'; at: Date; authorUserId: string | null; evaluationId: string; heldOn: IsoDay; assessment: Assessment; comment: string | null; summary: string | null };

export interface HistoryPage<T> {
  entries: T[];
  /** 0-based. */
  page: number;
  pageSize: number;
  total: number;
  hasMore: boolean;
}

export interface PastEvaluation {
  id: string;
  heldOn: IsoDay;
  authorUserId: string | null;
  summary: string | null;
  nextEvaluationOn: IsoDay | null;
  assessments: { goalId: string; goalTitle: string; assessment: Assessment; comment: string | null }[];
  /** Goal changes decided at this evaluation (achieved, new target or date), with the reason given. */
  decisions: { goalId: string; goalTitle: string; reason: string | null; changes: FieldChange[] }[];
}

/** The snapshot's fields shown as changes (data/goals.ts, from the goal's one description). */
const FIELDS = GOAL_HISTORY_FIELDS;

/** What changed from one goal snapshot to the next (the first revision: nothing). */
export function diffSnapshots(before: Prisma.JsonValue | null, after: Prisma.JsonValue): FieldChange[] {
  if (before === null || typeof before !== 'object' || Array.isArray(before)) return [];
  if (after === null || typeof after !== 'object' || Array.isArray(after)) return [];
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const out: FieldChange[] = [];
  for (const field of FIELDS) {
    if (!(field in b) || !(field in a)) continue;
    const from = field === 'milestones' ? JSON.stringify(a[field] ?? []) : (a[field] ?? null);
    const to = field === 'milestones' ? JSON.stringify(b[field] ?? []) : (b[field] ?? null);
    if (from !== to) {
      if (field === 'milestones') out.push({ field, from: Array.isArray(a[field]) ? (a[field] as unknown[]).length : 0, to: Array.isArray(b[field]) ? (b[field] as unknown[]).length : 0 });
      else out.push({ field, from: from as string | number | null, to: to as string | number | null });
    }
  }
  return out;
}

export class HistoryService {
  constructor(
    private readonly repos: Repositories,
    private readonly goals: GoalService,
  ) {}

  /** One page of a goal's history, for the goal's leader or senior leader. */
  async goalHistory(actor: Actor, goalId: string, page = 0, pageSize = GOAL_HISTORY_PAGE_SIZE): Promise<HistoryPage<GoalHistoryEntry>> {
    const goal = await this.goals.getVisible(actor, goalId);
    const p = Math.max(0, Math.floor(page));
    // Newest first across three lists: the first (p+1)·size of each hold the page's entries.
    const take = (p + 1) * pageSize;
    const [revisions, checkIns, items, total] = await Promise.all([
      this.repos.history.revisions(goal.id, take + 1),
      this.repos.history.checkIns(goal.id, take),
      this.repos.history.evaluationItems(goal.id, take),
      this.repos.history.counts(goal.id),
    ]);
    const entries: GoalHistoryEntry[] = [];
    revisions.slice(0, take).forEach((r, i) => {
      const prev = revisions[i + 1];
      entries.push({
        kind: 'revision',
        at: r.createdAt,
        authorUserId: r.authorId,
        number: r.number,
        reason: r.reason,
        evaluationId: r.evaluationId,
        changes: prev && prev.number === r.number - 1 ? diffSnapshots(prev.snapshot, r.snapshot) : [],
      });
    });
    // The oldest revision on the list may need its predecessor to tell what it changed.
    const oldest = revisions.length > take ? null : revisions.at(-1);
    if (oldest && oldest.number > 1) {
      const prev = await this.repos.history.previousSnapshot(goal.id, oldest.number);
      const entry = entries.find((e) => e.kind === 'revision' && e.number === oldest.number);
      if (entry && entry.kind === 'revision' && prev) entry.changes = diffSnapshots(prev.snapshot, oldest.snapshot);
    }
    for (const c of checkIns) entries.push({ kind: 'checkin', at: c.createdAt, authorUserId: c.authorId, value: c.value, confidence: c.confidence, note: c.note });
    for (const it of items) {
      entries.push({
        kind: 'evaluation',
        at: it.evaluation.createdAt,
        authorUserId: it.evaluation.authorId,
        evaluationId: it.evaluation.id,
        heldOn: dateToDay(it.evaluation.heldOn),
        assessment: it.assessment,
        comment: it.comment,
        summary: it.evaluation.summary,
      });
    }
    // Newest first. A revision decided at an evaluation sorts at that evaluation's moment, right
    // after it; at the same instant an evaluation, then revisions (newest first), then check-ins.
    const evaluatedAt = new Map(items.map((it) => [it.evaluation.id, it.evaluation.createdAt.getTime()]));
    const key = (e: GoalHistoryEntry) => (e.kind === 'revision' && e.evaluationId && evaluatedAt.has(e.evaluationId) ? evaluatedAt.get(e.evaluationId)! : e.at.getTime());
    const rank = { evaluation: 0, revision: 1, checkin: 2 } as const;
    entries.sort((a, b) => key(b) - key(a) || rank[a.kind] - rank[b.kind] || (a.kind === 'revision' && b.kind === 'revision' ? b.number - a.number : 0));
    const slice = entries.slice(p * pageSize, (p + 1) * pageSize);
    const ids = await this.repos.history.slackIds(slice.map((e) => e.authorUserId).filter((x): x is string => x !== null));
    for (const e of slice) e.authorUserId = e.authorUserId ? (ids.get(e.authorUserId) ?? null) : null;
    return { entries: slice, page: p, pageSize, total, hasMore: (p + 1) * pageSize < total };
  }

  /**
   * A leader's past evaluations (in every follow-up, active or ended, between this senior leader
   * and that leader), newest first, with per-goal assessments and the decisions taken. Only the
   * senior leader may read it; anyone else gets the same refusal whether or not a follow-up exists.
   */
  async leaderEvaluations(actor: Actor, leaderUserId: string, page = 0, pageSize = EVALUATION_HISTORY_PAGE_SIZE): Promise<HistoryPage<PastEvaluation>> {
    const followUps = await this.repos.history.followUpsOf(actor.person.id, leaderUserId, actor.teamId);
    if (followUps.length === 0) throw new NotAllowedError('evaluations of another leader');
    const p = Math.max(0, Math.floor(page));
    const all: PastEvaluation[] = [];
    let total = 0;
    for (const f of followUps) {
      total += await this.repos.history.countEvaluations(f.id);
      const rows = await this.repos.history.evaluations(f.id, 0, (p + 1) * pageSize);
      for (const r of rows) {
        const decisions: PastEvaluation['decisions'] = [];
        for (const rev of r.revisions) {
          const prev = await this.repos.history.previousSnapshot(rev.goalId, rev.number);
          decisions.push({ goalId: rev.goalId, goalTitle: rev.goal.title, reason: rev.reason, changes: diffSnapshots(prev?.snapshot ?? null, rev.snapshot) });
        }
        all.push({
          id: r.id,
          heldOn: dateToDay(r.heldOn),
          authorUserId: r.authorId,
          summary: r.summary,
          nextEvaluationOn: r.nextEvaluationOn ? dateToDay(r.nextEvaluationOn) : null,
          assessments: r.items.map((i) => ({ goalId: i.goalId, goalTitle: i.goal.title, assessment: i.assessment, comment: i.comment })),
          decisions,
        });
      }
    }
    all.sort((a, b) => (a.heldOn < b.heldOn ? 1 : a.heldOn > b.heldOn ? -1 : 0));
    const slice = all.slice(p * pageSize, (p + 1) * pageSize);
    const ids = await this.repos.history.slackIds(slice.map((e) => e.authorUserId).filter((x): x is string => x !== null));
    for (const e of slice) e.authorUserId = e.authorUserId ? (ids.get(e.authorUserId) ?? null) : null;
    return { entries: slice, page: p, pageSize, total, hasMore: (p + 1) * pageSize < total };
  }
}
