import type { Cadence } from '../../../data/prisma';
import { EVALUATION_WEEKS, type SetupInput } from '../../../domain/followups';
import { SetupIds } from '../../ids';
import { FormReader, type BlockErrors, type StateValues } from '../../form/reader';

const CADENCES: Cadence[] = ['WEEKLY', 'BIWEEKLY', 'MONTHLY', 'NONE'];

export function readSetupForm(values: StateValues): { input: SetupInput | null; errors: BlockErrors } {
  const f = new FormReader(values);
  const leaderUserId = f.user(SetupIds.leaderBlock, SetupIds.leaderInput, { required: true });
  const teamChannelId = f.conversation(SetupIds.channelBlock, SetupIds.channelInput);
  const oneToOneCadence = f.option(SetupIds.oneToOneBlock, SetupIds.oneToOneInput, CADENCES, { required: true });
  const weeks = f.option(SetupIds.evaluationBlock, SetupIds.evaluationInput, EVALUATION_WEEKS.map(String), { required: true });
  const reflectionCadence = f.option(SetupIds.reflectionBlock, SetupIds.reflectionInput, CADENCES, { required: true });
  const startDate = f.date(SetupIds.startDateBlock, SetupIds.startDateInput, { required: true });
  if (!f.ok || !leaderUserId || !oneToOneCadence || !weeks || !reflectionCadence || !startDate) return { input: null, errors: f.errors };
  return {
    input: { leaderUserId, teamChannelId, oneToOneCadence, evaluationEveryWeeks: Number(weeks), reflectionCadence, startDate },
    errors: {},
  };
}

/** Domain field → block of the setup modal. */
export const setupBlocks: Record<string, string> = {
  leader: SetupIds.leaderBlock,
  oneToOne: SetupIds.oneToOneBlock,
  channel: SetupIds.channelBlock,
  startDate: SetupIds.startDateBlock,
};
