import { MAX_MILESTONES } from '../../../domain/goals';
import { GOAL_KINDS } from '../../../domain/vocabulary';
import { date, defineForm, number, numbers, repeat, select, text, user } from '../../form/fields';

/** The goal modal (`goal_create_view`): who, what, expectations, success criteria, milestones. */
export const goalForm = defineForm(
  'goal',
  {
    leaderUserId: user({ label: 'goal.leader', required: true, stem: 'leader' }),
    // Shown only to a leader with more than one follow-up: which one the goal belongs to.
    followUpId: select({ label: 'followup.choose', hint: 'followup.choose_hint', required: true, accepts: (v) => /^[a-z0-9]{1,40}$/i.test(v), stem: 'follow_up' }),
    kind: select({ label: 'goal.kind', required: true, radio: true, values: GOAL_KINDS, initial: 'PROFESSIONAL', optionText: (tr, k) => tr(`goal.kind.${k}`) }),
    title: text({ label: 'goal.goal_title', placeholder: 'goal.goal_title_placeholder', required: true, max: 150 }),
    description: text({ label: 'goal.description', multiline: true, max: 3000 }),
    expectations: text({ label: 'goal.expectations', hint: 'goal.expectations_hint', multiline: true, max: 3000 }),
    qualitativeCriteria: text({ label: 'goal.qualitative', placeholder: 'goal.qualitative_placeholder', multiline: true, max: 3000, stem: 'qualitative' }),
    metricName: text({ label: 'goal.metric', placeholder: 'goal.metric_placeholder', max: 100, stem: 'metric' }),
    metricUnit: text({ label: 'goal.unit', placeholder: 'goal.unit_placeholder', max: 30, stem: 'unit' }),
    baseline: number({ label: 'goal.baseline' }),
    target: number({ label: 'goal.target' }),
    targetDate: date({ label: 'goal.target_date' }),
    ...repeat(numbers(MAX_MILESTONES), (n) => ({
      milestone: text({ label: 'goal.milestone_n', labelVars: { n }, max: 150, stem: `milestone_${n}` }),
      milestoneDue: date({ label: 'goal.milestone_due_n', labelVars: { n }, stem: `milestone_due_${n}` }),
    })),
  },
  { leader: 'leaderUserId', metric: 'metricName' },
);

/** The goal modal's fields but the follow-up chooser (shown only to a leader with several follow-ups). */
export const GOAL_FIELDS = (Object.keys(goalForm.fields) as (keyof typeof goalForm.fields)[]).filter((k) => k !== 'followUpId');

/** The goal edit modal (`goal_edit_view`): target, date, criteria — and why (kept as a revision). */
export const goalEditForm = defineForm('goal_edit', {
  target: number({ label: 'goal.target', required: true }),
  targetDate: date({ label: 'goal.target_date' }),
  qualitativeCriteria: text({ label: 'goal.qualitative', multiline: true, max: 3000, stem: 'criteria' }),
  reason: text({ label: 'goal_edit.reason', placeholder: 'goal_edit.reason_placeholder', required: true, multiline: true, max: 500 }),
});
