import type { BlockAction, ButtonAction, StaticSelectAction } from '@slack/bolt';
import { NotFoundError } from '../../../domain/errors';
import { RECORD_ID, SLACK_USER_ID } from '../../../domain/vocabulary';
import type { AppContext } from '../../context';
import { HistoryIds } from '../../ids';
import { fromAction, type ActionArgs, type Invocation } from '../../invocation';
import type { Feature } from '../../feature';
import { openProgress, pageFrom, showGoalHistory, showPastEvaluations } from './open';
import { HistoryViewIds } from './views';

/** `<id>|<page>` from a pager button; a forged id is "not found". */
function keyAndPage(value: string | undefined, valid: RegExp): { key: string; page: number } {
  const [key, page] = (value ?? '').split('|');
  if (!key || !valid.test(key)) throw new NotFoundError('button value');
  return { key, page: pageFrom(page) };
}

/** A button inside a modal: runs with the id of the view it was clicked in (views.update redraws it). */
function inModal(ctx: AppContext, run: (inv: Invocation, action: ButtonAction, rctx: AppContext, viewId: string | undefined) => Promise<unknown>) {
  return async (args: ActionArgs<ButtonAction>): Promise<void> => {
    const viewId = args.body.view?.id;
    await fromAction<ButtonAction>(ctx, (inv, action, rctx) => run(inv, action, rctx, viewId))(args);
  };
}

/** Issue 8: a goal's progress chart and history, a leader's past evaluations (from App Home's cards). */
export const history = {
  name: 'history',
  register(app, ctx) {
    // A card's "Goal…" menu: `progress|<goal id>` or `history|<goal id>`.
    app.action<BlockAction<StaticSelectAction>>(
      HistoryIds.goalMenuPattern,
      fromAction<StaticSelectAction>(ctx, (inv, action, rctx) => {
        const [what, goalId] = (action.selected_option?.value ?? '').split('|');
        if (!goalId || !RECORD_ID.test(goalId)) throw new NotFoundError('menu value');
        return what === 'progress' ? openProgress(rctx, inv, goalId) : showGoalHistory(rctx, inv, goalId, 0);
      }),
    );
    app.action<BlockAction<ButtonAction>>(
      HistoryIds.pastEvaluationsPattern,
      fromAction<ButtonAction>(ctx, (inv, action, rctx) => {
        const leader = action.value ?? '';
        if (!SLACK_USER_ID.test(leader)) throw new NotFoundError('button value');
        return showPastEvaluations(rctx, inv, leader, 0);
      }),
    );
    const goalPage = inModal(ctx, (inv, action, rctx, viewId) => {
      const { key, page } = keyAndPage(action.value, RECORD_ID);
      return showGoalHistory(rctx, inv, key, page, viewId);
    });
    app.action<BlockAction<ButtonAction>>(HistoryViewIds.goalPage, goalPage);
    app.action<BlockAction<ButtonAction>>(HistoryViewIds.goalPageOlder, goalPage);
    const evaluationsPage = inModal(ctx, (inv, action, rctx, viewId) => {
      const { key, page } = keyAndPage(action.value, SLACK_USER_ID);
      return showPastEvaluations(rctx, inv, key, page, viewId);
    });
    app.action<BlockAction<ButtonAction>>(HistoryViewIds.evaluationsPage, evaluationsPage);
    app.action<BlockAction<ButtonAction>>(HistoryViewIds.evaluationsPageOlder, evaluationsPage);
  },
} satisfies Feature;
