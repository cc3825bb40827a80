import { NotAllowedError } from '../../../domain/errors';
import { todayIn } from '../../../time/clock';
import type { AppContext } from '../../context';
import { slackErrorCode } from '../../gateway';
import type { Invocation } from '../../invocation';
import { textMessage } from '../../blocks';
import type { Feature } from '../../feature';
import { hrOverviewCsv, hrOverviewMessage } from './views';

/** `/followup hr csv`: the same figures as a file. */
function asksForCsv(inv: Invocation): boolean {
  return inv.rest.trim().toLowerCase() === 'csv';
}

/**
 * `/followup hr [csv]`: the workspace's HR overview, for admins and HR partners only. Answered
 * privately (ephemeral, or a DM from App Home); the CSV goes to the asker's own DM with the app.
 */
export async function runHr(ctx: AppContext, inv: Invocation): Promise<void> {
  let overview;
  try {
    overview = await ctx.services.hr.overview(inv.actor);
  } catch (err) {
    if (err instanceof NotAllowedError) return inv.reply(textMessage(inv.tr('hr.not_allowed')));
    throw err;
  }
  if (!asksForCsv(inv)) return inv.reply(hrOverviewMessage(inv.tr, inv.actor.locale, overview));
  const day = todayIn(ctx.services.clock, inv.actor.zone);
  try {
    const opened = await ctx.web.conversations.open({ users: inv.actor.person.slackUserId });
    const channelId = opened.channel?.id;
    if (!channelId) throw new Error('conversations.open returned no channel');
    await ctx.web.filesUploadV2({
      channel_id: channelId,
      filename: `hr-overview-${day}.csv`,
      title: inv.tr('hr.csv_title', { date: day }),
      content: hrOverviewCsv(inv.tr, overview),
    });
  } catch (err) {
    ctx.logger.error({ err }, 'HR overview CSV delivery failed');
    return inv.reply(textMessage(inv.tr('hr.csv_failed', { reason: slackErrorCode(err) ?? 'network' })));
  }
  await inv.reply(textMessage(inv.tr('hr.csv_sent')));
}

/** The HR overview: counts and shares of follow-up for admins and HR partners, never content. */
export const hr = {
  name: 'hr',
  subcommands: { hr: runHr },
} satisfies Feature;
