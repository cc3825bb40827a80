import { modalView } from '../../form/modal';
import type { ModalView } from '@slack/types';
import type { CarryOverGoal } from '../../../domain/followups';
import type { Translate } from '../../../i18n';
import { button, channelMention, context, option, plain, section, truncate, userMention, Limits, type Message } from '../../blocks';
import { acceptForm } from './fields';

export const ConsentIds = {
  accept: 'consent_accept',
  decline: 'consent_decline',
  acceptView: 'consent_accept_view',
  end: 'followup_end',
  /** The leader's answer to a new team channel (value: `<follow-up id>|<channel id>`). */
  channelAccept: 'consent_channel_accept',
  channelKeep: 'consent_channel_keep',
} as const;

/** The DM that asks a leader to accept a follow-up (their language); it names the team channel. */
export function invitationMessage(tr: Translate, seniorUserId: string, followUpId: string, teamChannelId: string | null): Message {
  const senior = userMention(seniorUserId);
  return {
    text: tr('consent.invite_fallback', { senior }),
    blocks: [
      section(tr('consent.invite', { senior })),
      context(teamChannelId ? tr('consent.invite_channel', { channel: channelMention(teamChannelId) }) : tr('consent.invite_no_channel')),
      { type: 'actions', elements: [button(tr('consent.accept'), ConsentIds.accept, followUpId, 'primary'), button(tr('consent.decline'), ConsentIds.decline, followUpId)] },
    ],
  };
}

/** The DM that asks a leader to agree to a new team channel on their active follow-up. */
export function channelRequestMessage(tr: Translate, seniorUserId: string, followUpId: string, proposal: { from: string | null; to: string }): Message {
  const senior = userMention(seniorUserId);
  const to = channelMention(proposal.to);
  const value = `${followUpId}|${proposal.to}`;
  return {
    text: tr('channel.ask_fallback', { senior }),
    blocks: [
      section(proposal.from ? tr('channel.ask', { senior, newChannel: to, oldChannel: channelMention(proposal.from) }) : tr('channel.ask_first', { senior, newChannel: to })),
      { type: 'actions', elements: [button(tr('channel.accept'), ConsentIds.channelAccept, value, 'primary'), button(tr('channel.keep'), ConsentIds.channelKeep, value)] },
    ],
  };
}

/** The accept modal of a leader who has other follow-ups: the goals that carry over (none chosen at first). */
export function acceptModal(tr: Translate, followUpId: string, goals: CarryOverGoal[]): ModalView {
  return modalView(tr, {
    callbackId: ConsentIds.acceptView,
    title: 'consent.accept_title',
    submit: 'consent.accept',
    privateMetadata: followUpId,
    blocks: [
      context(tr('consent.accept_intro')),
      ...acceptForm.blocks(tr, { carryOver: { options: goals.slice(0, 10).map((g) => option(truncate(g.title, 75), g.id)) } }),
    ],
  });
}

/** The "End follow-up" button with its confirm dialog (App Home; value: the follow-up id). */
export function endButton(tr: Translate, followUpId: string, actionId: string = ConsentIds.end, label: 'end.button' | 'end.withdraw_button' = 'end.button') {
  return {
    ...button(tr(label), actionId, followUpId, 'danger'),
    confirm: {
      title: plain(tr('end.confirm_title'), Limits.modalTitle),
      text: plain(tr('end.confirm_text'), 300),
      confirm: plain(tr('end.confirm_yes'), Limits.buttonText),
      deny: plain(tr('common.cancel'), Limits.buttonText),
      style: 'danger' as const,
    },
  };
}
