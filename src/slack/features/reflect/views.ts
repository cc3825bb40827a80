import type { KnownBlock, ModalView } from '@slack/types';
import type { BankQuestion } from '../../../domain/questions';
import type { Translate } from '../../../i18n';
import { context, esc, section, truncate, userMention, type Message } from '../../blocks';
import { modalView } from '../../form/modal';
import { ReflectIds, answerFields, reflectForm } from './fields';

/** Step 3: a reflection — the rotating prompts, each with its answer, and "share with my senior leader". */
export function reflectModal(tr: Translate, vm: { followUpId: string; seniorUserId: string; prompts: BankQuestion[] }): ModalView {
  const f = reflectForm;
  const answers = answerFields(vm.prompts.length);
  const blocks: KnownBlock[] = [context(tr('reflect.intro')), ...answers.map((name, i) => f.block(name, tr, { label: vm.prompts[i].text })), f.block('share', tr)];
  return modalView(tr, { callbackId: ReflectIds.view, title: 'reflect.title', blocks, privateMetadata: { followUpId: vm.followUpId, keys: vm.prompts.slice(0, answers.length).map((p) => p.key) } });
}

/** To the senior leader when the leader shared a reflection: the prompts and answers. */
export function sharedReflectionMessage(tr: Translate, leaderUserId: string, items: { prompt: string; answer: string }[]): Message {
  const text = tr('reflect.shared_notice', { leader: userMention(leaderUserId) });
  const blocks: KnownBlock[] = [section(text)];
  for (const item of items) {
    blocks.push(context(esc(truncate(item.prompt, 500))));
    blocks.push(section(item.answer ? esc(item.answer) : `_${tr('reflect.no_answer')}_`));
  }
  return { text, blocks };
}
