import type { SavedBarrier } from '../../../domain/barriers';
import { translator } from '../../../i18n';
import type { AppContext } from '../../context';
import { submitHandler } from '../../form/submit';
import { dm } from '../../notify';
import { refreshHomes } from '../home/publish';
import { esc, textMessage, truncate, userMention } from '../../blocks';
import { BARRIER_FIELDS, barrierForm } from './fields';

/** The barrier modal: saves it; tells both people; refreshes both Homes. */
export function barrierSubmission(ctx: AppContext) {
  return submitHandler(ctx, {
    form: barrierForm,
    fallback: 'description',
    // The follow-up chooser is there only for a leader with several follow-ups.
    only: (values) => (values?.[barrierForm.ids.followUpId.block] ? [...BARRIER_FIELDS, 'followUpId'] : [...BARRIER_FIELDS]),
    read: (v, _meta) => ({ leaderUserId: v.leaderUserId, kind: v.kind, description: v.description, status: v.status, ...(v.followUpId ? { followUpId: v.followUpId } : {}) }),
    save: (actor, input, sourceKey) => ctx.services.barriers.create(actor, input, sourceKey),
    after: async (rctx, actor, saved: SavedBarrier) => {
      if (saved.duplicate) return;
      const { people } = rctx.services;
      const [leader, senior] = await Promise.all([
        people.resolve(actor.teamId, saved.followUp.leader.slackUserId),
        people.resolve(actor.teamId, saved.followUp.senior.slackUserId),
      ]);
      const description = esc(truncate(saved.barrier.description, 300));
      const tr = translator(actor.locale);
      await dm(rctx, actor.person.slackUserId, textMessage(tr('barrier.created', { kind: tr(`barrier.kind.${saved.barrier.kind}`), description })));
      const other = actor.person.id === senior.person.id ? leader : senior;
      const trOther = translator(other.locale);
      await dm(
        rctx,
        other.person.slackUserId,
        textMessage(trOther('barrier.created_notify', { author: userMention(actor.person.slackUserId), kind: trOther(`barrier.kind.${saved.barrier.kind}`), description })),
      );
      await refreshHomes(rctx, [senior, leader]);
    },
  });
}
