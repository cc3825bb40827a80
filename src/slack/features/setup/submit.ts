import type { SetupResult } from '../../../domain/followups';
import { translator } from '../../../i18n';
import type { AppContext } from '../../context';
import { channelMention, textMessage, userMention } from '../../blocks';
import { submitHandler } from '../../form/submit';
import { dm } from '../../notify';
import { refreshHomes } from '../home/publish';
import { sendEvaluationInvites } from '../../calendarInvites';
import { setupForm } from './fields';
import { channelRequestMessage, invitationMessage } from '../consent/views';

/** The follow-up modal: saves it (its reminders are re-planned), welcomes a new leader, refreshes both Homes. */
export function setupSubmission(ctx: AppContext) {
  return submitHandler(ctx, {
    form: setupForm,
    fallback: 'leaderUserId',
    read: (v) => ({
      leaderUserId: v.leaderUserId,
      teamChannelId: v.teamChannelId,
      oneToOneCadence: v.oneToOneCadence,
      evaluationEveryWeeks: Number(v.evaluationEveryWeeks),
      reflectionCadence: v.reflectionCadence,
      startDate: v.startDate,
      // "default": the workspace's language; absent (a modal from before the field): unchanged.
      teamLocale: v.teamLocale === null ? undefined : v.teamLocale === 'default' ? null : v.teamLocale,
    }),
    save: (actor, input) => ctx.services.followUps.setup(actor, input),
    after: async (rctx, actor, result: SetupResult) => {
      const tr = translator(actor.locale);
      const leader = userMention(result.leader.person.slackUserId);
      const trLeader = translator(result.leader.locale);
      if (result.invited) {
        // Consent first: the leader is asked (their language); nothing is shared until they accept.
        await dm(rctx, actor.person.slackUserId, textMessage(tr('consent.sent', { leader })));
        await dm(rctx, result.leader.person.slackUserId, invitationMessage(trLeader, actor.person.slackUserId, result.followUp.id, result.followUp.teamChannelId));
        await refreshHomes(rctx, [actor, result.leader]);
        return;
      }
      await dm(rctx, actor.person.slackUserId, textMessage(tr(result.created ? 'setup.created' : 'setup.updated', { leader })));
      // A pending follow-up (an invitation edited before the leader answered) sends the leader nothing
      // but the invitation: no welcome and no calendar file before they accepted.
      if (result.followUp.status !== 'ACTIVE') {
        await refreshHomes(rctx, [actor]);
        return;
      }
      if (result.created) {
        await dm(rctx, result.leader.person.slackUserId, textMessage(trLeader('setup.welcome_leader', { senior: userMention(actor.person.slackUserId) })));
      }
      // A new team channel on an active follow-up is the leader's to agree; the old one stays until then.
      const proposal = result.channelProposal;
      if (proposal) {
        const to = channelMention(proposal.to);
        await dm(rctx, actor.person.slackUserId, textMessage(proposal.from ? tr('channel.asked_senior', { leader, newChannel: to, oldChannel: channelMention(proposal.from) }) : tr('channel.asked_senior_first', { leader, newChannel: to })));
        await dm(rctx, result.leader.person.slackUserId, channelRequestMessage(trLeader, actor.person.slackUserId, result.followUp.id, proposal));
      }
      await refreshHomes(rctx, [actor, result.leader]);
      // The evaluation was scheduled (or moved): both get the calendar invitation (once per version).
      await sendEvaluationInvites(rctx, actor.teamId, result.followUp.id);
    },
  });
}
