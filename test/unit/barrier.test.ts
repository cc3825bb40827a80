import { translator } from '../../src/i18n';
import { BARRIER_FIELDS, barrierForm } from '../../src/slack/features/barrier/fields';
import { barrierModal, BarrierIds } from '../../src/slack/features/barrier/views';
import { textLimits } from '../support/formLimits';

const tr = translator('en');

describe('the barrier modal', () => {
  it('keeps the ids Slack already holds, so a modal open during a deploy still submits', () => {
    expect(BarrierIds.view).toBe('barrier_view');
    expect(BarrierIds.statusMenu(3)).toBe('barrier_status_menu_3');
    expect(BarrierIds.statusMenuPattern.test('barrier_status_menu_12')).toBe(true);
    expect(barrierForm.ids).toEqual({
      followUpId: { block: 'barrier_follow_up_block', action: 'barrier_follow_up_input' },
      leaderUserId: { block: 'barrier_leader_block', action: 'barrier_leader_input' },
      kind: { block: 'barrier_kind_block', action: 'barrier_kind_input' },
      description: { block: 'barrier_description_block', action: 'barrier_description_input' },
      status: { block: 'barrier_status_block', action: 'barrier_status_input' },
    });
    // The domain says `leader` for the person's follow-up.
    expect(barrierForm.blockOf.leader).toBe('barrier_leader_block');
  });

  it('shows the limit the reader enforces', () => {
    expect(textLimits(barrierForm, tr)).toEqual([{ name: 'description', maxLength: 2000, longestOk: true, oneMoreRefused: true }]);
  });

  it('pre-fills the leader and starts as open', () => {
    const view = barrierModal(tr, { leaderUserId: 'ULEADER' });
    const byId = Object.fromEntries(view.blocks.map((b) => [b.block_id, b as unknown as { element: Record<string, unknown> }]));
    expect(byId.barrier_leader_block.element.initial_user).toBe('ULEADER');
    expect(byId.barrier_status_block.element.initial_option).toMatchObject({ text: { text: tr('barrier.status.OPEN') }, value: 'OPEN' });
  });

  it('reads a kind and a status only from the offered ones', () => {
    const ids = barrierForm.ids;
    const state = (kind: string) => ({
      [ids.leaderUserId.block]: { [ids.leaderUserId.action]: { selected_user: 'ULEADER' } },
      [ids.kind.block]: { [ids.kind.action]: { selected_option: { value: kind } } },
      [ids.description.block]: { [ids.description.action]: { value: '  No budget  ' } },
      [ids.status.block]: { [ids.status.action]: { selected_option: { value: 'OPEN' } } },
    });
    expect(barrierForm.read(state('RESOURCE'), { only: [...BARRIER_FIELDS] }).value).toEqual({ leaderUserId: 'ULEADER', followUpId: null, kind: 'RESOURCE', description: 'No budget', status: 'OPEN' });
    expect(barrierForm.read(state('WEATHER'), { only: [...BARRIER_FIELDS] }).errors).toEqual({ barrier_kind_block: { key: 'common.error_invalid_option' } });
  });
});
