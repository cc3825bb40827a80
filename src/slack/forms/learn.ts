import { z } from 'zod';
import type { LearningInput } from '../../domain/learnings';
import { LearnIds } from '../ids';
import { LearnFieldMax } from '../views/learn';
import { FormReader, type BlockErrors, type StateValues } from '../form/reader';

const Metadata = z.object({ f: z.string().min(1).max(64) });

export function readLearnForm(values: StateValues, privateMetadata: string): { input: LearningInput | null; errors: BlockErrors } {
  let followUpId: string;
  try {
    followUpId = Metadata.parse(JSON.parse(privateMetadata)).f;
  } catch {
    return { input: null, errors: { [LearnIds.whatBlock]: { key: 'common.error_not_found' } } };
  }
  const f = new FormReader(values);
  const whatHappened = f.text(LearnIds.whatBlock, LearnIds.whatInput, { required: true, max: LearnFieldMax.what });
  const learned = f.text(LearnIds.learnedBlock, LearnIds.learnedInput, { required: true, max: LearnFieldMax.learned });
  const nextExperiment = f.text(LearnIds.nextBlock, LearnIds.nextInput, { max: LearnFieldMax.next });
  const share = (values?.[LearnIds.shareBlock]?.[LearnIds.shareInput]?.selected_options ?? []).some((o) => o.value === 'share');
  if (!f.ok || !whatHappened || !learned) return { input: null, errors: f.errors };
  return { input: { followUpId, whatHappened, learned, nextExperiment, share }, errors: {} };
}

export const learnBlocks: Record<string, string> = { share: LearnIds.shareBlock, followUp: LearnIds.whatBlock };
