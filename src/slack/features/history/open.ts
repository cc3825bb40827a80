import type { Reader } from '../../../i18n/dates';
import type { AppContext } from '../../context';
import { failureOf } from '../../errors';
import type { Invocation } from '../../invocation';
import { uploadCharts } from '../../charts';
import { goalHistoryModal, pastEvaluationsModal, progressErrorModal, progressLoadingModal, progressModal } from './views';

const readerOf = (ctx: AppContext, inv: Invocation): Reader => ({ locale: inv.actor.locale, zone: inv.actor.zone, now: ctx.services.clock.now() });

/** A page number from a button value (forged or absurd: the first page). */
export function pageFrom(raw: string | undefined): number {
  const n = Number.parseInt(raw ?? '0', 10);
  return Number.isSafeInteger(n) && n >= 0 && n < 10_000 ? n : 0;
}

/**
 * "Show progress" on a goal: a small modal opens at once (the trigger lasts 3 s), then the chart is
 * drawn, uploaded (once per picture) and put in its place with views.update. A goal without a metric,
 * or one the person may not see, says so in the modal.
 */
export async function openProgress(ctx: AppContext, inv: Invocation, goalId: string): Promise<void> {
  const opened = await ctx.web.views.open({ trigger_id: inv.triggerId, view: progressLoadingModal(inv.tr) });
  const viewId = opened.view?.id;
  if (!viewId) return;
  let view;
  try {
    const spec = await ctx.services.charts.goalChart(inv.actor, goalId);
    const [image] = await uploadCharts(ctx, ctx.web, inv.actor.teamId, [spec]);
    view = image ? progressModal(inv.tr, image) : progressErrorModal(inv.tr, inv.tr('common.error_generic'));
  } catch (err) {
    const failure = failureOf(err);
    if (failure.cause === 'ours') ctx.logger.error({ err }, 'the progress chart failed');
    const first = failure.fields ? Object.values(failure.fields)[0] : undefined;
    view = progressErrorModal(inv.tr, first ? inv.tr(first.key, first.vars) : inv.tr(failure.key));
  }
  await ctx.web.views.update({ view_id: viewId, view });
}

/** A goal's history, one page: opened from the card, or the same modal redrawn by Newer/Older. */
export async function showGoalHistory(ctx: AppContext, inv: Invocation, goalId: string, page: number, viewId?: string): Promise<void> {
  const goal = await ctx.services.goals.getVisible(inv.actor, goalId);
  const history = await ctx.services.history.goalHistory(inv.actor, goal.id, page);
  const view = goalHistoryModal(inv.tr, inv.actor.locale, readerOf(ctx, inv), { id: goal.id, title: goal.title }, history);
  if (viewId) await ctx.web.views.update({ view_id: viewId, view });
  else await ctx.web.views.open({ trigger_id: inv.triggerId, view });
}

/** A leader's past evaluations (their senior leader only), one page. */
export async function showPastEvaluations(ctx: AppContext, inv: Invocation, leaderUserId: string, page: number, viewId?: string): Promise<void> {
  const history = await ctx.services.history.leaderEvaluations(inv.actor, leaderUserId, page);
  const view = pastEvaluationsModal(inv.tr, inv.actor.locale, readerOf(ctx, inv), leaderUserId, history);
  if (viewId) await ctx.web.views.update({ view_id: viewId, view });
  else await ctx.web.views.open({ trigger_id: inv.triggerId, view });
}
