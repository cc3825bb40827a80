import { PROMPTS_PER_REFLECTION, reflectionRuleErrors, type ReflectionPrompt, type WrittenReflection } from '../../../domain/reflections';
import { QUESTION_KEY } from '../../../domain/questions';
import { translator } from '../../../i18n';
import { textMessage, userMention } from '../../blocks';
import type { AppContext } from '../../context';
import { idIn, parseMetadata } from '../../form/metadata';
import { submitHandler } from '../../form/submit';
import { dm } from '../../notify';
import { answerFields, reflectForm } from './fields';
import { sharedReflectionMessage } from './views';

/** The prompts the modal showed (private_metadata, which may be forged): their keys, or none. */
function promptKeysIn(privateMetadata: string): string[] {
  const keys = parseMetadata(privateMetadata)?.keys;
  if (!Array.isArray(keys)) return [];
  const valid = keys.filter((k): k is string => typeof k === 'string' && QUESTION_KEY.test(k));
  return valid.length >= 1 && valid.length <= PROMPTS_PER_REFLECTION ? valid : [];
}

/** The reflection modal: saves it (private unless shared); the leader is told, the senior leader gets it when shared. */
export function reflectSubmission(ctx: AppContext) {
  return submitHandler(ctx, {
    form: reflectForm,
    fallback: 'answer1',
    only: (_values, privateMetadata) => [...answerFields(promptKeysIn(privateMetadata).length), 'share'],
    check: (v, fail, privateMetadata) => {
      const keys = promptKeysIn(privateMetadata);
      const errors = reflectionRuleErrors({ promptKeys: keys, answers: answerFields(keys.length).map((name) => v[name]) });
      if (errors.answer1?.key === 'reflect.error_no_answer') fail('answer1', errors.answer1);
    },
    read: (v, privateMetadata) => {
      const followUpId = idIn(parseMetadata(privateMetadata), 'followUpId');
      const promptKeys = promptKeysIn(privateMetadata);
      if (!followUpId || promptKeys.length === 0) return null;
      return { followUpId, promptKeys, answers: answerFields(promptKeys.length).map((name) => v[name]), share: (v.share ?? []).includes('share') };
    },
    save: (actor, input, sourceKey) => ctx.services.reflections.write(actor, input, sourceKey),
    after: async (rctx, actor, r: WrittenReflection) => {
      if (r.duplicate) return;
      const tr = translator(actor.locale);
      const senior = rctx.services.people.toActor(r.followUp.senior);
      const shared = r.reflection.sharedWithSenior;
      await dm(rctx, actor.person.slackUserId, textMessage(shared ? tr('reflect.saved_shared', { senior: userMention(senior.person.slackUserId) }) : tr('reflect.saved_private')));
      if (shared) {
        const prompts = r.reflection.prompts as unknown as ReflectionPrompt[];
        const answers = r.reflection.answers as unknown as string[];
        await dm(rctx, senior.person.slackUserId, sharedReflectionMessage(translator(senior.locale), actor.person.slackUserId, prompts.map((p, i) => ({ prompt: p.text, answer: answers[i] ?? '' }))));
      }
    },
  });
}
