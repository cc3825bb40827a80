import { PLAN_OWNERS, PLAN_WHAT_MAX } from '../../../domain/plans';
import { date, defineForm, select, text, user } from '../../form/fields';

/** The plan modal (`plan_create_view`): whose follow-up, what, owner, due date, the barrier it addresses. */
export const planForm = defineForm(
  'plan',
  {
    leaderUserId: user({ label: 'plan.leader', required: true, stem: 'leader' }),
    // Shown only to a leader with more than one follow-up: which one the action belongs to.
    followUpId: select({ label: 'followup.choose', hint: 'followup.choose_hint', required: true, accepts: (v) => /^[a-z0-9]{1,40}$/i.test(v), stem: 'follow_up' }),
    what: text({ label: 'plan.what', placeholder: 'plan.what_placeholder', required: true, multiline: true, max: PLAN_WHAT_MAX }),
    owner: select({ label: 'plan.owner', required: true, radio: true, values: PLAN_OWNERS, optionText: (tr, o) => tr(`plan.owner.${o}`) }),
    dueDate: date({ label: 'plan.due', required: true, stem: 'due' }),
    // Options are the follow-up's open barriers (given when the modal opens); the domain checks the choice.
    barrierId: select({ label: 'plan.barrier', stem: 'barrier' }),
  },
  { leader: 'leaderUserId', barrier: 'barrierId' },
);

/** The fields every plan modal shows (the follow-up chooser only to a leader with several). */
export const PLAN_FIELDS = ['leaderUserId', 'what', 'owner', 'dueDate', 'barrierId'] as const;
