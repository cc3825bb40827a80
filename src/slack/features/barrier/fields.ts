import { BARRIER_KINDS, BARRIER_STATUSES } from '../../../domain/vocabulary';
import { defineForm, select, text, user } from '../../form/fields';

/** The barrier modal (`barrier_view`): whose follow-up, kind, description, status. */
export const barrierForm = defineForm(
  'barrier',
  {
    leaderUserId: user({ label: 'barrier.leader', required: true, stem: 'leader' }),
    // Shown only to a leader with several follow-ups: which one (for a barrier of their own).
    followUpId: select({ label: 'followup.choose', hint: 'followup.choose_hint', required: true, accepts: (v) => /^[a-z0-9]{1,40}$/i.test(v), stem: 'follow_up' }),
    kind: select({ label: 'barrier.kind', required: true, radio: true, values: BARRIER_KINDS, optionText: (tr, k) => tr(`barrier.kind.${k}`) }),
    description: text({ label: 'barrier.description', placeholder: 'barrier.description_placeholder', required: true, multiline: true, max: 2000 }),
    status: select({ label: 'barrier.status', required: true, radio: true, values: BARRIER_STATUSES, initial: 'OPEN', optionText: (tr, s) => tr(`barrier.status.${s}`) }),
  },
  { leader: 'leaderUserId' },
);

export const BARRIER_FIELDS = ['leaderUserId', 'kind', 'description', 'status'] as const;
