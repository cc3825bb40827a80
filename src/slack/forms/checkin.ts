import { CHECKIN_NOTE_MAX, type CheckInInput } from '../../domain/checkins';
import type { GoalEditInput } from '../../domain/goals';
import { CheckInIds, GoalEditIds, MilestoneIds } from '../ids';
import { GoalEditFieldMax } from '../views/goalEditMax';
import { ID_PATTERN, parseMetadata } from '../views/inputs';
import { FormReader, type BlockErrors, type StateValues } from './common';

const isId = (v: unknown): v is string => typeof v === 'string' && ID_PATTERN.test(v);

export function readCheckInForm(values: StateValues): { input: CheckInInput | null; errors: BlockErrors } {
  const f = new FormReader(values);
  const raw = values?.[CheckInIds.goalBlock]?.[CheckInIds.goalInput]?.selected_option?.value ?? null;
  if (!raw) f.errors[CheckInIds.goalBlock] = { key: 'common.error_required' };
  else if (!isId(raw)) f.errors[CheckInIds.goalBlock] = { key: 'common.error_invalid_option' };
  const value = f.number(CheckInIds.valueBlock, CheckInIds.valueInput);
  const confidence = f.option(CheckInIds.confidenceBlock, CheckInIds.confidenceInput, ['1', '2', '3', '4', '5'], { required: true });
  const note = f.text(CheckInIds.noteBlock, CheckInIds.noteInput, { max: CHECKIN_NOTE_MAX });
  if (!f.ok || !raw || !confidence) return { input: null, errors: f.errors };
  return { input: { goalId: raw, value, confidence: Number(confidence), note }, errors: {} };
}

export const checkInBlocks: Record<string, string> = {
  goal: CheckInIds.goalBlock,
  value: CheckInIds.valueBlock,
  confidence: CheckInIds.confidenceBlock,
  note: CheckInIds.noteBlock,
};

export function readGoalEditForm(values: StateValues, privateMetadata: string): { input: GoalEditInput | null; errors: BlockErrors } {
  const f = new FormReader(values);
  const meta = parseMetadata(privateMetadata);
  const goalId = meta && isId(meta.goalId) ? meta.goalId : null;
  if (!goalId) f.errors[GoalEditIds.reasonBlock] = { key: 'common.error_not_found' };
  const hasTarget = values?.[GoalEditIds.targetBlock] !== undefined;
  const target = hasTarget ? f.number(GoalEditIds.targetBlock, GoalEditIds.targetInput, { required: true }) : null;
  const targetDate = f.date(GoalEditIds.targetDateBlock, GoalEditIds.targetDateInput);
  const qualitativeCriteria = f.text(GoalEditIds.criteriaBlock, GoalEditIds.criteriaInput, { max: GoalEditFieldMax.criteria });
  const reason = f.text(GoalEditIds.reasonBlock, GoalEditIds.reasonInput, { required: true, max: GoalEditFieldMax.reason });
  if (!f.ok || !goalId || !reason) return { input: null, errors: f.errors };
  return { input: { goalId, target, targetDate, qualitativeCriteria, reason }, errors: {} };
}

export const goalEditBlocks: Record<string, string> = {
  target: GoalEditIds.targetBlock,
  targetDate: GoalEditIds.targetDateBlock,
  qualitativeCriteria: GoalEditIds.criteriaBlock,
  reason: GoalEditIds.reasonBlock,
};

export function readMilestoneForm(values: StateValues): { input: { milestoneId: string } | null; errors: BlockErrors } {
  const raw = values?.[MilestoneIds.milestoneBlock]?.[MilestoneIds.milestoneInput]?.selected_option?.value ?? null;
  if (!raw) return { input: null, errors: { [MilestoneIds.milestoneBlock]: { key: 'common.error_required' } } };
  if (!isId(raw)) return { input: null, errors: { [MilestoneIds.milestoneBlock]: { key: 'common.error_invalid_option' } } };
  return { input: { milestoneId: raw }, errors: {} };
}
