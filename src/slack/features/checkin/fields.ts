import { CHECKIN_NOTE_MAX, type CheckInInput } from '../../../domain/checkins';
import { CheckInIds, MilestoneIds } from '../../ids';
import { RECORD_ID } from '../../../domain/vocabulary';
import { FormReader, type BlockErrors, type StateValues } from '../../form/reader';

const isId = (v: unknown): v is string => typeof v === 'string' && RECORD_ID.test(v);

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

export function readMilestoneForm(values: StateValues): { input: { milestoneId: string } | null; errors: BlockErrors } {
  const raw = values?.[MilestoneIds.milestoneBlock]?.[MilestoneIds.milestoneInput]?.selected_option?.value ?? null;
  if (!raw) return { input: null, errors: { [MilestoneIds.milestoneBlock]: { key: 'common.error_required' } } };
  if (!isId(raw)) return { input: null, errors: { [MilestoneIds.milestoneBlock]: { key: 'common.error_invalid_option' } } };
  return { input: { milestoneId: raw }, errors: {} };
}
