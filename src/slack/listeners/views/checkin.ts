import type { CheckInInput, CheckInResult } from '../../../domain/checkins';
import type { EditedGoal, GoalEditInput } from '../../../domain/goals';
import type { MilestoneDone } from '../../../domain/milestones';
import type { Actor } from '../../../domain/people';
import { formatNumber, type Locale, type Translate } from '../../../i18n';
import type { AppContext } from '../../context';
import { checkInBlocks, goalEditBlocks, readCheckInForm, readGoalEditForm, readMilestoneForm } from '../../forms/checkin';
import { CheckInIds, MilestoneIds } from '../../ids';
import { confirmToPair, pairOf } from '../../pair';
import { esc, truncate, userMention } from '../../views/blocks';
import { checkInNoticeMessage, checkInSavedMessage, type CheckInConfirmation } from '../../views/checkin';
import { textMessage } from '../../views/help';
import { dateToDay, slackDay } from '../../../time/dates';
import { submitHandler } from './submit';

export function checkInSubmission(ctx: AppContext) {
  return submitHandler<CheckInInput, CheckInResult>(ctx, {
    read: readCheckInForm,
    blocks: checkInBlocks,
    fallbackBlock: CheckInIds.goalBlock,
    save: (actor, input, sourceKey) => ctx.services.checkIns.record(actor, input, sourceKey),
    after: async (actor, r) => {
      if (r.duplicate) return;
      const c: CheckInConfirmation = {
        goalId: r.goal.id,
        title: r.goal.title,
        value: r.checkIn.value,
        unit: r.goal.metricUnit,
        progress: r.progress,
        confidence: r.checkIn.confidence,
        note: r.checkIn.note,
        openMilestones: r.openMilestones.map((m) => ({ id: m.id, title: m.title })),
      };
      const author = userMention(actor.person.slackUserId);
      await confirmToPair(
        ctx,
        actor,
        r.followUp,
        (tr) => checkInSavedMessage(tr, actor.locale, c),
        (tr) => checkInNoticeMessage(tr, author, c),
      );
      await ctx.services.events.subjectChanged('goal', r.goal.id);
    },
  });
}

export function goalEditSubmission(ctx: AppContext) {
  return submitHandler<GoalEditInput, EditedGoal>(ctx, {
    read: readGoalEditForm,
    blocks: goalEditBlocks,
    fallbackBlock: 'goal_edit_reason_block',
    save: (actor, input) => ctx.services.goals.edit(actor, input),
    after: async (actor, r) => {
      if (r.changed.length === 0) return;
      const title = esc(truncate(r.goal.title, 150));
      const reason = esc(truncate(r.reason, 500));
      const what = (tr: Translate, locale: Locale, zone: string) =>
        r.changed
          .map((c) =>
            c === 'target'
              ? tr('goal_edit.changed.target', { value: r.goal.target === null ? '—' : esc(formatNumber(locale, r.goal.target) + (r.goal.metricUnit ? ` ${r.goal.metricUnit}` : '')) })
              : c === 'targetDate'
                ? tr('goal_edit.changed.targetDate', { date: r.goal.targetDate ? slackDay(dateToDay(r.goal.targetDate), zone) : '—' })
                : tr('goal_edit.changed.qualitativeCriteria'),
          )
          .join(', ');
      const otherActor = pairOf(ctx, actor, r.followUp).other;
      await confirmToPair(
        ctx,
        actor,
        r.followUp,
        (tr) => textMessage(tr('goal_edit.saved', { title, changes: what(tr, actor.locale, actor.zone), reason })),
        (tr) => textMessage(tr('goal_edit.notice', { author: userMention(actor.person.slackUserId), title, changes: what(tr, otherActor.locale, otherActor.zone), reason })),
      );
      await ctx.services.events.subjectChanged('goal', r.goal.id);
    },
  });
}

/** After a milestone was marked done (from the modal or a button): tell both, celebrate, refresh. */
export async function afterMilestoneDone(ctx: AppContext, actor: Actor, r: MilestoneDone): Promise<void> {
  if (!r.changed) {
    return confirmToPair(ctx, actor, r.followUp, (tr) => textMessage(tr('milestone.already_done', { title: esc(truncate(r.milestone.title, 150)) })), null);
  }
  const vars = { title: esc(truncate(r.milestone.title, 150)), goal: esc(truncate(r.goal.title, 150)) };
  await confirmToPair(
    ctx,
    actor,
    r.followUp,
    (tr) => textMessage(tr('milestone.done', vars)),
    (tr) => textMessage(tr('milestone.done_notice', { ...vars, author: userMention(actor.person.slackUserId) })),
  );
  await ctx.services.events.milestoneDone(r.milestone.id);
}

export function milestoneSubmission(ctx: AppContext) {
  return submitHandler<{ milestoneId: string }, MilestoneDone>(ctx, {
    read: readMilestoneForm,
    blocks: { milestone: MilestoneIds.milestoneBlock },
    fallbackBlock: MilestoneIds.milestoneBlock,
    save: (actor, input) => ctx.services.milestones.markDone(actor, input.milestoneId),
    after: (actor, r) => afterMilestoneDone(ctx, actor, r),
  });
}
