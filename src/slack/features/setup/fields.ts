import { EVALUATION_WEEKS } from '../../../domain/followups';
import { CADENCES, LOCALES } from '../../../domain/vocabulary';
import { channel, date, defineForm, select, user } from '../../form/fields';

/** What a follow-up's one-to-ones may be (NONE is read, and the domain explains why it is refused). */
export const ONE_TO_ONE_CADENCES = ['WEEKLY', 'BIWEEKLY', 'MONTHLY'] as const;

/** The team channel's language: the workspace's (default), or one set for this follow-up. */
export const TEAM_LANGUAGES = ['default', ...LOCALES] as const;

/** The follow-up modal (`setup_view`): who, the team channel, the rhythm, and the start. */
export const setupForm = defineForm(
  'setup',
  {
    leaderUserId: user({ label: 'setup.leader', required: true, stem: 'leader' }),
    teamChannelId: channel({ label: 'setup.channel', hint: 'setup.channel_hint', stem: 'channel' }),
    oneToOneCadence: select({ label: 'setup.one_to_one', required: true, values: CADENCES, optionText: (tr, c) => tr(`setup.cadence.${c}`), stem: 'one_to_one' }),
    evaluationEveryWeeks: select({
      label: 'setup.evaluation',
      required: true,
      values: EVALUATION_WEEKS.map(String),
      optionText: (tr, w) => tr('setup.eval_weeks', { weeks: Number(w) }),
      stem: 'evaluation',
    }),
    reflectionCadence: select({ label: 'setup.reflection', required: true, values: CADENCES, optionText: (tr, c) => tr(`setup.cadence.${c}`), stem: 'reflection' }),
    startDate: date({ label: 'setup.start_date', required: true }),
    // Celebrations and shared learnings are posted in it: "default" follows the workspace's language.
    // Not required: a setup modal opened before this field existed still submits (and leaves it as it is).
    teamLocale: select({
      label: 'setup.team_language',
      hint: 'setup.team_language_hint',
      values: TEAM_LANGUAGES,
      optionText: (tr, v) => (v === 'default' ? tr('setup.team_language.default') : tr(`settings.language.${v}`)),
      stem: 'team_language',
    }),
  },
  { leader: 'leaderUserId', oneToOne: 'oneToOneCadence', channel: 'teamChannelId' },
);
