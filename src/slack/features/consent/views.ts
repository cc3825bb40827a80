import { modalView } from '../../form/modal';
import type { ModalView } from '@slack/types';
import type { CarryOverGoal } from '../../../domain/followups';
import type { Translate } from '../../../i18n';
import { button, context, option, plain, section, truncate, userMention, Limits, type Message } from '../../blocks';
import { acceptForm } from './fields';

export const ConsentIds = {
  accept: 'consent_accept',
  decline: 'consent_decline',
  acceptView: 'consent_accept_view',
  end: 'followup_end',
} as const;

/** The DM that asks a leader to accept a follow-up (their language). */
export function invitationMessage(tr: Translate, seniorUserId: string, followUpId: string): Message {
  const senior = userMention(seniorUserId);
  return {
    text: tr('consent.invite_fallback', { senior }),
    blocks: [
      section(tr('consent.invite', { senior })),
      { type: 'actions', elements: [button(tr('consent.accept'), ConsentIds.accept, followUpId, 'primary'), button(tr('consent.decline'), ConsentIds.decline, followUpId)] },
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
