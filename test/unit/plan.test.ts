import { planErrors } from '../../src/domain/plans';
import { translator } from '../../src/i18n';
import { planForm } from '../../src/slack/features/plan/fields';
import { planModal, PlanIds } from '../../src/slack/features/plan/views';
import type { IsoDay } from '../../src/time/dates';
import { textLimits } from '../support/formLimits';

const tr = translator('en');

describe('the plan modal', () => {
  it('keeps the ids Slack already holds, so a modal open during a deploy still submits', () => {
    expect(PlanIds.view).toBe('plan_create_view');
    expect(planForm.ids).toEqual({
      leaderUserId: { block: 'plan_leader_block', action: 'plan_leader_input' },
      what: { block: 'plan_what_block', action: 'plan_what_input' },
      owner: { block: 'plan_owner_block', action: 'plan_owner_input' },
      dueDate: { block: 'plan_due_block', action: 'plan_due_input' },
      followUpId: { block: 'plan_follow_up_block', action: 'plan_follow_up_input' }, // new: shown only to a leader with several follow-ups
      barrierId: { block: 'plan_barrier_block', action: 'plan_barrier_input' },
    });
    // The domain's names for the follow-up and the barrier land on their fields.
    expect(planForm.blockOf.leader).toBe('plan_leader_block');
    expect(planForm.blockOf.barrier).toBe('plan_barrier_block');
  });

  it('shows the limit the reader enforces (the domain’s PLAN_WHAT_MAX)', () => {
    expect(textLimits(planForm, tr)).toEqual([{ name: 'what', maxLength: 500, longestOk: true, oneMoreRefused: true }]);
  });

  it('offers the open barriers only when there are some', () => {
    const vm = { leaderUserId: 'ULEADER', owner: 'leader' as const, today: '2027-03-30' as IsoDay };
    expect(planModal(tr, { ...vm, barriers: [] }).blocks.map((b) => b.block_id)).not.toContain('plan_barrier_block');
    const withBarrier = planModal(tr, { ...vm, barriers: [{ id: 'b1', description: 'No budget' }] });
    const select = withBarrier.blocks.find((b) => b.block_id === 'plan_barrier_block') as unknown as { optional: boolean; element: { options: { value: string }[] } };
    expect(select.optional).toBe(true);
    expect(select.element.options.map((o) => o.value)).toEqual(['b1']);
  });
});

describe('the rules of an action item', () => {
  const today = '2027-03-30' as IsoDay;
  it('accepts today, a later day or no date; refuses a past day', () => {
    expect(planErrors({ dueDate: today }, today)).toEqual({});
    expect(planErrors({ dueDate: '2027-04-02' as IsoDay }, today)).toEqual({});
    expect(planErrors({ dueDate: null }, today)).toEqual({});
    expect(planErrors({ dueDate: '2027-03-29' as IsoDay }, today)).toEqual({ dueDate: { key: 'common.error_date_past' } });
  });
});
