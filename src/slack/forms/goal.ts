import type { GoalKind } from '../../data/prisma';
import { MAX_MILESTONES, type GoalInput } from '../../domain/goals';
import { GoalIds } from '../ids';
import { GoalFieldMax } from '../views/goal';
import { FormReader, type BlockErrors, type StateValues } from './common';

const KINDS: GoalKind[] = ['PERSONAL', 'PROFESSIONAL'];

export function readGoalForm(values: StateValues): { input: GoalInput | null; errors: BlockErrors } {
  const f = new FormReader(values);
  const leaderUserId = f.user(GoalIds.leaderBlock, GoalIds.leaderInput, { required: true });
  const kind = f.option(GoalIds.kindBlock, GoalIds.kindInput, KINDS, { required: true });
  const title = f.text(GoalIds.titleBlock, GoalIds.titleInput, { required: true, max: GoalFieldMax.title });
  const description = f.text(GoalIds.descriptionBlock, GoalIds.descriptionInput, { max: GoalFieldMax.description });
  const expectations = f.text(GoalIds.expectationsBlock, GoalIds.expectationsInput, { max: GoalFieldMax.expectations });
  const qualitativeCriteria = f.text(GoalIds.qualitativeBlock, GoalIds.qualitativeInput, { max: GoalFieldMax.qualitative });
  const metricName = f.text(GoalIds.metricBlock, GoalIds.metricInput, { max: GoalFieldMax.metric });
  const metricUnit = f.text(GoalIds.unitBlock, GoalIds.unitInput, { max: GoalFieldMax.unit });
  const baseline = f.number(GoalIds.baselineBlock, GoalIds.baselineInput);
  const target = f.number(GoalIds.targetBlock, GoalIds.targetInput);
  const targetDate = f.date(GoalIds.targetDateBlock, GoalIds.targetDateInput);
  const milestones: GoalInput['milestones'] = [];
  for (let n = 1; n <= MAX_MILESTONES; n++) {
    milestones.push({
      title: f.text(GoalIds.milestoneBlock(n), GoalIds.milestoneInput(n), { max: GoalFieldMax.milestone }),
      dueDate: f.date(GoalIds.milestoneDueBlock(n), GoalIds.milestoneDueInput(n)),
    });
  }
  if (!f.ok || !leaderUserId || !kind || !title) return { input: null, errors: f.errors };
  return {
    input: { leaderUserId, kind, title, description, expectations, qualitativeCriteria, metricName, metricUnit, baseline, target, targetDate, milestones },
    errors: {},
  };
}

/** Domain field → block of the goal modal. */
export function goalBlocks(): Record<string, string> {
  const map: Record<string, string> = {
    leader: GoalIds.leaderBlock,
    kind: GoalIds.kindBlock,
    title: GoalIds.titleBlock,
    targetDate: GoalIds.targetDateBlock,
    metric: GoalIds.metricBlock,
    baseline: GoalIds.baselineBlock,
    target: GoalIds.targetBlock,
  };
  for (let n = 1; n <= MAX_MILESTONES; n++) {
    map[`milestone${n}`] = GoalIds.milestoneBlock(n);
    map[`milestoneDue${n}`] = GoalIds.milestoneDueBlock(n);
  }
  return map;
}
