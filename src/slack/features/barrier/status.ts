import type { OverflowAction } from '@slack/bolt';
import { NotFoundError } from '../../../domain/errors';
import { BARRIER_STATUSES, type BarrierStatus } from '../../../domain/vocabulary';
import type { AppContext } from '../../context';
import { fromAction } from '../../invocation';
import { refreshHomes } from '../home/publish';
import { esc, textMessage, truncate } from '../../blocks';
import { BarrierLinkIds, openBarrierLinks } from './links';

/** The overflow menu of a listed barrier (App Home, status): option value `<STATUS>|<barrier id>`. */
export const barrierStatusMenu = (ctx: AppContext) =>
  fromAction<OverflowAction>(ctx, async (inv, action, rctx) => {
    const [status, barrierId] = (action.selected_option?.value ?? '').split('|');
    if (status === BarrierLinkIds.menuValue && barrierId) return openBarrierLinks(rctx, inv, barrierId);
    if (!(BARRIER_STATUSES as readonly string[]).includes(status) || !barrierId) throw new NotFoundError('barrier');
    const saved = await rctx.services.barriers.setStatus(inv.actor, barrierId, status as BarrierStatus);
    await inv.reply(
      textMessage(inv.tr('barrier.status_changed', { description: esc(truncate(saved.barrier.description, 200)), status: inv.tr(`barrier.status.${saved.barrier.status}`) })),
    );
    if (!saved.duplicate) {
      const { people } = rctx.services;
      await refreshHomes(rctx, await Promise.all([people.resolve(inv.actor.teamId, saved.followUp.senior.slackUserId), people.resolve(inv.actor.teamId, saved.followUp.leader.slackUserId)]));
    }
  });
