import { NotAllowedError } from '../../../domain/errors';
import type { AppContext } from '../../context';
import type { Invocation } from '../../invocation';
import { textMessage, userMention } from '../../blocks';
import type { Feature } from '../../feature';
import { readerDates } from '../../dates';
import { statusMessage, withCharts } from './views';
import { chartBlocks, uploadCharts } from '../../charts';

/** `/followup status [@leader]`: the senior leader of that leader, or the leader about themselves. */
export async function runStatus(ctx: AppContext, inv: Invocation): Promise<void> {
  const leader = inv.userIds[0] ?? null;
  try {
    const model = await ctx.services.status.forLeader(inv.actor, leader);
    const message = statusMessage(inv.tr, model, readerDates(ctx, inv.actor));
    // The charts of the goals the asker may see, in this asker-only reply (never anywhere shared).
    const specs = await ctx.services.charts.statusCharts(inv.actor, leader).catch((err: unknown) => {
      ctx.logger.warn({ err }, 'status charts could not be read; the status goes without them');
      return [];
    });
    const images = await uploadCharts(ctx, ctx.web, inv.actor.teamId, specs);
    await inv.reply(withCharts(message, chartBlocks(images)));
  } catch (err) {
    if (err instanceof NotAllowedError && leader) return inv.reply(textMessage(inv.tr('status.error_not_allowed', { leader: userMention(leader) })));
    throw err;
  }
}

/** A private overview of one leader's (or all one's leaders') goals, barriers and overdue actions. */
export const status = {
  name: 'status',
  subcommands: { status: runStatus },
} satisfies Feature;
