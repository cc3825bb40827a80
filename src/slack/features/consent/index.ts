import { sendEvaluationInvites } from '../../calendarInvites';
import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { AnswerResult, ChannelAnswer, EndResult } from '../../../domain/followups';
import type { Actor } from '../../../domain/people';
import { translator } from '../../../i18n';
import type { AppContext } from '../../context';
import { channelMention, textMessage, userMention } from '../../blocks';
import { RECORD_ID } from '../../../domain/vocabulary';
import { NotFoundError } from '../../../domain/errors';
import { submitHandler } from '../../form/submit';
import { fromAction, type Invocation } from '../../invocation';
import { dm } from '../../notify';
import { refreshHomes } from '../home/publish';
import type { Feature } from '../../feature';
import { acceptForm } from './fields';
import { acceptModal, ConsentIds } from './views';

async function actorOf(rctx: AppContext, teamId: string, slackUserId: string): Promise<Actor> {
  return rctx.services.people.resolve(teamId, slackUserId, { refresh: 'never' });
}

/** Tells both people what answering the invitation did (each once, in their own language). */
async function afterAnswer(rctx: AppContext, leader: Actor, result: AnswerResult): Promise<void> {
  const tr = translator(leader.locale);
  const o = result.outcome;
  if (o.status === 'gone') {
    await dm(rctx, leader.person.slackUserId, textMessage(tr('consent.gone')));
    return;
  }
  const senior = await actorOf(rctx, leader.teamId, o.followUp.senior.slackUserId);
  const trSenior = translator(senior.locale);
  const seniorMention = userMention(senior.person.slackUserId);
  const leaderMention = userMention(leader.person.slackUserId);
  if (o.status === 'accepted') {
    const moved = o.movedGoals > 0 ? ` ${tr('consent.accepted_moved', { n: o.movedGoals })}` : '';
    await dm(rctx, leader.person.slackUserId, textMessage(tr('consent.accepted_leader', { senior: seniorMention }) + moved));
    await dm(rctx, senior.person.slackUserId, textMessage(trSenior('consent.accepted_senior', { leader: leaderMention })));
    // The follow-up starts now: both get the calendar invitation of its first evaluation (once).
    await sendEvaluationInvites(rctx, leader.teamId, o.followUp.id);
  } else {
    await dm(rctx, leader.person.slackUserId, textMessage(tr('consent.declined_leader', { senior: seniorMention })));
    await dm(rctx, senior.person.slackUserId, textMessage(trSenior('consent.declined_senior', { leader: leaderMention })));
  }
  await refreshHomes(rctx, [leader, senior]);
}

/** The leader answered a channel change: both are told (each in their language); an old button says it is gone. */
async function afterChannelAnswer(rctx: AppContext, leader: Actor, answer: ChannelAnswer): Promise<void> {
  const tr = translator(leader.locale);
  if (answer.status === 'gone') return dm(rctx, leader.person.slackUserId, textMessage(tr('channel.gone')));
  const senior = await actorOf(rctx, leader.teamId, answer.followUp.senior.slackUserId);
  const trSenior = translator(senior.locale);
  const channel = channelMention(answer.channelId);
  const leaderMention = userMention(leader.person.slackUserId);
  if (answer.status === 'accepted') {
    await dm(rctx, leader.person.slackUserId, textMessage(tr('channel.accepted_leader', { channel })));
    await dm(rctx, senior.person.slackUserId, textMessage(trSenior('channel.accepted_senior', { leader: leaderMention, channel })));
  } else {
    await dm(rctx, leader.person.slackUserId, textMessage(tr('channel.kept_leader')));
    await dm(rctx, senior.person.slackUserId, textMessage(trSenior('channel.kept_senior', { leader: leaderMention, channel })));
  }
}

/** `<follow-up id>|<channel id>` from a channel-request button; anything else is "not found". */
function channelRequest(value: string | undefined): { followUpId: string; channelId: string } {
  const [followUpId, channelId] = (value ?? '').split('|');
  if (!followUpId || !RECORD_ID.test(followUpId) || !channelId || !/^[CG][A-Z0-9]{2,40}$/.test(channelId)) throw new NotFoundError('channel request');
  return { followUpId, channelId };
}

/** Ends a follow-up (or withdraws an invitation) and tells the other person once. */
async function endFollowUp(rctx: AppContext, inv: Invocation, followUpId: string): Promise<EndResult | null> {
  const result = await rctx.services.followUps.end(inv.actor, followUpId);
  const otherMention = userMention(result.other.slackUserId);
  if (result.status === 'already') {
    await inv.reply(textMessage(inv.tr('end.already')));
    return result;
  }
  const withdrawn = result.followUp.status === 'PENDING';
  await dm(rctx, inv.actor.person.slackUserId, textMessage(inv.tr(withdrawn ? 'end.withdrawn' : 'end.done', { person: otherMention })));
  const other = await actorOf(rctx, inv.actor.teamId, result.other.slackUserId);
  if (!withdrawn) await dm(rctx, other.person.slackUserId, textMessage(translator(other.locale)('end.told', { person: userMention(inv.actor.person.slackUserId) })));
  await refreshHomes(rctx, [inv.actor, other]);
  // An ended follow-up's next evaluation is off: both get the cancellation (an invitation was never sent while pending).
  if (!withdrawn) await sendEvaluationInvites(rctx, inv.actor.teamId, result.followUp.id, { cancelled: true });
  return result;
}

/** `/followup end @person` (bokmål `avslutt`). */
async function endCommand(ctx: AppContext, inv: Invocation): Promise<unknown> {
  const otherUserId = inv.userIds[0];
  if (!otherUserId) return inv.reply(textMessage(inv.tr('end.usage')));
  const followUp = await ctx.services.followUps.findWith(inv.actor, otherUserId);
  if (!followUp) return inv.reply(textMessage(inv.tr('end.none', { person: userMention(otherUserId) })));
  return endFollowUp(ctx, inv, followUp.id);
}

/** Consent and the end of a follow-up: the invitation's Accept / Decline, the accept modal, End. */
export const consent = {
  name: 'consent',
  subcommands: { end: (ctx, inv) => endCommand(ctx, inv) },
  register(app, ctx) {
    app.action<BlockAction<ButtonAction>>(
      ConsentIds.accept,
      fromAction<ButtonAction>(ctx, async (inv, action, rctx) => {
        const { followUp, carryOver } = await rctx.services.followUps.invitation(inv.actor, action.value ?? '');
        if (!followUp) return dm(rctx, inv.actor.person.slackUserId, textMessage(inv.tr('consent.gone')));
        // A leader with other follow-ups (a reorganisation) chooses which goals carry over.
        if (carryOver.length > 0) return rctx.web.views.open({ trigger_id: inv.triggerId, view: acceptModal(inv.tr, followUp.id, carryOver) });
        const result = await rctx.services.followUps.accept(inv.actor, followUp.id);
        await afterAnswer(rctx, inv.actor, result);
        return result;
      }),
    );
    app.action<BlockAction<ButtonAction>>(
      ConsentIds.decline,
      fromAction<ButtonAction>(ctx, async (inv, action, rctx) => {
        const result = await rctx.services.followUps.decline(inv.actor, action.value ?? '');
        await afterAnswer(rctx, inv.actor, result);
        return result;
      }),
    );
    app.view(
      ConsentIds.acceptView,
      submitHandler(ctx, {
        form: acceptForm,
        fallback: 'carryOver',
        read: (v, meta) => (meta ? { followUpId: meta, goalIds: v.carryOver ?? [] } : null),
        save: (actor, input) => ctx.services.followUps.accept(actor, input.followUpId, input.goalIds),
        after: (rctx, actor, result) => afterAnswer(rctx, actor, result),
      }),
    );
    for (const [actionId, accept] of [[ConsentIds.channelAccept, true], [ConsentIds.channelKeep, false]] as const) {
      app.action<BlockAction<ButtonAction>>(
        actionId,
        fromAction<ButtonAction>(ctx, async (inv, action, rctx) => {
          const { followUpId, channelId } = channelRequest(action.value);
          const answer = await rctx.services.followUps.answerChannel(inv.actor, followUpId, channelId, accept);
          await afterChannelAnswer(rctx, inv.actor, answer);
        }),
      );
    }
    app.action<BlockAction<ButtonAction>>(new RegExp(`^${ConsentIds.end}(_\\d+)?$`), fromAction<ButtonAction>(ctx, (inv, action, rctx) => endFollowUp(rctx, inv, action.value ?? '')));
  },
} satisfies Feature;
