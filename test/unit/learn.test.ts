import { translator } from '../../src/i18n';
import { learnForm } from '../../src/slack/features/learn/fields';
import { learnModal, LearnIds } from '../../src/slack/features/learn/views';
import { textLimits } from '../support/formLimits';

const tr = translator('en');

describe('the learning modal', () => {
  it('keeps the ids Slack already holds, so a modal open during a deploy still submits', () => {
    expect(LearnIds.view).toBe('learn_view');
    expect(learnForm.ids).toEqual({
      followUpId: { block: 'learn_follow_up_block', action: 'learn_follow_up_input' },
      what: { block: 'learn_what_block', action: 'learn_what_input' },
      learned: { block: 'learn_learned_block', action: 'learn_learned_input' },
      next: { block: 'learn_next_block', action: 'learn_next_input' },
      share: { block: 'learn_share_block', action: 'learn_share_input' },
    });
    expect(learnForm.blockOf.followUp).toBe('learn_what_block');
  });

  it('shows the limits the reader enforces', () => {
    expect(textLimits(learnForm, tr)).toEqual([
      { name: 'what', maxLength: 2000, longestOk: true, oneMoreRefused: true },
      { name: 'learned', maxLength: 2000, longestOk: true, oneMoreRefused: true },
      { name: 'next', maxLength: 1000, longestOk: true, oneMoreRefused: true },
    ]);
  });

  it('leaves sharing unticked and says where it would go', () => {
    const withChannel = learnModal(tr, { followUpId: 'f1', teamChannelId: 'CTEAM' });
    const share = withChannel.blocks.find((b) => b.block_id === 'learn_share_block') as unknown as { hint: { text: string }; element: { type: string; initial_options?: unknown } };
    expect(share.element.type).toBe('checkboxes');
    expect(share.element.initial_options).toBeUndefined();
    expect(share.hint.text).toBe(tr('learn.share_hint'));
    const without = learnModal(tr, { followUpId: 'f1', teamChannelId: null });
    expect((without.blocks.find((b) => b.block_id === 'learn_share_block') as unknown as { hint: { text: string } }).hint.text).toBe(tr('learn.share_hint_no_channel'));
    expect(JSON.parse(withChannel.private_metadata ?? '')).toEqual({ f: 'f1' });
  });
});
