import { defineForm, multi, select, text } from '../../form/fields';

/** The learning modal (`learn_view`): what happened, what was learned, the next experiment, share or not. */
export const LEARN_FIELDS = ['what', 'learned', 'next', 'share'] as const;

export const learnForm = defineForm(
  'learn',
  {
    // Shown only to a leader with more than one follow-up: which one (options from data).
    followUpId: select({ label: 'followup.choose', required: true, accepts: (v) => /^[a-z0-9]{1,40}$/i.test(v), stem: 'follow_up' }),
    what: text({ label: 'learn.what', placeholder: 'learn.what_placeholder', required: true, multiline: true, max: 2000 }),
    learned: text({ label: 'learn.learned', required: true, multiline: true, max: 2000 }),
    next: text({ label: 'learn.next', multiline: true, max: 1000 }),
    // Opt-in: unticked by default. The hint depends on whether the follow-up has a team channel.
    share: multi({ label: 'learn.share', checkboxes: true, values: ['share'], optionText: (tr) => tr('learn.share_option') }),
  },
  { whatHappened: 'what', nextExperiment: 'next', followUp: 'what' },
);
