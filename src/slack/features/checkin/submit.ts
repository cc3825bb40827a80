import type { CheckInResult } from '../../../domain/checkins';
import type { AppContext } from '../../context';
import { userMention } from '../../blocks';
import { submitHandler } from '../../form/submit';
import { confirmToPair } from '../shared/pair';
import { checkInForm } from './fields';
import { checkInNoticeMessage, checkInSavedMessage, type CheckInConfirmation } from './views';

/** The check-in modal: saves the check-in once per view; tells both people the progress. */
export function checkInSubmission(ctx: AppContext) {
  return submitHandler(ctx, {
    form: checkInForm,
    fallback: 'goal',
    read: (v) => ({ goalId: v.goal, value: v.value, confidence: Number(v.confidence), note: v.note }),
    save: (actor, input, sourceKey) => ctx.services.checkIns.record(actor, input, sourceKey),
    after: async (rctx, actor, r: CheckInResult) => {
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
        targetReached: r.targetReached,
        target: r.goal.target,
      };
      const author = userMention(actor.person.slackUserId);
      await confirmToPair(
        rctx,
        actor,
        r.followUp,
        (tr) => checkInSavedMessage(tr, actor.locale, c),
        (tr) => checkInNoticeMessage(tr, author, c),
      );
    },
  });
}
