/**
 * Progress towards a quantitative target: (value − baseline) / (target − baseline), clamped to
 * 0..1. Works for targets below the baseline too (e.g. reduce sick leave from 8 % to 5 %).
 * Null when the goal has no quantitative criterion.
 */
export function progressOf(goal: { baseline: number | null; target: number | null; currentValue: number | null }): number | null {
  if (goal.baseline === null || goal.target === null || goal.target === goal.baseline) return null;
  const value = goal.currentValue ?? goal.baseline;
  const ratio = (value - goal.baseline) / (goal.target - goal.baseline);
  if (!Number.isFinite(ratio)) return null;
  return Math.min(1, Math.max(0, ratio));
}
