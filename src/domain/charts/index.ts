import type { Repositories } from '../../data';
import type { Person } from '../../data/prisma';
import type { Clock } from '../../time/clock';
import { dateToDay, dayOf } from '../../time/dates';
import { ValidationError } from '../errors';
import type { GoalService } from '../goals';
import type { Actor } from '../people';
import { goalChartSpec, type ChartReader } from './goalChart';
import { overviewChartSpec } from './overviewChart';
import type { GoalChartSpec, OverviewChartSpec } from './spec';
import type { Locale } from '../../i18n';

export * from './spec';
export { goalChartSpec, type GoalChartInput, type ChartReader } from './goalChart';
export { overviewChartSpec, type OverviewLeaderInput, type OverviewGoalInput } from './overviewChart';

/** How a person is named in a picture (a chart cannot hold a Slack mention). */
export function displayName(p: Pick<Person, 'realName' | 'displayName' | 'slackUserId'>): string {
  return p.realName || p.displayName || p.slackUserId;
}

/**
 * The charts' use cases: read what a chart shows, for someone who may see it, and return its spec
 * (render it with `renderChart` from ./render, upload it with src/slack/files.ts). Access is the
 * goals' own: only the leader and the senior leader of a goal's follow-up get its chart; only a
 * senior leader gets the overview of the leaders they follow up.
 */
export class ChartService {
  constructor(
    private readonly repos: Repositories,
    private readonly goals: GoalService,
    private readonly clock: Clock,
  ) {}

  private reader(locale: Locale, zone: string): ChartReader {
    return { locale, zone, now: this.clock.now().setZone(zone) };
  }

  /** A goal's chart, in the actor's language and zone. A goal without a metric has none (a field error). */
  async goalChart(actor: Actor, goalId: string): Promise<GoalChartSpec> {
    const goal = await this.goals.getVisible(actor, goalId);
    if (goal.metricName === null || goal.baseline === null || goal.target === null) {
      throw new ValidationError({ goal: { key: 'chart.error_no_metric' } });
    }
    const series = await this.repos.checkIns.series(goal.id);
    return goalChartSpec(
      {
        title: goal.title,
        metricName: goal.metricName,
        metricUnit: goal.metricUnit,
        baseline: goal.baseline,
        target: goal.target,
        createdAt: goal.createdAt,
        targetDate: goal.targetDate ? dateToDay(goal.targetDate) : null,
        checkIns: series.filter((c): c is { createdAt: Date; value: number } => c.value !== null).map((c) => ({ at: c.createdAt, value: c.value })),
        milestones: goal.milestones.map((m) => ({ title: m.title, doneAt: m.doneAt })),
      },
      this.reader(actor.locale, actor.zone),
    );
  }

  /**
   * The charts `/followup status [@leader]` shows its asker: the goals with a metric that the actor
   * may see (their own as a leader, their leaders' as a senior leader; narrowed to one leader by a
   * mention), open goals first, at most `max` (each is a picture in the reply). Someone who may not
   * see that leader's goals gets none, as the status itself refuses them.
   */
  async statusCharts(actor: Actor, leaderUserId: string | null, max = 3): Promise<GoalChartSpec[]> {
    const visible = await this.goals.visibleGoals(actor, { leaderUserId });
    const open = (s: string) => (s === 'ACTIVE' || s === 'ADJUSTED' ? 0 : 1);
    const charted = visible
      .map((v) => v.goal)
      .filter((g) => g.metricName !== null && g.baseline !== null && g.target !== null)
      .sort((a, b) => open(a.status) - open(b.status) || a.createdAt.getTime() - b.createdAt.getTime())
      .slice(0, max);
    const specs: GoalChartSpec[] = [];
    for (const g of charted) specs.push(await this.goalChart(actor, g.id));
    return specs;
  }

  /** The overview of the leaders the actor follows up as a senior leader. */
  async overviewChart(actor: Actor): Promise<OverviewChartSpec> {
    const spec = await this.overviewForSenior(actor.person.id, actor.locale, actor.zone);
    if (!spec) throw new ValidationError({ leader: { key: 'chart.error_no_leaders' } });
    return spec;
  }

  /** The weekly digest's overview for a senior leader (by person id); null when they follow up no one. */
  async overviewForSenior(seniorId: string, locale: Locale, zone: string): Promise<OverviewChartSpec | null> {
    return seniorOverviewSpec(this.repos, this.clock, seniorId, locale, zone);
  }
}

/**
 * A senior leader's overview of their leaders' goals, by person id (null when they follow up no
 * one). The workers' digest step reads it without the request-side services.
 */
export async function seniorOverviewSpec(repos: Repositories, clock: Clock, seniorId: string, locale: Locale, zone: string): Promise<OverviewChartSpec | null> {
  const followUps = await repos.schedule.activeAsSenior(seniorId);
  if (followUps.length === 0) return null;
  const goals = await repos.schedule.goalsOf(followUps.map((f) => f.id));
  const reader: ChartReader = { locale, zone, now: clock.now().setZone(zone) };
  return overviewChartSpec(
    followUps.map((f) => ({
      name: displayName(f.leader),
      goals: goals.filter((g) => g.followUpId === f.id).map((g) => ({ title: g.title, baseline: g.baseline, target: g.target, currentValue: g.currentValue, status: g.status })),
    })),
    dayOf(reader.now, zone),
    reader,
  );
}

/** Where uploaded chart pictures are remembered by content hash (so one picture is uploaded once). */
export type { ChartFileRepository as ChartFileStore } from '../../data/chartFiles';
