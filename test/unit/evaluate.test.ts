import { dateFormatter } from '../../src/i18n/dates';
import { evaluationErrors, MAX_EVALUATED_GOALS, type EvaluationItemInput } from '../../src/domain/evaluations';
import { translator } from '../../src/i18n';
import { NUMBER_MAX } from '../../src/slack/form/fields';
import { evaluateForm } from '../../src/slack/features/evaluate/fields';
import { evaluateModal, EvaluateIds } from '../../src/slack/features/evaluate/views';
import type { IsoDay } from '../../src/time/dates';
import { elementOf, textLimits } from '../support/formLimits';

const tr = translator('en');

describe('the evaluation modal', () => {
  it('keeps the ids Slack already holds, so a modal open during a deploy still submits', () => {
    expect(EvaluateIds.view).toBe('evaluate_view');
    for (let i = 0; i < MAX_EVALUATED_GOALS; i++) {
      for (const name of ['assessment', 'comment', 'target', 'date', 'reason'] as const) {
        expect(evaluateForm.ids[`${name}${i}` as keyof typeof evaluateForm.ids]).toEqual({ block: `evaluate_${name}_${i}_block`, action: `evaluate_${name}_${i}_input` });
      }
    }
    expect(evaluateForm.ids.next).toEqual({ block: 'evaluate_next_block', action: 'evaluate_next_input' });
    expect(evaluateForm.ids.summary).toEqual({ block: 'evaluate_summary_block', action: 'evaluate_summary_input' });
  });

  it('shows the limit the reader enforces', () => {
    const limits = textLimits(evaluateForm, tr);
    expect(limits.filter((l) => /^\D+0?$/.test(l.name))).toEqual([
      { name: 'comment0', maxLength: 1000, longestOk: true, oneMoreRefused: true },
      { name: 'reason0', maxLength: 500, longestOk: true, oneMoreRefused: true },
      { name: 'summary', maxLength: 2000, longestOk: true, oneMoreRefused: true },
    ]);
    expect(limits.every((l) => l.longestOk && l.oneMoreRefused)).toBe(true);
    expect(elementOf(evaluateForm, 'target0', tr).max_length).toBe(NUMBER_MAX);
  });

  it('shows a new target only for a measured goal, and the metadata names the goals in order', () => {
    const goal = { title: 'G', progress: null, metricUnit: null, targetDate: null };
    const view = evaluateModal(tr, {
      followUpId: 'f1',
      leaderUserId: 'ULEADER',
      goals: [
        { ...goal, id: 'g1', baseline: 1, target: 2 },
        { ...goal, id: 'g2', baseline: null, target: null },
      ],
      hiddenGoals: 0,
      defaultNext: '2026-05-01' as IsoDay,
      locale: 'en',
      dates: dateFormatter({ locale: 'en', zone: 'Europe/Oslo', now: null }),
    });
    const ids = view.blocks.map((b) => b.block_id);
    expect(ids).toEqual([
      'evaluate_intro_block',
      'evaluate_goal_0_block',
      'evaluate_assessment_0_block',
      'evaluate_comment_0_block',
      'evaluate_target_0_block',
      'evaluate_date_0_block',
      'evaluate_reason_0_block',
      'evaluate_goal_1_block',
      'evaluate_assessment_1_block',
      'evaluate_comment_1_block',
      'evaluate_date_1_block',
      'evaluate_reason_1_block',
      'evaluate_next_block',
      'evaluate_summary_block',
    ]);
    expect(JSON.parse(view.private_metadata ?? '')).toEqual({ f: 'f1', g: ['g1', 'g2'] });
  });
});

describe('the rules of an evaluation', () => {
  const today = '2026-03-10' as IsoDay;
  const open = new Map([
    ['measured', { baseline: 10, target: 50 }],
    ['qualitative', { baseline: null, target: null }],
  ]);
  const item = (over: Partial<EvaluationItemInput>): EvaluationItemInput => ({
    goalId: 'measured',
    assessment: 'ON_TRACK',
    comment: null,
    newTarget: null,
    newTargetDate: null,
    reason: null,
    ...over,
  });
  const check = (items: EvaluationItemInput[], next = '2026-04-01' as IsoDay) => evaluationErrors({ items, nextEvaluationOn: next }, open, today);

  it('accepts an assessment alone, and an adjustment with its reason', () => {
    expect(check([item({}), item({ goalId: 'qualitative', assessment: 'AT_RISK' })])).toEqual({});
    expect(check([item({ assessment: 'AT_RISK', newTarget: 40, newTargetDate: '2026-06-01' as IsoDay, reason: 'Smaller team' })])).toEqual({});
  });

  it('wants the next evaluation after today', () => {
    expect(check([item({})], today)).toEqual({ next: { key: 'evaluate.error_next_not_future' } });
  });

  it('refuses a goal that is gone or evaluated twice', () => {
    expect(check([item({ goalId: 'closed' })])).toEqual({ assessment0: { key: 'evaluate.error_goal_gone' } });
    expect(check([item({}), item({})])).toEqual({ assessment1: { key: 'evaluate.error_goal_gone' } });
  });

  it('wants a reason with an adjustment, and none without', () => {
    expect(check([item({ newTargetDate: '2026-06-01' as IsoDay })])).toEqual({ reason0: { key: 'evaluate.error_reason_required' } });
    expect(check([item({ reason: 'because' })])).toEqual({ reason0: { key: 'evaluate.error_reason_without_change' } });
  });

  it('does not adjust an achieved goal', () => {
    expect(check([item({ assessment: 'ACHIEVED', newTarget: 60, reason: 'x' })])).toEqual({ reason0: { key: 'evaluate.error_achieved_and_adjusted' } });
  });

  it('checks a new target against the goal’s measure, and a new date against today', () => {
    expect(check([item({ goalId: 'qualitative', newTarget: 5, reason: 'x' })])).toEqual({ target0: { key: 'evaluate.error_no_metric' } });
    expect(check([item({ newTarget: 10, reason: 'x' })])).toEqual({ target0: { key: 'goal.error_baseline_equals_target' } });
    expect(check([item({ newTarget: 50, reason: 'x' })])).toEqual({ target0: { key: 'evaluate.error_same_target' } });
    expect(check([item({ newTarget: 50, newTargetDate: '2026-06-01' as IsoDay, reason: 'x' })])).toEqual({});
    expect(check([item({ newTargetDate: '2026-03-09' as IsoDay, reason: 'x' })])).toEqual({ date0: { key: 'common.error_date_past' } });
  });
});
