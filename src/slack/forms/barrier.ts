import type { BarrierKind, BarrierStatus } from '../../data/prisma';
import { BARRIER_KINDS, BARRIER_STATUSES, type BarrierInput } from '../../domain/barriers';
import { BarrierIds } from '../ids';
import { BarrierFieldMax } from '../views/barrier';
import { FormReader, type BlockErrors, type StateValues } from '../form/reader';

export function readBarrierForm(values: StateValues): { input: BarrierInput | null; errors: BlockErrors } {
  const f = new FormReader(values);
  const leaderUserId = f.user(BarrierIds.leaderBlock, BarrierIds.leaderInput, { required: true });
  const kind = f.option<BarrierKind>(BarrierIds.kindBlock, BarrierIds.kindInput, BARRIER_KINDS, { required: true });
  const description = f.text(BarrierIds.descriptionBlock, BarrierIds.descriptionInput, { required: true, max: BarrierFieldMax.description });
  const status = f.option<BarrierStatus>(BarrierIds.statusBlock, BarrierIds.statusInput, BARRIER_STATUSES, { required: true });
  if (!f.ok || !leaderUserId || !kind || !description || !status) return { input: null, errors: f.errors };
  return { input: { leaderUserId, kind, description, status }, errors: {} };
}

export const barrierBlocks: Record<string, string> = { leader: BarrierIds.leaderBlock };
