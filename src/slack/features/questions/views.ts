import type { KnownBlock, ModalView } from '@slack/types';
import type { BankQuestion } from '../../../domain/questions';
import type { Translate } from '../../../i18n';
import { button, context, esc, header, section, truncate, type Message } from '../../blocks';
import { modalView } from '../../form/modal';
import { indexedAction } from '../../ids';
import { QuestionIds, questionForm } from './fields';

const MAX_OWN_SHOWN = 20;

/** The bank in the reader's language, each question with "Add to next one-to-one". */
export function questionsMessage(tr: Translate, bank: BankQuestion[], isAdmin: boolean): Message {
  let n = 0;
  const row = (q: BankQuestion): KnownBlock => ({
    type: 'section',
    text: { type: 'mrkdwn', text: esc(truncate(q.text, 300)) },
    accessory: button(tr('questions.add_to_next'), indexedAction(QuestionIds.addToNextButton, ++n), q.key),
  });
  const guide = bank.filter((q) => q.source === 'guide');
  const steps = bank.filter((q) => q.source === 'step');
  const own = bank.filter((q) => q.source === 'workspace');
  const blocks: KnownBlock[] = [header(tr('questions.title')), context(tr('questions.intro')), section(`*${tr('questions.guide_heading')}*`), ...guide.map(row)];
  blocks.push(section(`*${tr('questions.steps_heading')}*`));
  for (const q of steps) {
    const r = row(q) as { text: { text: string } };
    r.text.text = `_${tr(`questions.step.${q.step as 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8}`)}_\n${r.text.text}`;
    blocks.push(r as KnownBlock);
  }
  if (own.length > 0) {
    blocks.push(section(`*${tr('questions.own_heading')}*`));
    blocks.push(...own.slice(0, MAX_OWN_SHOWN).map(row));
    if (own.length > MAX_OWN_SHOWN) blocks.push(context(tr('questions.more', { count: own.length - MAX_OWN_SHOWN })));
  }
  if (isAdmin) blocks.push({ type: 'actions', elements: [button(tr('questions.add_button'), QuestionIds.addButton)] });
  return { text: tr('questions.title'), blocks };
}

/** Admins: add a question to the workspace's bank. */
export function addQuestionModal(tr: Translate): ModalView {
  return modalView(tr, { callbackId: QuestionIds.view, title: 'questions.add_title', blocks: questionForm.blocks(tr) });
}
