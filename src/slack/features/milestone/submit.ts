import type { MilestoneDone } from '../../../domain/milestones';
import type { Actor } from '../../../domain/people';
import type { AppContext } from '../../context';
import { esc, textMessage, truncate, userMention } from '../../blocks';
import { submitHandler } from '../../form/submit';
import { confirmToPair } from '../shared/pair';
import { milestoneForm } from './fields';

/** After a milestone was marked done (from the modal or a button): tell both (the celebration follows its event). */
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
}

/** The milestone modal: marks the chosen milestone done (idempotent). */
export function milestoneSubmission(ctx: AppContext) {
  return submitHandler(ctx, {
    form: milestoneForm,
    fallback: 'milestone',
    read: (v) => ({ milestoneId: v.milestone }),
    save: (actor, input) => ctx.services.milestones.markDone(actor, input.milestoneId),
    after: (rctx, actor, r: MilestoneDone) => afterMilestoneDone(rctx, actor, r),
  });
}
