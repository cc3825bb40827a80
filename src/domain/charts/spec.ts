/**
 * What a chart shows, as plain data: the domain builds it (numbers, labels in the reader's
 * language, alt text), the renderer (./render.ts) draws it. No library types here, no functions:
 * a spec can be compared in a unit test, hashed, or logged.
 */

/** The palette, shared by the renderer and the tests that look for a colour in the picture. */
export const CHART_COLOURS = {
  values: '#1f6feb',
  baseline: '#8c959f',
  target: '#1a7f37',
  targetDate: '#bf3989',
  milestone: '#d4a72c',
  bar: '#1f6feb',
  barAchieved: '#1a7f37',
  grid: '#e6e8eb',
  text: '#24292f',
  background: '#ffffff',
} as const;

export interface AxisTick {
  /** Position on the axis (x: epoch milliseconds). */
  value: number;
  label: string;
}

export interface GoalChartSpec {
  kind: 'goal';
  /** BCP 47 locale for numbers on the axes (nb-NO writes 3,5). */
  numberLocale: string;
  width: number;
  height: number;
  title: string;
  subtitle: string;
  x: { label: string; min: number; max: number; ticks: AxisTick[] };
  y: { label: string; min: number; max: number };
  /** Check-in values, oldest first (x in epoch ms). */
  values: { label: string; points: { x: number; y: number }[] };
  baseline: { label: string; y: number };
  target: { label: string; y: number };
  /** The target date as a vertical line, when the goal has one. */
  targetDate: { label: string; x: number } | null;
  /** Milestones reached, as markers on the value line. */
  milestones: { label: string; points: { x: number; y: number; title: string }[] };
  /** The numbers in words, for the image block's alt_text (≤ 2000 characters). */
  altText: string;
}

export interface OverviewBar {
  /** Leader name — goal title (shortened to fit). */
  label: string;
  leader: string;
  /** Progress toward target in percent (0–100); null when the goal has no metric. */
  percent: number | null;
  achieved: boolean;
}

export interface OverviewChartSpec {
  kind: 'overview';
  numberLocale: string;
  width: number;
  height: number;
  title: string;
  subtitle: string;
  /** Percent axis; 100 is the target, drawn as a line. */
  x: { label: string };
  bars: OverviewBar[];
  /** Legend / value label for a goal without a metric. */
  noMetricLabel: string;
  achievedLabel: string;
  progressLabel: string;
  altText: string;
}

export type ChartSpec = GoalChartSpec | OverviewChartSpec;

/** Slack's limit on an image block's alt_text. */
export const ALT_TEXT_MAX = 2000;
