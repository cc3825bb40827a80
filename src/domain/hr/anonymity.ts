/**
 * The anonymity rules of the HR overview (issue 21 §1), pure and unit-tested.
 *
 * - Counts and shares only: every figure carries the number of follow-ups it was computed from.
 * - A figure computed from fewer follow-ups than the workspace's threshold (default 5, never below 3)
 *   is "too few to show".
 * - A breakdown whose total is shown (or can be read elsewhere) must not let a reader get a hidden
 *   cell back by subtraction: when exactly one cell is hidden, the smallest other non-zero cell is
 *   hidden too (secondary suppression).
 * - A zero is shown: it is computed from every follow-up of the population (none has it), and when
 *   the population itself is below the threshold everything is hidden anyway.
 */
export const DEFAULT_THRESHOLD = 5;
export const MIN_THRESHOLD = 3;
export const MAX_THRESHOLD = 50;

/** A shown figure, or one hidden as "too few to show". */
export type Figure = { shown: true; value: number } | { shown: false };

export const hidden: Figure = { shown: false };
export const shownValue = (value: number): Figure => ({ shown: true, value });

/** The threshold in effect: a stored value below the minimum is raised to it. */
export function effectiveThreshold(stored: number | null | undefined): number {
  if (stored === null || stored === undefined || !Number.isFinite(stored)) return DEFAULT_THRESHOLD;
  return Math.min(MAX_THRESHOLD, Math.max(MIN_THRESHOLD, Math.round(stored)));
}

/** Why a threshold typed by an admin is refused, or null. */
export function thresholdError(value: number): 'too_low' | 'too_high' | 'not_whole' | null {
  if (!Number.isInteger(value)) return 'not_whole';
  if (value < MIN_THRESHOLD) return 'too_low';
  if (value > MAX_THRESHOLD) return 'too_high';
  return null;
}

/** A count of follow-ups (or of things in them) computed from `base` follow-ups. */
export function countFigure(value: number, base: number, threshold: number): Figure {
  if (value === 0 && base === 0) return shownValue(0);
  return base < threshold ? hidden : shownValue(value);
}

/** A share (0–1) of `base` follow-ups; hidden below the threshold. */
export function shareFigure(part: number, base: number, threshold: number): Figure {
  if (base < threshold || base === 0) return hidden;
  return shownValue(part / base);
}

/** An average over things of `base` follow-ups; hidden below the threshold. */
export function averageFigure(average: number | null, base: number, threshold: number): Figure {
  if (average === null || base < threshold) return hidden;
  return shownValue(average);
}

export interface Cell<K extends string> {
  key: K;
  /** What is counted (follow-ups, goals, barriers). */
  value: number;
  /** How many distinct follow-ups the cell is computed from. */
  followUps: number;
}

/**
 * A breakdown's cells after the threshold. `totalShown`: the breakdown's total can be read (it is
 * shown, or is another figure), so a single hidden cell would come back by subtraction.
 */
export function suppressBreakdown<K extends string>(cells: Cell<K>[], threshold: number, totalShown: boolean): Record<K, Figure> {
  const out = {} as Record<K, Figure>;
  const hiddenKeys = new Set<K>();
  for (const c of cells) if (c.followUps > 0 && c.followUps < threshold) hiddenKeys.add(c.key);
  if (totalShown && hiddenKeys.size === 1) {
    const next = cells
      .filter((c) => !hiddenKeys.has(c.key) && c.value > 0)
      .sort((a, b) => a.followUps - b.followUps || a.value - b.value)[0];
    if (next) hiddenKeys.add(next.key);
  }
  for (const c of cells) out[c.key] = hiddenKeys.has(c.key) ? hidden : shownValue(c.value);
  return out;
}

/** Every figure of a breakdown hidden (the population itself is below the threshold). */
export function allHidden<K extends string>(keys: readonly K[]): Record<K, Figure> {
  return Object.fromEntries(keys.map((k) => [k, hidden])) as Record<K, Figure>;
}
