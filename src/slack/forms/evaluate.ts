import { z } from 'zod';
import type { Assessment } from '../../data/prisma';
import { ASSESSMENTS, MAX_EVALUATED_GOALS, type EvaluationInput, type EvaluationItemInput } from '../../domain/evaluations';
import { EvaluateIds } from '../ids';
import { EvaluateFieldMax } from '../views/evaluate';
import { FormReader, type BlockErrors, type StateValues } from '../form/reader';

const Metadata = z.object({ f: z.string().min(1).max(64), g: z.array(z.string().min(1).max(64)).min(1).max(MAX_EVALUATED_GOALS) });

export function readEvaluateForm(values: StateValues, privateMetadata: string): { input: EvaluationInput | null; errors: BlockErrors } {
  let meta: z.infer<typeof Metadata>;
  try {
    meta = Metadata.parse(JSON.parse(privateMetadata));
  } catch {
    return { input: null, errors: { [EvaluateIds.nextBlock]: { key: 'common.error_not_found' } } };
  }
  const f = new FormReader(values);
  const items: EvaluationItemInput[] = [];
  meta.g.forEach((goalId, i) => {
    const assessment = f.option<Assessment>(EvaluateIds.assessmentBlock(i), EvaluateIds.assessmentInput(i), ASSESSMENTS, { required: true });
    const comment = f.text(EvaluateIds.commentBlock(i), EvaluateIds.commentInput(i), { max: EvaluateFieldMax.comment });
    const newTarget = f.number(EvaluateIds.targetBlock(i), EvaluateIds.targetInput(i));
    const newTargetDate = f.date(EvaluateIds.dateBlock(i), EvaluateIds.dateInput(i));
    const reason = f.text(EvaluateIds.reasonBlock(i), EvaluateIds.reasonInput(i), { max: EvaluateFieldMax.reason });
    if (assessment) items.push({ goalId, assessment, comment, newTarget, newTargetDate, reason });
  });
  const nextEvaluationOn = f.date(EvaluateIds.nextBlock, EvaluateIds.nextInput, { required: true });
  const summary = f.text(EvaluateIds.summaryBlock, EvaluateIds.summaryInput, { max: EvaluateFieldMax.summary });
  if (!f.ok || !nextEvaluationOn || items.length !== meta.g.length) return { input: null, errors: f.errors };
  return { input: { followUpId: meta.f, items, nextEvaluationOn, summary }, errors: {} };
}

/** Domain field → block of the evaluation modal. */
export function evaluateBlocks(): Record<string, string> {
  const map: Record<string, string> = { next: EvaluateIds.nextBlock };
  for (let i = 0; i < MAX_EVALUATED_GOALS; i++) {
    map[`assessment${i}`] = EvaluateIds.assessmentBlock(i);
    map[`target${i}`] = EvaluateIds.targetBlock(i);
    map[`date${i}`] = EvaluateIds.dateBlock(i);
    map[`reason${i}`] = EvaluateIds.reasonBlock(i);
  }
  return map;
}
