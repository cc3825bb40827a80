import { PLAN_WHAT_MAX, type PlanInput } from '../../domain/plans';
import { PlanIds } from '../ids';
import { FormReader, type BlockErrors, type StateValues } from '../form/reader';

export function readPlanForm(values: StateValues): { input: PlanInput | null; errors: BlockErrors } {
  const f = new FormReader(values);
  const leaderUserId = f.user(PlanIds.leaderBlock, PlanIds.leaderInput, { required: true });
  const what = f.text(PlanIds.whatBlock, PlanIds.whatInput, { required: true, max: PLAN_WHAT_MAX });
  const owner = f.option(PlanIds.ownerBlock, PlanIds.ownerInput, ['leader', 'senior'] as const, { required: true });
  const dueDate = f.date(PlanIds.dueBlock, PlanIds.dueInput, { required: true });
  const barrier = values[PlanIds.barrierBlock]?.[PlanIds.barrierInput]?.selected_option?.value ?? null;
  if (!f.ok || !leaderUserId || !what || !owner) return { input: null, errors: f.errors };
  return { input: { leaderUserId, what, owner, dueDate, barrierId: barrier }, errors: {} };
}

/** Domain field → block of the plan modal. */
export const planBlocks: Record<string, string> = {
  leader: PlanIds.leaderBlock,
  what: PlanIds.whatBlock,
  dueDate: PlanIds.dueBlock,
  barrier: PlanIds.barrierBlock,
};
