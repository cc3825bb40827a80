import { DEVELOPMENT_TEXT_MAX, developmentRuleErrors } from '../../src/domain/development';
import { translator } from '../../src/i18n';
import { DevelopIds, developForm } from '../../src/slack/features/develop/fields';
import { developModal, developSavedMessage } from '../../src/slack/features/develop/views';
import { expectSameLimits, idPairs } from '../support/forms';

describe('development form', () => {
  it('keeps the ids Slack already holds (a modal open during a deploy still submits)', () => {
    expect(DevelopIds).toEqual({ view: 'develop_view', statusButton: 'develop_status_button' });
    expect(idPairs(developForm)).toEqual({
      develop_leader_block: 'develop_leader_input',
      develop_kind_block: 'develop_kind_input',
      develop_title_block: 'develop_title_input',
      develop_provider_block: 'develop_provider_input',
      develop_start_block: 'develop_start_input',
      develop_end_block: 'develop_end_input',
      develop_status_block: 'develop_status_input',
    });
    expect(developForm.blockOf.leader).toBe('develop_leader_block');
    expect(developForm.blockOf.endsOn).toBe('develop_end_block');
  });

  it('each text input has the max_length the reader enforces', () => {
    expect(expectSameLimits(developForm, developModal(translator('en'), null))).toEqual({ develop_title_block: DEVELOPMENT_TEXT_MAX, develop_provider_block: DEVELOPMENT_TEXT_MAX });
  });

  it('accepts only the kinds and statuses the domain knows', () => {
    const { errors } = developForm.read({
      develop_kind_block: { develop_kind_input: { type: 'static_select', selected_option: { value: 'WORKSHOP' } } },
      develop_status_block: { develop_status_input: { type: 'static_select', selected_option: { value: 'DONE' } } },
    });
    expect(errors.develop_kind_block).toEqual({ key: 'common.error_invalid_option' });
    expect(errors.develop_status_block).toEqual({ key: 'common.error_invalid_option' });
  });

  it('the status buttons offer the other three statuses, in the reader\'s language', () => {
    const m = developSavedMessage(translator('nb'), 'Lagret', 'c000000000000000000000001', 'PLANNED');
    const buttons = (m.blocks[1] as { elements: { action_id: string; value: string }[] }).elements;
    expect(buttons.map((b) => [b.action_id, b.value])).toEqual([
      ['develop_status_button_1', 'c000000000000000000000001.IN_PROGRESS'],
      ['develop_status_button_2', 'c000000000000000000000001.COMPLETED'],
      ['develop_status_button_3', 'c000000000000000000000001.CANCELLED'],
    ]);
  });
});

describe('development rules', () => {
  const activity = { title: 'Leading through change', provider: null };

  it('an activity cannot end before it starts; open ends and one-day activities are fine', () => {
    expect(developmentRuleErrors({ ...activity, startsOn: '2026-12-01', endsOn: '2026-11-30' })).toEqual({ endsOn: { key: 'develop.error_end_before_start' } });
    expect(developmentRuleErrors({ ...activity, startsOn: '2026-12-01', endsOn: '2026-12-01' })).toEqual({});
    expect(developmentRuleErrors({ ...activity, startsOn: null, endsOn: '2026-11-30' })).toEqual({});
    expect(developmentRuleErrors({ ...activity, startsOn: '2026-12-01', endsOn: null })).toEqual({});
  });

  it('title and provider keep within the limit the modal shows (counted in characters, emoji as one)', () => {
    const dates = { startsOn: null, endsOn: null };
    expect(developmentRuleErrors({ title: '👍'.repeat(DEVELOPMENT_TEXT_MAX), provider: 'é'.repeat(DEVELOPMENT_TEXT_MAX), ...dates })).toEqual({});
    expect(developmentRuleErrors({ title: 'x'.repeat(DEVELOPMENT_TEXT_MAX + 1), provider: 'y'.repeat(DEVELOPMENT_TEXT_MAX + 2), ...dates })).toEqual({
      title: { key: 'common.error_too_long', vars: { max: DEVELOPMENT_TEXT_MAX, length: DEVELOPMENT_TEXT_MAX + 1 } },
      provider: { key: 'common.error_too_long', vars: { max: DEVELOPMENT_TEXT_MAX, length: DEVELOPMENT_TEXT_MAX + 2 } },
    });
  });
});
