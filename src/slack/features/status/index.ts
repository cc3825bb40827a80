import { NotAllowedError } from '../../../domain/errors';
import type { AppContext } from '../../context';
import type { Invocation } from '../../invocation';
import { textMessage, userMention } from '../../blocks';
import type { Feature } from '../types';
import { readerDates } from '../../dates';
import { statusMessage } from './views';

/** `/followup status [@leader]`: the senior leader of that leader, or the leader about themselves. */
export async function runStatus(ctx: AppContext, inv: Invocation): Promise<void> {
  const leader = inv.userIds[0] ?? null;
  try {
    const model = await ctx.services.status.forLeader(inv.actor, leader);
    await inv.reply(statusMessage(inv.tr, model, readerDates(ctx, inv.actor)));
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
