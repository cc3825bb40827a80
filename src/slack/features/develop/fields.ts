import { DEVELOPMENT_TEXT_MAX } from '../../../domain/development';
import { DEVELOPMENT_KINDS, DEVELOPMENT_STATUSES } from '../../../domain/vocabulary';
import { date, defineForm, select, text, user } from '../../form/fields';

export const DevelopIds = {
  view: 'develop_view',
  /** Buttons (value: `<activity id>.<STATUS>`) that change an activity's status. */
  statusButton: 'develop_status_button',
} as const;

/** The development modal (`develop_view`): for which leader, what kind, what, who provides it, when, status. */
export const developForm = defineForm(
  'develop',
  {
    leaderUserId: user({ label: 'goal.leader', required: true, stem: 'leader' }),
    kind: select({ label: 'develop.kind', required: true, values: DEVELOPMENT_KINDS, optionText: (tr, k) => tr(`develop.kind.${k}`) }),
    title: text({ label: 'develop.activity', placeholder: 'develop.activity_placeholder', required: true, max: DEVELOPMENT_TEXT_MAX }),
    provider: text({ label: 'develop.provider', max: DEVELOPMENT_TEXT_MAX }),
    startsOn: date({ label: 'develop.start', stem: 'start' }),
    endsOn: date({ label: 'develop.end', stem: 'end' }),
    status: select({ label: 'develop.status', required: true, values: DEVELOPMENT_STATUSES, initial: 'PLANNED', optionText: (tr, s) => tr(`develop.status.${s}`) }),
  },
  { leader: 'leaderUserId' },
);
