import type { OverflowAction } from '@slack/bolt';
import type { BarrierStatus } from '../../../data/prisma';
import { BARRIER_STATUSES } from '../../../domain/barriers';
import { NotFoundError } from '../../../domain/errors';
import { translator } from '../../../i18n';
import type { AppContext } from '../../context';
import { refreshHomes } from '../../notify';
import { esc, truncate } from '../../blocks';
import { textMessage } from '../../blocks';
import { fromAction } from '../../invocation';

/** The overflow menu of a listed barrier (App Home, status): option value `<STATUS>|<barrier id>`. */
export const barrierStatusMenu = (ctx: AppContext) =>
  fromAction<OverflowAction>(ctx, async (inv, action) => {
    const [status, barrierId] = (action.selected_option?.value ?? '').split('|');
    if (!(BARRIER_STATUSES as readonly string[]).includes(status) || !barrierId) throw new NotFoundError('barrier');
    const saved = await ctx.services.barriers.setStatus(inv.actor, barrierId, status as BarrierStatus);
    const tr = translator(inv.actor.locale);
    await inv.reply(
      textMessage(tr('barrier.status_changed', { description: esc(truncate(saved.barrier.description, 200)), status: tr(`barrier.status.${saved.barrier.status}`) })),
    );
    if (!saved.duplicate) {
      const { people } = ctx.services;
      await refreshHomes(ctx, await Promise.all([people.resolve(inv.actor.teamId, saved.followUp.senior.slackUserId), people.resolve(inv.actor.teamId, saved.followUp.leader.slackUserId)]));
    }
  });
