import type { PlanInput, PlanResult } from '../../../domain/plans';
import { translator } from '../../../i18n';
import type { AppContext } from '../../context';
import { planBlocks, readPlanForm } from '../../forms/plan';
import { PlanIds } from '../../ids';
import { dm } from '../../notify';
import { esc, truncate, userMention } from '../../blocks';
import { textMessage } from '../../blocks';
import { dateToDay, slackDay } from '../../../time/dates';
import { legacySubmitHandler } from '../../form/submit';

export function planSubmission(ctx: AppContext) {
  return legacySubmitHandler<PlanInput, PlanResult>(ctx, {
    read: readPlanForm,
    blocks: planBlocks,
    fallbackBlock: PlanIds.whatBlock,
    save: (actor, input, sourceKey) => ctx.services.plans.create(actor, input, sourceKey),
    after: async (actor, result) => {
      if (result.duplicate) return;
      const { action, followUp } = result;
      const what = esc(truncate(action.what, 300));
      const tr = translator(actor.locale);
      const dueFor = (zone: string, t: typeof tr) => (action.dueDate ? slackDay(dateToDay(action.dueDate), zone) : t('plan.no_due'));
      await dm(ctx, actor.person.slackUserId, textMessage(tr('plan.created', { leader: userMention(followUp.leader.slackUserId), what, due: dueFor(actor.zone, tr) })));
      if (action.ownerId !== actor.person.id) {
        const owner = ctx.services.people.toActor(action.ownerId === followUp.seniorId ? followUp.senior : followUp.leader);
        const trOwner = translator(owner.locale);
        await dm(ctx, owner.person.slackUserId, textMessage(trOwner('plan.created_notify_owner', { author: userMention(actor.person.slackUserId), what, due: dueFor(owner.zone, trOwner) })));
      }
    },
  });
}
