import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { MAX_AGREED_ACTIONS } from '../../../domain/conversations';
import type { BankQuestion } from '../../../domain/questions';
import type { Translate } from '../../../i18n';
import type { IsoDay } from '../../../time/dates';
import { context, option, plain, section, userMention, Limits } from '../../blocks';
import { numbers } from '../../form/fields';
import { modalView } from '../../form/modal';
import { ConversationIds, conversationForm } from './fields';

/** A checkbox option for a long text: the first 75 characters as text, the next ones as description. */
export function longOption(text: string, value: string): PlainTextOption {
  const chars = Array.from(text);
  if (chars.length <= Limits.optionText) return option(text, value);
  let cut = chars.slice(0, Limits.optionText).join('').lastIndexOf(' ');
  if (cut < 40) cut = Limits.optionText;
  const head = chars.slice(0, cut).join('').trim();
  const rest = chars.slice(cut).join('').trim();
  return { ...option(head, value), description: plain(rest, Limits.optionText) };
}

export interface ConversationViewModel {
  followUpId: string;
  seniorUserId: string;
  leaderUserId: string;
  today: IsoDay;
  questions: BankQuestion[];
  preselected: string[];
  openActions: { id: string; what: string }[];
}

/** Step 2: log a one-to-one — date, agenda (bank questions, open actions), notes, up to three agreed actions. */
export function conversationModal(tr: Translate, vm: ConversationViewModel): ModalView {
  const f = conversationForm;
  const blocks: KnownBlock[] = [
    section(tr('conversation.intro', { senior: userMention(vm.seniorUserId), leader: userMention(vm.leaderUserId) })),
    f.block('heldOn', tr, { initial: vm.today }),
    f.block('questions', tr, {
      options: vm.questions.map((q) => longOption(q.text, q.key)),
      initial: vm.preselected,
      hint: vm.preselected.length > 0 ? tr('conversation.agenda_picked_hint') : undefined,
    }),
  ];
  if (vm.openActions.length > 0) blocks.push(f.block('openActions', tr, { options: vm.openActions.map((a) => longOption(a.what, a.id)) }));
  blocks.push(f.block('notes', tr));
  blocks.push(context(tr('conversation.actions_intro', { leader: userMention(vm.leaderUserId) })));
  blocks.push(...f.blocks(tr, {}, numbers(MAX_AGREED_ACTIONS).flatMap((n) => [`action${n}`, `actionDue${n}`] as const)));
  return modalView(tr, { callbackId: ConversationIds.view, title: 'conversation.title', blocks, privateMetadata: { followUpId: vm.followUpId } });
}

export function conversationSavedText(tr: Translate, vars: { other: string; date: string; actions: number }): string {
  return vars.actions > 0 ? tr('conversation.saved_with_actions', vars) : tr('conversation.saved', vars);
}
