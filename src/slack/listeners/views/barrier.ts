import type { BarrierInput, SavedBarrier } from '../../../domain/barriers';
import { translator } from '../../../i18n';
import type { AppContext } from '../../context';
import { barrierBlocks, readBarrierForm } from '../../forms/barrier';
import { BarrierIds } from '../../ids';
import { dm, refreshHomes } from '../../notify';
import { esc, truncate, userMention } from '../../blocks';
import { textMessage } from '../../blocks';
import { legacySubmitHandler } from '../../form/submit';

export function barrierSubmission(ctx: AppContext) {
  return legacySubmitHandler<BarrierInput, SavedBarrier>(ctx, {
    read: readBarrierForm,
    blocks: barrierBlocks,
    fallbackBlock: BarrierIds.descriptionBlock,
    save: (actor, input, sourceKey) => ctx.services.barriers.create(actor, input, sourceKey),
    after: async (actor, saved) => {
      if (saved.duplicate) return;
      const { people } = ctx.services;
      const [leader, senior] = await Promise.all([
        people.resolve(actor.teamId, saved.followUp.leader.slackUserId),
        people.resolve(actor.teamId, saved.followUp.senior.slackUserId),
      ]);
      const description = esc(truncate(saved.barrier.description, 300));
      const tr = translator(actor.locale);
      await dm(ctx, actor.person.slackUserId, textMessage(tr('barrier.created', { kind: tr(`barrier.kind.${saved.barrier.kind}`), description })));
      const other = actor.person.id === senior.person.id ? leader : senior;
      const trOther = translator(other.locale);
      await dm(
        ctx,
        other.person.slackUserId,
        textMessage(trOther('barrier.created_notify', { author: userMention(actor.person.slackUserId), kind: trOther(`barrier.kind.${saved.barrier.kind}`), description })),
      );
      await refreshHomes(ctx, [senior, leader]);
    },
  });
}
