import { BUILTIN_QUESTIONS } from '../../src/domain/questions';
import { PROMPTS_PER_REFLECTION, REFLECTION_ANSWER_MAX, reflectionRuleErrors } from '../../src/domain/reflections';
import { translator } from '../../src/i18n';
import { ReflectIds, reflectForm } from '../../src/slack/features/reflect/fields';
import { reflectModal } from '../../src/slack/features/reflect/views';
import { expectSameLimits, idPairs } from '../support/forms';

describe('reflection form', () => {
  it('keeps the ids Slack already holds (a modal open during a deploy still submits)', () => {
    expect(ReflectIds).toEqual({ view: 'reflect_view', openButton: 'reflect_open_button' });
    expect(idPairs(reflectForm)).toEqual({
      reflect_answer_1_block: 'reflect_answer_1_input',
      reflect_answer_2_block: 'reflect_answer_2_input',
      reflect_answer_3_block: 'reflect_answer_3_input',
      reflect_share_block: 'reflect_share_input',
    });
  });

  it('each answer has the max_length the reader enforces, and is labelled with its prompt', () => {
    const tr = translator('en');
    const prompts = BUILTIN_QUESTIONS.slice(0, PROMPTS_PER_REFLECTION).map((b) => ({ key: b.key, text: tr(b.message), step: b.step, source: b.source }));
    const view = reflectModal(tr, { followUpId: 'c000000000000000000000001', seniorUserId: 'U1', prompts });
    expect(expectSameLimits(reflectForm, view)).toEqual({
      reflect_answer_1_block: REFLECTION_ANSWER_MAX,
      reflect_answer_2_block: REFLECTION_ANSWER_MAX,
      reflect_answer_3_block: REFLECTION_ANSWER_MAX,
    });
    const labels = (view.blocks as { block_id?: string; label?: { text: string } }[]).filter((b) => b.block_id?.startsWith('reflect_answer_')).map((b) => b.label?.text);
    expect(labels).toEqual(prompts.map((p) => p.text));
  });

  it('a modal with fewer prompts shows fewer answers', () => {
    const tr = translator('nb');
    const view = reflectModal(tr, { followUpId: 'c000000000000000000000001', seniorUserId: 'U1', prompts: [{ key: 'g1', text: tr('questions.g1'), step: 2, source: 'guide' }] });
    expect((view.blocks as { block_id?: string }[]).map((b) => b.block_id).filter(Boolean)).toEqual(['reflect_answer_1_block', 'reflect_share_block']);
  });

  it('sharing is the one checkbox "share"; anything else is refused', () => {
    const { errors } = reflectForm.read({ reflect_share_block: { reflect_share_input: { type: 'checkboxes', selected_options: [{ value: 'everyone' }] } } }, { only: ['share'] });
    expect(errors).toEqual({ reflect_share_block: { key: 'common.error_invalid_option' } });
  });
});

describe('reflection rules', () => {
  it('needs at least one answer, one answer slot per prompt, one to three prompts', () => {
    expect(reflectionRuleErrors({ promptKeys: ['g1', 'g2'], answers: [null, 'Yes'] })).toEqual({});
    expect(reflectionRuleErrors({ promptKeys: ['g1', 'g2'], answers: [null, null] })).toEqual({ answer1: { key: 'reflect.error_no_answer' } });
    expect(reflectionRuleErrors({ promptKeys: ['g1', 'g2'], answers: ['Yes'] })).toEqual({ answer1: { key: 'common.error_invalid_option' } });
    expect(reflectionRuleErrors({ promptKeys: [], answers: [] })).toEqual({ answer1: { key: 'common.error_invalid_option' } });
    expect(reflectionRuleErrors({ promptKeys: ['g1', 'g2', 'g3', 'g4'], answers: ['a', 'b', 'c', 'd'] })).toEqual({ answer1: { key: 'common.error_invalid_option' } });
  });
});
