import { DateTime } from 'luxon';
import type { GoalStatus } from '../../data/prisma';
import type { IsoDay } from '../../time/dates';
import { progressOf } from '../goals/progress';
import { intlLocale, joinAlt, listWithin, percentText, shorten, tr } from './format';
import type { ChartReader } from './goalChart';
import type { OverviewBar, OverviewChartSpec } from './spec';

export interface OverviewGoalInput {
  title: string;
  baseline: number | null;
  target: number | null;
  currentValue: number | null;
  status: GoalStatus;
}

export interface OverviewLeaderInput {
  /** The leader's name as the reader knows it (a picture cannot hold a Slack mention). */
  name: string;
  goals: OverviewGoalInput[];
}

export const OVERVIEW_WIDTH = 900;
const ROW_HEIGHT = 26;
const CHROME_HEIGHT = 150;
/** Rows one picture holds: beyond this a leader's goals are summed up in the alt text only. */
export const OVERVIEW_MAX_BARS = 80;

/**
 * A senior leader's overview: one horizontal bar per goal of each leader they follow up, showing
 * progress toward the target in percent (achieved goals at 100 %, goals without a metric marked
 * as such), grouped by leader; for the weekly digest.
 */
export function overviewChartSpec(leaders: OverviewLeaderInput[], weekOf: IsoDay, reader: ChartReader): OverviewChartSpec {
  const { locale } = reader;
  const t = tr(locale);
  const bars: OverviewBar[] = [];
  const altLeaders: string[] = [];
  let goalCount = 0;
  // Each leader's share of the alt text, so every leader is named within Slack's 2000 characters.
  const budget = Math.max(60, Math.floor(1700 / Math.max(1, leaders.length)) - 40);
  for (const leader of leaders) {
    const alt: string[] = [];
    for (const goal of leader.goals) {
      if (goal.status === 'DROPPED') continue;
      goalCount += 1;
      const achieved = goal.status === 'ACHIEVED';
      const ratio = achieved ? 1 : progressOf(goal);
      const percent = ratio === null ? null : Math.round(ratio * 100);
      bars.push({ label: `${shorten(leader.name, 22)} · ${shorten(goal.title, 34)}`, leader: leader.name, percent, achieved });
      const value = achieved ? t('chart.overview.achieved') : ratio === null ? t('chart.overview.no_metric') : percentText(locale, ratio);
      alt.push(t('chart.overview.alt_goal', { title: goal.title, value }));
    }
    altLeaders.push(t('chart.overview.alt_leader', { leader: leader.name, goals: alt.length > 0 ? listWithin(locale, alt, budget) : t('chart.overview.alt_no_goals') }));
  }
  const shown = bars.slice(0, OVERVIEW_MAX_BARS);
  const week = DateTime.fromISO(weekOf, { zone: 'utc' }).weekNumber;
  return {
    kind: 'overview',
    numberLocale: intlLocale(locale),
    width: OVERVIEW_WIDTH,
    height: CHROME_HEIGHT + Math.max(1, shown.length) * ROW_HEIGHT,
    title: t('chart.overview.title'),
    subtitle: t('chart.overview.subtitle', { leaders: leaders.length, goals: goalCount, week }),
    x: { label: t('chart.overview.x_axis') },
    bars: shown,
    noMetricLabel: t('chart.overview.no_metric'),
    achievedLabel: t('chart.overview.achieved'),
    progressLabel: t('chart.overview.progress'),
    altText: joinAlt([t('chart.overview.alt_intro', { leaders: leaders.length, goals: goalCount }), ...altLeaders]),
  };
}
