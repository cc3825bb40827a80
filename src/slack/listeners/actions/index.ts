import type { App, BlockAction, ButtonAction, OverflowAction, StaticSelectAction } from '@slack/bolt';
import type { AppContext } from '../../context';
import { BarrierIds, ExportIds, HomeIds, MenuIds } from '../../ids';
import { barrierStatusMenu } from './barrier';
import { exportErase, homeEditFollowUp, homeMore, homeNewGoal, homePage, homeRun, homeSetup, menuSelect } from './home';

/** Card buttons carry an index (`_<n>`) so action ids stay unique within a view. */
const indexed = (base: string) => new RegExp(`^${base}(_\\d+)?$`);

export function register(app: App, ctx: AppContext): void {
  app.action<BlockAction<ButtonAction>>(HomeIds.setupButton, homeSetup(ctx));
  app.action<BlockAction<ButtonAction>>(indexed(HomeIds.newGoalButton), homeNewGoal(ctx));
  app.action<BlockAction<ButtonAction>>(indexed(HomeIds.editFollowUpButton), homeEditFollowUp(ctx));
  app.action<BlockAction<ButtonAction>>(HomeIds.runPattern, homeRun(ctx));
  app.action<BlockAction<StaticSelectAction>>(HomeIds.morePattern, homeMore(ctx));
  app.action<BlockAction<ButtonAction>>(HomeIds.pageButton, homePage(ctx));
  app.action<BlockAction<ButtonAction>>(HomeIds.prevPageButton, homePage(ctx));
  app.action<BlockAction<OverflowAction>>(BarrierIds.statusMenuPattern, barrierStatusMenu(ctx));
  app.action<BlockAction<StaticSelectAction>>(MenuIds.select, menuSelect(ctx));
  app.action<BlockAction<ButtonAction>>(ExportIds.eraseButton, exportErase(ctx));
}
