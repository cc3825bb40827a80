import type { BlockAction, StaticSelectAction } from '@slack/bolt';
import { MenuIds } from '../../ids';
import { fromAction } from '../../invocation';
import { helpMessage } from './views';
import { runSubcommand } from '../index';
import type { Feature } from '../types';

/** `/followup help` and the menu of `/followup` alone (its select runs the chosen subcommand). */
export const help = {
  name: 'help',
  subcommands: { help: async (_ctx, inv) => inv.reply(helpMessage(inv.tr, inv.actor.locale)) },
  register(app, ctx) {
    app.action<BlockAction<StaticSelectAction>>(MenuIds.select, fromAction<StaticSelectAction>(ctx, (inv, action, rctx) => runSubcommand(rctx, inv, action.selected_option?.value)));
  },
} satisfies Feature;
