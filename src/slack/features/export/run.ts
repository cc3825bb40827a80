import { todayIn } from '../../../time/clock';
import { translator } from '../../../i18n';
import type { AppContext } from '../../context';
import { slackErrorCode } from '../../gateway';
import type { Invocation } from '../../invocation';
import { textMessage, userMention } from '../../blocks';
import { exportSentToOther } from './views';

/**
 * `/followup export [@person]`: a person's data as a JSON file, delivered only to that person
 * (in their DM with the app). Anyone may export their own; admins may export anyone's.
 */
export async function runExport(ctx: AppContext, inv: Invocation): Promise<void> {
  const targetUserId = inv.userIds[0] ?? inv.actor.person.slackUserId;
  const { subject, data } = await ctx.services.exports.exportFor(inv.actor, targetUserId);
  const trSubject = translator(subject.locale);
  const day = todayIn(ctx.services.clock, subject.zone);
  try {
    const opened = await ctx.web.conversations.open({ users: subject.person.slackUserId });
    const channelId = opened.channel?.id;
    if (!channelId) throw new Error('conversations.open returned no channel');
    await ctx.web.filesUploadV2({
      channel_id: channelId,
      filename: `followup-${subject.person.slackUserId}-${day}.json`,
      title: trSubject('export.file_title'),
      content: JSON.stringify(data, null, 2),
      initial_comment: trSubject('export.file_comment', { requester: userMention(inv.actor.person.slackUserId) }),
    });
  } catch (err) {
    ctx.logger.error({ err, subject: subject.person.slackUserId }, 'export delivery failed');
    const reason = slackErrorCode(err) ?? 'network';
    await inv.reply(textMessage(inv.tr('export.failed_delivery', { person: userMention(subject.person.slackUserId), reason })));
    return;
  }
  if (subject.person.id === inv.actor.person.id) await inv.reply(textMessage(inv.tr('export.sent_self')));
  else await inv.reply(exportSentToOther(inv.tr, subject.person.slackUserId));
}

/** The admin's "erase" button (after a confirm dialog). */
export async function runErase(ctx: AppContext, inv: Invocation, targetUserId: string): Promise<void> {
  await ctx.services.exports.erase(inv.actor, targetUserId);
  await inv.reply(textMessage(inv.tr('export.erased', { person: userMention(targetUserId) })));
}
