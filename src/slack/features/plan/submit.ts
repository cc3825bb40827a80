import type { PlanResult } from '../../../domain/plans';
import { translator, type Translate } from '../../../i18n';
import { dateToDay } from '../../../time/dates';
import type { Actor } from '../../../domain/people';
import { readerDates } from '../../dates';
import type { AppContext } from '../../context';
import { submitHandler } from '../../form/submit';
import { dm } from '../../notify';
import { esc, textMessage, truncate, userMention } from '../../blocks';
import { PLAN_FIELDS, planForm } from './fields';

/** The plan modal: saves the action item (its reminders follow from the result's events); tells its owner. */
export function planSubmission(ctx: AppContext) {
  return submitHandler(ctx, {
    form: planForm,
    fallback: 'what',
    only: (values) => (values?.[planForm.ids.followUpId.block] ? [...PLAN_FIELDS, 'followUpId'] : [...PLAN_FIELDS]),
    read: (v) => ({ leaderUserId: v.leaderUserId, what: v.what, owner: v.owner, dueDate: v.dueDate, barrierId: v.barrierId, ...(v.followUpId ? { followUpId: v.followUpId } : {}) }),
    save: (actor, input, sourceKey) => ctx.services.plans.create(actor, input, sourceKey),
    after: async (rctx, actor, result: PlanResult) => {
      if (result.duplicate) return;
      const { action, followUp } = result;
      const what = esc(truncate(action.what, 300));
      const tr = translator(actor.locale);
      const dueFor = (reader: Actor, t: Translate) => (action.dueDate ? readerDates(rctx, reader).day(dateToDay(action.dueDate)) : t('plan.no_due'));
      await dm(rctx, actor.person.slackUserId, textMessage(tr('plan.created', { leader: userMention(followUp.leader.slackUserId), what, due: dueFor(actor, tr) })));
      if (action.ownerId !== actor.person.id) {
        const owner = rctx.services.people.toActor(action.ownerId === followUp.seniorId ? followUp.senior : followUp.leader);
        const trOwner = translator(owner.locale);
        await dm(rctx, owner.person.slackUserId, textMessage(trOwner('plan.created_notify_owner', { author: userMention(actor.person.slackUserId), what, due: dueFor(owner, trOwner) })));
      }
    },
  });
}
