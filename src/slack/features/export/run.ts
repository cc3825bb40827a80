import { todayIn } from '../../../time/clock';
import type { Erasure } from '../../../domain/export';
import { translator } from '../../../i18n';
import type { AppContext } from '../../context';
import { slackErrorCode } from '../../gateway';
import type { Invocation } from '../../invocation';
import { textMessage, userMention } from '../../blocks';
import { auditLogMessage, exportSentToOther } from './views';

/** `/followup export audit` (bokmål `oversikt`): the workspace's audit log of exports and erasures (admins). */
function asksForAudit(inv: Invocation): boolean {
  const word = inv.rest.trim().toLowerCase().split(/\s+/)[0];
  return word === 'audit' || word === 'oversikt';
}

/** The page asked for after the word (`audit 3`); 1 when none (the domain keeps it within the pages there are). */
function auditPage(inv: Invocation): number {
  const n = Number(inv.rest.trim().split(/\s+/)[1] ?? '1');
  return Number.isSafeInteger(n) && n >= 1 ? n : 1;
}

/**
 * `/followup export [@person]`: a person's data as a JSON file, delivered only to that person
 * (in their DM with the app). Anyone may export their own; admins may export anyone's.
 */
export async function runExport(ctx: AppContext, inv: Invocation): Promise<void> {
  if (asksForAudit(inv) && inv.userIds.length === 0) {
    const lines = await ctx.services.exports.auditLog(inv.actor, auditPage(inv));
    await inv.reply(auditLogMessage(inv.tr, { locale: inv.actor.locale, zone: inv.actor.zone, now: ctx.services.clock.now() }, lines));
    return;
  }
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

/**
 * The admin's "erase" button (after a confirm dialog): erases the person, then deletes the
 * messages the app posted with their content. Returns the erasure (its events end reminders).
 */
export async function runErase(ctx: AppContext, inv: Invocation, targetUserId: string): Promise<Erasure> {
  const erasure = await ctx.services.exports.erase(inv.actor, targetUserId);
  let deleted = 0;
  for (const m of erasure.messages) {
    try {
      await ctx.web.chat.delete({ channel: m.channelId, ts: m.ts });
      deleted++;
    } catch (err) {
      // Gone already (message_not_found), or the channel is closed to the app: nothing more to do.
      ctx.logger.warn({ err, kind: m.kind, channel: m.channelId }, 'erasure: a message could not be deleted');
    }
  }
  await inv.reply(
    textMessage(inv.tr('export.erased', { person: userMention(targetUserId), followUps: erasure.endedFollowUps, messages: deleted })),
  );
  return erasure;
}
