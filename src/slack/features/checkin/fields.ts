import { CHECKIN_NOTE_MAX, CONFIDENCE_LEVELS } from '../../../domain/checkins';
import { RECORD_ID } from '../../../domain/vocabulary';
import { defineForm, number, select, text } from '../../form/fields';

/** Confidence 1–5 as the radio buttons carry it. */
export const CONFIDENCE_VALUES = CONFIDENCE_LEVELS.map((l) => String(l) as `${(typeof CONFIDENCE_LEVELS)[number]}`);

/** The check-in modal (`checkin_view`): a goal, its value now, a confidence 1–5 and a note. */
export const checkInForm = defineForm('checkin', {
  // The goals come from data (render time); choosing one redraws the modal with its unit.
  goal: select({ label: 'checkin.goal', required: true, accepts: (v) => RECORD_ID.test(v) }),
  value: number({ label: 'checkin.value', hint: 'checkin.value_hint' }),
  confidence: select({ label: 'checkin.confidence', required: true, radio: true, values: CONFIDENCE_VALUES, initial: '3', optionText: (tr, l) => tr(`checkin.confidence.${l}`) }),
  note: text({ label: 'checkin.note', placeholder: 'checkin.note_placeholder', multiline: true, max: CHECKIN_NOTE_MAX }),
});
