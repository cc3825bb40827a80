import { DateTime } from 'luxon';
import type { PrismaClient } from '../../data/prisma';
import { inTransaction, type Repositories } from '../../data';
import type { HrNumbers } from '../../data/hr';
import type { Clock } from '../../time/clock';
import type { Actor, PeopleService } from '../people';
import { AdminUnconfirmedError, NotAllowedError, ValidationError, type FieldError } from '../errors';
import { BARRIER_KINDS, GOAL_STATUSES, SLACK_USER_ID } from '../vocabulary';
import {
  allHidden,
  averageFigure,
  countFigure,
  effectiveThreshold,
  hidden,
  MAX_THRESHOLD,
  MIN_THRESHOLD,
  shareFigure,
  suppressBreakdown,
  thresholdError,
  type Figure,
} from './anonymity';

export * from './anonymity';

/** The window the shares are computed over, and the months of the trend. */
export const HR_WINDOW_DAYS = 90;
export const HR_TREND_MONTHS = 6;
/** At most this many HR partners per workspace (the settings field's limit). */
export const HR_PARTNERS_MAX = 20;

export const FOLLOW_UP_STATUSES = ['ACTIVE', 'PENDING', 'ENDED'] as const;
type FollowUpStatusKey = (typeof FOLLOW_UP_STATUSES)[number];
type GoalStatusKey = (typeof GOAL_STATUSES)[number];
type BarrierKindKey = (typeof BARRIER_KINDS)[number];

/** One workspace's overview: counts and shares only, each figure shown or "too few to show". */
export interface HrOverview {
  workspaceId: string;
  threshold: number;
  /** The day it was computed (the reader's zone), and the window start of the shares. */
  asOf: string;
  windowStart: string;
  followUps: { total: Figure; byStatus: Record<FollowUpStatusKey, Figure> };
  /** Share of active follow-ups whose one-to-ones kept their cadence over the window. */
  oneToOnesOnCadence: Figure;
  /** Share of active follow-ups whose last evaluation (or start) is within their interval + a week. */
  evaluationsOnTime: Figure;
  goals: { byStatus: Record<GoalStatusKey, Figure>; averageProgress: Figure };
  openBarriers: Record<BarrierKindKey, Figure>;
  milestonesCelebrated: Figure;
  /** Per month (YYYY-MM): the share of running follow-ups that held a one-to-one. */
  trend: { month: string; share: Figure }[];
}

const CADENCE_DAYS: Record<string, number | null> = { WEEKLY: 7, BIWEEKLY: 14, MONTHLY: 31, NONE: null };
/** The days an evaluation may be late before it counts as not on time. */
const EVALUATION_GRACE_DAYS = 7;

/** The overview from the numbers (pure: the threshold and the complement rule applied here). */
export function composeOverview(workspaceId: string, numbers: HrNumbers, threshold: number, today: DateTime): HrOverview {
  const k = threshold;
  const windowStart = today.minus({ days: HR_WINDOW_DAYS });
  const count = (status: FollowUpStatusKey) => numbers.statuses.find((s) => s.status === status)?.followUps ?? 0;
  const total = FOLLOW_UP_STATUSES.reduce((n, s) => n + count(s), 0);
  const small = total < k;

  // One-to-ones on cadence: among active follow-ups with a rhythm that has come round at least once.
  let cadenceBase = 0;
  let onCadence = 0;
  // Evaluations on time: among active follow-ups whose first interval has passed.
  let evaluationBase = 0;
  let evaluationsOnTime = 0;
  // Whole UTC days (calendar days are stored as DATE): integer arithmetic, no date object per row.
  const DAY = 86_400_000;
  const todayDay = Math.floor(today.toMillis() / DAY);
  const windowDay = todayDay - HR_WINDOW_DAYS;
  for (const f of numbers.active) {
    const startDay = Math.floor(f.startDate.getTime() / DAY);
    const days = CADENCE_DAYS[f.cadence] ?? null;
    const elapsed = todayDay - Math.max(startDay, windowDay);
    if (days !== null && elapsed >= days) {
      cadenceBase++;
      if (f.conversations >= Math.floor(elapsed / days)) onCadence++;
    }
    const interval = f.evaluationEveryWeeks * 7;
    if (interval > 0 && todayDay - startDay >= interval + EVALUATION_GRACE_DAYS) {
      evaluationBase++;
      const lastDay = f.lastEvaluation ? Math.floor(f.lastEvaluation.getTime() / DAY) : startDay;
      if (todayDay - lastDay <= interval + EVALUATION_GRACE_DAYS) evaluationsOnTime++;
    }
  }

  const goalCells = GOAL_STATUSES.map((status) => {
    const row = numbers.goals.find((g) => g.status === status);
    return { key: status, value: row?.goals ?? 0, followUps: row?.followUps ?? 0 };
  });
  const active = numbers.goals.find((g) => g.status === 'ACTIVE');
  const barrierCells = BARRIER_KINDS.map((kind) => {
    const row = numbers.barriers.find((b) => b.kind === kind);
    return { key: kind, value: row?.barriers ?? 0, followUps: row?.followUps ?? 0 };
  });

  return {
    workspaceId,
    threshold: k,
    asOf: today.toISODate()!,
    windowStart: windowStart.toISODate()!,
    followUps: {
      total: countFigure(total, total, k),
      // The total is shown: a single hidden status would come back by subtraction.
      byStatus: small ? allHidden(FOLLOW_UP_STATUSES) : suppressBreakdown(FOLLOW_UP_STATUSES.map((s) => ({ key: s, value: count(s), followUps: count(s) })), k, true),
    },
    oneToOnesOnCadence: small ? hidden : shareFigure(onCadence, cadenceBase, k),
    evaluationsOnTime: small ? hidden : shareFigure(evaluationsOnTime, evaluationBase, k),
    goals: {
      // No total of goals is shown, but the statuses partition them: treat the total as known.
      byStatus: small ? allHidden(GOAL_STATUSES) : suppressBreakdown(goalCells, k, true),
      averageProgress: small ? hidden : averageFigure(active?.progress ?? null, active?.progressFollowUps ?? 0, k),
    },
    openBarriers: small ? allHidden(BARRIER_KINDS) : suppressBreakdown(barrierCells, k, true),
    milestonesCelebrated: small ? hidden : countFigure(numbers.milestones.milestones, numbers.milestones.followUps, k),
    trend: numbers.months.map((m) => ({
      month: DateTime.fromJSDate(m.month, { zone: 'utc' }).toFormat('yyyy-MM'),
      share: small ? hidden : shareFigure(m.withOneToOne, m.followUps, k),
    })),
  };
}

export interface HrSettingsInput {
  /** Slack user ids of the HR partners; absent = unchanged (a form without the field). */
  partners?: string[];
  /** The anonymity threshold; absent = unchanged. */
  threshold?: number;
}

export class HrService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly repos: Repositories,
    private readonly people: Pick<PeopleService, 'confirmAdmin'>,
    private readonly clock: Clock,
  ) {}

  /**
   * Who may read the overview: an HR partner an admin named, or a workspace admin (confirmed with
   * Slack now). Nobody else, whatever they send.
   */
  async mayRead(actor: Actor): Promise<boolean> {
    if (await this.repos.hr.isPartner(actor.teamId, actor.person.slackUserId)) return true;
    if (!actor.person.isAdmin) return false;
    try {
      const confirmed = await this.people.confirmAdmin(actor);
      return confirmed.person.isAdmin;
    } catch (err) {
      if (err instanceof NotAllowedError) return false;
      throw err;
    }
  }

  /** The overview of the actor's workspace (six statements, whatever its size). */
  async overview(actor: Actor): Promise<HrOverview> {
    if (!(await this.mayRead(actor))) throw new NotAllowedError('HR overview (admins and HR partners only)');
    return this.compute(actor.teamId, actor.zone);
  }

  /** The overview without an access check: for the monthly DM to HR partners and the benchmark. */
  async compute(workspaceId: string, zone: string): Promise<HrOverview> {
    const workspace = await this.repos.workspaces.find(workspaceId);
    const threshold = effectiveThreshold(workspace?.hrAnonymityThreshold);
    const today = this.clock.now().setZone(zone).startOf('day').setZone('utc', { keepLocalTime: true });
    const thisMonth = today.startOf('month');
    const numbers = await this.repos.hr.numbers(
      workspaceId,
      today.minus({ days: HR_WINDOW_DAYS }).toJSDate(),
      thisMonth.minus({ months: HR_TREND_MONTHS - 1 }).toJSDate(),
      thisMonth.toJSDate(),
    );
    return composeOverview(workspaceId, numbers, threshold, today);
  }

  /** The workspace's HR partners and threshold, for the settings modal (admins only read it there). */
  async settings(workspaceId: string): Promise<{ partners: string[]; threshold: number }> {
    const [partners, workspace] = await Promise.all([this.repos.hr.partners(workspaceId), this.repos.workspaces.find(workspaceId)]);
    return { partners, threshold: effectiveThreshold(workspace?.hrAnonymityThreshold) };
  }

  /** Field errors of the HR part of the settings (no lookup). */
  static check(input: HrSettingsInput): Record<string, FieldError> {
    const errors: Record<string, FieldError> = {};
    if (input.threshold !== undefined && thresholdError(input.threshold)) errors.hrThreshold = { key: 'settings.error_hr_threshold', vars: { min: MIN_THRESHOLD, max: MAX_THRESHOLD } };
    if (input.partners && (input.partners.length > HR_PARTNERS_MAX || input.partners.some((id) => !SLACK_USER_ID.test(id)))) errors.hrPartners = { key: 'settings.error_hr_partners', vars: { max: HR_PARTNERS_MAX } };
    return errors;
  }

  /** Saves the HR partners (each change audited) and the threshold. `actor` is an admin confirmed with Slack by the caller. */
  async save(actor: Actor, input: HrSettingsInput): Promise<{ added: string[]; removed: string[] }> {
    if (!actor.person.isAdmin) throw new AdminUnconfirmedError();
    const errors = HrService.check(input);
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);
    const at = this.clock.now().toJSDate();
    return inTransaction(this.prisma, async (repos) => {
      if (input.threshold !== undefined) await repos.hr.setThreshold(actor.teamId, input.threshold);
      if (input.partners === undefined) return { added: [], removed: [] };
      return repos.hr.setPartners(actor.teamId, [...new Set(input.partners)], actor.person.slackUserId, at);
    });
  }
}
