import { translator } from '../../src/i18n';
import { MilestoneIds } from '../../src/slack/ids';
import { milestoneForm } from '../../src/slack/features/milestone/fields';
import { milestoneModal, MilestoneViewIds } from '../../src/slack/features/milestone/views';

const M1 = 'cmile00000000001';

describe('milestone form', () => {
  it('keeps the ids Slack already holds (a modal open during a deploy still submits; buttons in old messages still work)', () => {
    expect(MilestoneViewIds.view).toBe('milestone_view');
    expect(MilestoneIds.doneButton).toBe('milestone_done_button');
    expect(milestoneForm.ids).toEqual({ milestone: { block: 'milestone_choice_block', action: 'milestone_choice_input' } });
  });

  it('lists the open milestones, pre-selects the only one, and refuses a forged choice', () => {
    const view = milestoneModal(translator('nb'), [{ id: M1, title: 'Step one', goalTitle: 'Sales', leaderName: 'Kari' }], M1);
    const block = view.blocks.find((b) => b.block_id === 'milestone_choice_block') as unknown as { element: { options: { value: string }[]; initial_option: { value: string } } };
    expect(block.element.options.map((o) => o.value)).toEqual([M1]);
    expect(block.element.initial_option.value).toBe(M1);
    expect(milestoneForm.read({ milestone_choice_block: { milestone_choice_input: { selected_option: { value: M1 } } } }).value).toEqual({ milestone: M1 });
    expect(milestoneForm.read({ milestone_choice_block: { milestone_choice_input: { selected_option: { value: 'x y' } } } }).errors).toEqual({
      milestone_choice_block: { key: 'common.error_invalid_option' },
    });
    expect(milestoneForm.read({}).errors).toEqual({ milestone_choice_block: { key: 'common.error_required' } });
  });
});
