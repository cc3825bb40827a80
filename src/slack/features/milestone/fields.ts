import { RECORD_ID } from '../../../domain/vocabulary';
import { defineForm, select } from '../../form/fields';

/** The milestone modal (`milestone_view`): which open milestone was reached. */
export const milestoneForm = defineForm('milestone', {
  // The open milestones come from data (render time).
  milestone: select({ label: 'milestone.choose', required: true, accepts: (v) => RECORD_ID.test(v), stem: 'choice' }),
});
