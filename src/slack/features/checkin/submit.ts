import type { CheckInInput, CheckInResult } from '../../../domain/checkins';
import type { MilestoneDone } from '../../../domain/milestones';
import type { Actor } from '../../../domain/people';
import type { AppContext } from '../../context';
import { checkInBlocks, readCheckInForm, readMilestoneForm } from './fields';
import { CheckInIds, MilestoneIds } from '../../ids';
import { confirmToPair } from '../../pair';
import { esc, truncate, userMention } from '../../blocks';
import { checkInNoticeMessage, checkInSavedMessage, type CheckInConfirmation } from './views';
import { textMessage } from '../../blocks';
import { legacySubmitHandler } from '../../form/submit';

export function checkInSubmission(ctx: AppContext) {
  return legacySubmitHandler<CheckInInput, CheckInResult>(ctx, {
    read: readCheckInForm,
    blocks: checkInBlocks,
    fallbackBlock: CheckInIds.goalBlock,
    save: (actor, input, sourceKey) => ctx.services.checkIns.record(actor, input, sourceKey),
    after: async (actor, r) => {
      if (r.duplicate) return;
      const c: CheckInConfirmation = {
        goalId: r.goal.id,
        title: r.goal.title,
        value: r.checkIn.value,
        unit: r.goal.metricUnit,
        progress: r.progress,
        confidence: r.checkIn.confidence,
        note: r.checkIn.note,
        openMilestones: r.openMilestones.map((m) => ({ id: m.id, title: m.title })),
      };
      const author = userMention(actor.person.slackUserId);
      await confirmToPair(
        ctx,
        actor,
        r.followUp,
        (tr) => checkInSavedMessage(tr, actor.locale, c),
        (tr) => checkInNoticeMessage(tr, author, c),
      );
      await ctx.services.events.subjectChanged('goal', r.goal.id);
    },
  });
}

/** After a milestone was marked done (from the modal or a button): tell both, celebrate, refresh. */
export async function afterMilestoneDone(ctx: AppContext, actor: Actor, r: MilestoneDone): Promise<void> {
  if (!r.changed) {
    return confirmToPair(ctx, actor, r.followUp, (tr) => textMessage(tr('milestone.already_done', { title: esc(truncate(r.milestone.title, 150)) })), null);
  }
  const vars = { title: esc(truncate(r.milestone.title, 150)), goal: esc(truncate(r.goal.title, 150)) };
  await confirmToPair(
    ctx,
    actor,
    r.followUp,
    (tr) => textMessage(tr('milestone.done', vars)),
    (tr) => textMessage(tr('milestone.done_notice', { ...vars, author: userMention(actor.person.slackUserId) })),
  );
  await ctx.services.events.milestoneDone(r.milestone.id);
}

export function milestoneSubmission(ctx: AppContext) {
  return legacySubmitHandler<{ milestoneId: string }, MilestoneDone>(ctx, {
    read: readMilestoneForm,
    blocks: { milestone: MilestoneIds.milestoneBlock },
    fallbackBlock: MilestoneIds.milestoneBlock,
    save: (actor, input) => ctx.services.milestones.markDone(actor, input.milestoneId),
    after: (actor, r) => afterMilestoneDone(ctx, actor, r),
  });
}
