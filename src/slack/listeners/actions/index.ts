import type { App, BlockAction, ButtonAction, StaticSelectAction } from '@slack/bolt';
import type { AppContext } from '../../context';
import { ExportIds, HomeIds, MenuIds } from '../../ids';
import { exportErase, homeEditFollowUp, homeNewGoal, homeSetup, menuSelect } from './home';

export function register(app: App, ctx: AppContext): void {
  app.action<BlockAction<ButtonAction>>(HomeIds.setupButton, homeSetup(ctx));
  app.action<BlockAction<ButtonAction>>(HomeIds.newGoalButton, homeNewGoal(ctx));
  app.action<BlockAction<ButtonAction>>(HomeIds.editFollowUpButton, homeEditFollowUp(ctx));
  app.action<BlockAction<StaticSelectAction>>(MenuIds.select, menuSelect(ctx));
  app.action<BlockAction<ButtonAction>>(ExportIds.eraseButton, exportErase(ctx));
}
