import { DateTime } from 'luxon';
import type { Locale } from '../../i18n';
import type { IsoDay } from '../../time/dates';
import { progressOf } from '../goals/progress';
import { intlLocale, joinAlt, listWithin, longDay, percentText, shortDay, shorten, tr, withUnit } from './format';
import type { AxisTick, GoalChartSpec } from './spec';

/** What a goal chart is drawn from (read by ChartService; plain data so tests build it by hand). */
export interface GoalChartInput {
  title: string;
  metricName: string;
  metricUnit: string | null;
  baseline: number;
  target: number;
  /** When the goal was created: where the time axis starts. */
  createdAt: Date;
  targetDate: IsoDay | null;
  checkIns: { at: Date; value: number }[];
  milestones: { title: string; doneAt: Date | null }[];
}

export interface ChartReader {
  locale: Locale;
  zone: string;
  now: DateTime;
}

export const GOAL_CHART_SIZE = { width: 800, height: 450 } as const;
/** Check-ins spelled out in the alt text before "and N more". */
const ALT_LIST_BUDGET = 1200;

/**
 * A goal's chart: check-in values over time against the baseline and the target, the milestones
 * reached as markers on the value line, the target date as a vertical line; title, axes, legend
 * and alt text in the reader's language, dates in the reader's zone.
 */
export function goalChartSpec(input: GoalChartInput, reader: ChartReader): GoalChartSpec {
  const { locale, zone } = reader;
  const t = tr(locale);
  const checkIns = [...input.checkIns].sort((a, b) => a.at.getTime() - b.at.getTime());
  const points = checkIns.map((c) => ({ x: c.at.getTime(), y: c.value }));
  const targetDate = input.targetDate ? DateTime.fromISO(input.targetDate, { zone }).startOf('day') : null;

  // The time axis: from the goal's start (or its first check-in) to its target date (or today).
  const xs = [input.createdAt.getTime(), reader.now.toMillis(), ...points.map((p) => p.x)];
  if (targetDate) xs.push(targetDate.toMillis());
  const start = DateTime.fromMillis(Math.min(...xs), { zone }).startOf('day');
  const endRaw = DateTime.fromMillis(Math.max(...xs), { zone });
  const end = endRaw.endOf('day') > start.plus({ days: 7 }) ? endRaw.endOf('day') : start.plus({ days: 7 });
  const pad = (end.toMillis() - start.toMillis()) * 0.02;
  const xMin = start.toMillis() - pad;
  const xMax = end.toMillis() + pad;

  const ys = [input.baseline, input.target, ...points.map((p) => p.y)];
  const yLow = Math.min(...ys);
  const yHigh = Math.max(...ys);
  const ySpan = yHigh - yLow || Math.abs(yHigh) || 1;
  const yMin = yLow >= 0 && yLow - ySpan * 0.1 < 0 ? 0 : yLow - ySpan * 0.1;
  const yMax = yHigh + ySpan * 0.1;

  // Milestones reached sit on the value line where they were reached.
  const line = [{ x: input.createdAt.getTime(), y: input.baseline }, ...points];
  const milestonePoints = input.milestones
    .filter((m): m is { title: string; doneAt: Date } => m.doneAt !== null)
    .map((m) => ({ x: m.doneAt.getTime(), y: valueAt(line, m.doneAt.getTime()), title: m.title }))
    .sort((a, b) => a.x - b.x);

  const unit = input.metricUnit;
  const num = (v: number) => withUnit(locale, v, unit);
  const withYear = start.year !== end.year;

  const latest = checkIns.at(-1);
  const progress = latest ? progressOf({ baseline: input.baseline, target: input.target, currentValue: latest.value }) : null;
  const items = [...checkIns].reverse().map((c) => t('chart.goal.alt_checkin_item', { value: num(c.value), date: longDay(locale, DateTime.fromJSDate(c.at, { zone })) }));
  const done = input.milestones.filter((m) => m.doneAt !== null).length;
  const altText = joinAlt([
    t('chart.goal.alt_intro', { title: input.title, metric: input.metricName, baseline: num(input.baseline), target: num(input.target) }),
    targetDate ? t('chart.goal.alt_target_date', { date: longDay(locale, targetDate) }) : '',
    checkIns.length === 0
      ? t('chart.goal.alt_no_checkins')
      : t('chart.goal.alt_checkins', { count: checkIns.length, list: listWithin(locale, items, ALT_LIST_BUDGET) }),
    latest && progress !== null ? t('chart.goal.alt_latest', { value: num(latest.value), percent: percentText(locale, progress) }) : '',
    input.milestones.length > 0 ? t('chart.goal.alt_milestones', { done, total: input.milestones.length }) : '',
  ]);

  return {
    kind: 'goal',
    numberLocale: intlLocale(locale),
    ...GOAL_CHART_SIZE,
    title: shorten(input.title, 80),
    subtitle: t('chart.goal.subtitle', { metric: input.metricName, baseline: num(input.baseline), target: num(input.target) }),
    x: { label: t('chart.goal.x_axis'), min: xMin, max: xMax, ticks: dayTicks(start, end, 6, locale, withYear) },
    y: { label: unit ? t('chart.goal.y_axis_unit', { metric: input.metricName, unit }) : input.metricName, min: yMin, max: yMax },
    values: { label: t('chart.goal.values'), points },
    baseline: { label: t('chart.goal.baseline', { value: num(input.baseline) }), y: input.baseline },
    target: { label: t('chart.goal.target', { value: num(input.target) }), y: input.target },
    targetDate: targetDate ? { label: t('chart.goal.target_date', { date: shortDay(locale, targetDate, withYear) }), x: targetDate.toMillis() } : null,
    milestones: { label: t('chart.goal.milestones'), points: milestonePoints },
    altText,
  };
}

/** The value line at `x`, straight between the known points (flat before the first and after the last). */
function valueAt(line: { x: number; y: number }[], x: number): number {
  const sorted = [...line].sort((a, b) => a.x - b.x);
  if (x <= sorted[0].x) return sorted[0].y;
  for (let i = 1; i < sorted.length; i += 1) {
    const a = sorted[i - 1];
    const b = sorted[i];
    if (x <= b.x) return b.x === a.x ? b.y : a.y + ((b.y - a.y) * (x - a.x)) / (b.x - a.x);
  }
  return sorted[sorted.length - 1].y;
}

/** About `count` ticks on local day starts between `start` and `end`, labelled in the reader's language. */
function dayTicks(start: DateTime, end: DateTime, count: number, locale: Locale, withYear: boolean): AxisTick[] {
  const days = Math.max(1, Math.round(end.diff(start, 'days').days));
  const step = Math.max(1, Math.ceil(days / (count - 1)));
  const ticks: AxisTick[] = [];
  for (let d = 0; d <= days; d += step) {
    const at = start.plus({ days: d }).startOf('day');
    ticks.push({ value: at.toMillis(), label: shortDay(locale, at, withYear) });
  }
  return ticks;
}

