import { EVALUATION_WEEKS, setupErrors } from '../../src/domain/followups';
import { translator } from '../../src/i18n';
import { setupForm } from '../../src/slack/features/setup/fields';
import { setupModal, SetupIds } from '../../src/slack/features/setup/views';

const tr = translator('en');

describe('setup form', () => {
  it('keeps the ids Slack already holds (a modal open during a deploy still submits)', () => {
    expect(SetupIds.view).toBe('setup_view');
    expect(setupForm.ids).toEqual({
      leaderUserId: { block: 'setup_leader_block', action: 'setup_leader_input' },
      teamChannelId: { block: 'setup_channel_block', action: 'setup_channel_input' },
      oneToOneCadence: { block: 'setup_one_to_one_block', action: 'setup_one_to_one_input' },
      evaluationEveryWeeks: { block: 'setup_evaluation_block', action: 'setup_evaluation_input' },
      reflectionCadence: { block: 'setup_reflection_block', action: 'setup_reflection_input' },
      startDate: { block: 'setup_start_date_block', action: 'setup_start_date_input' },
      teamLocale: { block: 'setup_team_language_block', action: 'setup_team_language_input' },
    });
    // Domain errors land on their fields.
    expect(setupForm.mapErrors({ leader: { key: 'setup.error_leader_self' }, oneToOne: { key: 'setup.error_cadence_none' } }, 'leaderUserId')).toEqual({
      setup_leader_block: { key: 'setup.error_leader_self' },
      setup_one_to_one_block: { key: 'setup.error_cadence_none' },
    });
  });

  it('offers weekly, every 2 weeks or monthly one-to-ones and the evaluation intervals, pre-filled', () => {
    const view = setupModal(tr, {
      editing: false,
      leaderUserId: 'ULEADER1',
      teamChannelId: 'CTEAM001',
      oneToOneCadence: 'NONE',
      evaluationEveryWeeks: 5,
      reflectionCadence: 'NONE',
      startDate: '2026-11-26',
      teamLocale: null,
    });
    const el = (id: string) => (view.blocks.find((b) => b.block_id === id) as unknown as { element: Record<string, unknown> }).element;
    const values = (id: string) => (el(id).options as { value: string }[]).map((o) => o.value);
    expect(values('setup_one_to_one_block')).toEqual(['WEEKLY', 'BIWEEKLY', 'MONTHLY']);
    expect(el('setup_one_to_one_block').initial_option).toMatchObject({ value: 'BIWEEKLY' });
    expect(values('setup_evaluation_block')).toEqual(EVALUATION_WEEKS.map(String));
    expect(el('setup_evaluation_block').initial_option).toMatchObject({ value: '6', text: { text: 'Every 6 weeks' } });
    expect(values('setup_reflection_block')).toEqual(['WEEKLY', 'BIWEEKLY', 'MONTHLY', 'NONE']);
    expect(el('setup_reflection_block').initial_option).toMatchObject({ value: 'NONE' });
    expect(el('setup_leader_block').initial_user).toBe('ULEADER1');
    expect(el('setup_channel_block').initial_conversation).toBe('CTEAM001');
    expect(el('setup_start_date_block').initial_date).toBe('2026-11-26');
    // The team channel's language: the workspace's by default, or one of the three.
    expect((el('setup_team_language_block').options as { value: string; text: { text: string } }[]).map((o) => [o.value, o.text.text])).toEqual([
      ['default', "The workspace's default language"],
      ['nb', 'Norsk bokmål'],
      ['nn', 'Norsk nynorsk'],
      ['en', 'English'],
    ]);
    expect(el('setup_team_language_block').initial_option).toMatchObject({ value: 'default' });
    const nb = setupModal(translator('nb'), { editing: true, leaderUserId: 'ULEADER1', teamChannelId: null, oneToOneCadence: 'WEEKLY', evaluationEveryWeeks: 6, reflectionCadence: 'NONE', startDate: '2026-11-26', teamLocale: 'en' });
    const team = nb.blocks.find((b) => b.block_id === 'setup_team_language_block') as unknown as { label: { text: string }; hint: { text: string }; element: { initial_option: { value: string; text: { text: string } } } };
    expect(team.label.text).toBe('Språk i teamkanalen');
    expect(team.hint.text).toContain('Feiringer og delte læringspunkter');
    expect(team.element.initial_option).toMatchObject({ value: 'en', text: { text: 'English' } });
  });

  it('reads a submission; a forged option is refused on its field', () => {
    const state = (oneToOne: string, weeks: string) => ({
      setup_leader_block: { setup_leader_input: { selected_user: 'ULEADER1' } },
      setup_channel_block: { setup_channel_input: { selected_conversation: null } },
      setup_one_to_one_block: { setup_one_to_one_input: { selected_option: { value: oneToOne } } },
      setup_evaluation_block: { setup_evaluation_input: { selected_option: { value: weeks } } },
      setup_reflection_block: { setup_reflection_input: { selected_option: { value: 'MONTHLY' } } },
      setup_start_date_block: { setup_start_date_input: { selected_date: '2026-12-01' } },
    });
    expect(setupForm.read(state('WEEKLY', '8')).value).toEqual({
      leaderUserId: 'ULEADER1',
      teamChannelId: null,
      oneToOneCadence: 'WEEKLY',
      evaluationEveryWeeks: '8',
      reflectionCadence: 'MONTHLY',
      startDate: '2026-12-01',
      teamLocale: null,
    });
    expect(setupForm.read({ ...state('WEEKLY', '8'), setup_team_language_block: { setup_team_language_input: { selected_option: { value: 'nb' } } } }).value?.teamLocale).toBe('nb');
    expect(setupForm.read({ ...state('WEEKLY', '8'), setup_team_language_block: { setup_team_language_input: { selected_option: { value: 'de' } } } }).errors).toEqual({
      setup_team_language_block: { key: 'common.error_invalid_option' },
    });
    expect(setupForm.read(state('DAILY', '7')).errors).toEqual({
      setup_one_to_one_block: { key: 'common.error_invalid_option' },
      setup_evaluation_block: { key: 'common.error_invalid_option' },
    });
  });
});

describe('setup rules (domain)', () => {
  it('refuses following up oneself and one-to-ones without a cadence', () => {
    expect(setupErrors('USENIOR1', { leaderUserId: 'USENIOR1', oneToOneCadence: 'NONE' })).toEqual({
      leader: { key: 'setup.error_leader_self' },
      oneToOne: { key: 'setup.error_cadence_none' },
    });
    expect(setupErrors('USENIOR1', { leaderUserId: 'ULEADER1', oneToOneCadence: 'MONTHLY' })).toEqual({});
  });
});
