import type { InviteDelivery } from '../domain/calendar';
import type { Actor } from '../domain/people';
import { dateFormatter } from '../i18n/dates';
import { translator } from '../i18n';
import { userMention } from './blocks';
import { dateToDay, type IsoDay } from '../time/dates';
import type { AppContext } from './context';

/** The ledger key of one person's copy of one version of a calendar event: sent exactly once. */
export const icsDeliveryKey = (invite: Pick<InviteDelivery, 'uid' | 'sequence' | 'personId'>): string => `ics-${invite.uid}-${invite.sequence}-${invite.personId}`;

/**
 * Sends the `.ics` invitation of a follow-up's next evaluation to both people, each in their DM, in
 * their language and zone (the file) — after it was scheduled or moved (evaluation, setup), or its
 * cancellation. Each version (UID + SEQUENCE) reaches each person once: the Delivery ledger is
 * claimed under `ics-<uid>-<sequence>-<personId>` before the upload, so a retried submission or a
 * save that did not move the date sends nothing. A failure is logged and the claim given back (the
 * next change sends again); it never fails the request.
 */
export async function sendEvaluationInvites(
  ctx: AppContext,
  teamId: string,
  followUpId: string,
  /** `onlyPersonId`: send to that person alone (the other one left). */
  opts: { cancelled?: boolean; onlyPersonId?: string } = {},
): Promise<number> {
  let invites: InviteDelivery[];
  try {
    invites = await ctx.services.calendar.evaluationInvites(followUpId, { cancelled: opts.cancelled });
  } catch (err) {
    ctx.logger.warn({ err, followUpId }, 'calendar invitations could not be made');
    return 0;
  }
  const followUp = invites.length > 0 ? await ctx.services.repos.followUps.findById(followUpId) : null;
  const day = followUp?.nextEvaluationOn ? dateToDay(followUp.nextEvaluationOn) : null;
  let sent = 0;
  for (const invite of invites) {
    if (opts.onlyPersonId && invite.personId !== opts.onlyPersonId) continue;
    const other = invites.find((i) => i.personId !== invite.personId);
    if (await sendOne(ctx, teamId, invite, other?.slackUserId ?? null, day)) sent++;
  }
  return sent;
}

async function sendOne(ctx: AppContext, teamId: string, invite: InviteDelivery, otherUserId: string | null, day: IsoDay | null): Promise<boolean> {
  const { repos, clock } = ctx.services;
  const key = icsDeliveryKey(invite);
  const claim = await repos.deliveries.claim({ key, workspaceId: teamId, kind: 'ics', recipientId: invite.personId, channelId: null }, clock.now().toJSDate());
  if (!claim) return false; // this version already reached this person (or is being sent)
  try {
    const reader: Actor = await ctx.services.people.resolve(teamId, invite.slackUserId);
    const tr = translator(reader.locale);
    const opened = await ctx.web.conversations.open({ users: invite.slackUserId });
    const channel = (opened.channel as { id?: string } | undefined)?.id;
    if (!channel) throw new Error('conversations.open returned no channel');
    const other = otherUserId ? userMention(otherUserId) : '';
    const when = day ? dateFormatter({ locale: reader.locale, zone: reader.zone, now: clock.now() }).day(day) : '';
    const comment = invite.cancelled || !day ? tr('calendar.dm_cancel', { other }) : tr('calendar.dm_invite', { other, day: when });
    const res = await ctx.web.filesUploadV2({
      channel_id: channel,
      file: Buffer.from(invite.ics, 'utf8'),
      filename: invite.filename,
      title: invite.filename,
      initial_comment: comment,
    });
    const fileId = (res as { files?: { files?: { id?: string }[] }[] }).files?.[0]?.files?.[0]?.id ?? 'uploaded';
    await repos.deliveries.markSent(key, channel, fileId, clock.now().toJSDate());
    return true;
  } catch (err) {
    ctx.logger.warn({ err, key }, 'the calendar invitation could not be sent');
    await repos.deliveries.release(key, claim.attempts).catch(() => undefined);
    return false;
  }
}

/**
 * A follow-up ended because a person left: the other person gets the cancellation of the planned
 * evaluation (same UID, next SEQUENCE, METHOD:CANCEL), so it disappears from their calendar.
 */
export async function cancelEvaluationInvites(ctx: AppContext, teamId: string, ended: { followUpId: string; otherPersonId: string }[]): Promise<void> {
  for (const e of ended) await sendEvaluationInvites(ctx, teamId, e.followUpId, { cancelled: true, onlyPersonId: e.otherPersonId });
}
