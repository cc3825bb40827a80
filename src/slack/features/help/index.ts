import type { BlockAction, StaticSelectAction } from '@slack/bolt';
import { MenuIds } from '../../ids';
import { fromAction, runSubcommand, type Commands } from '../../invocation';
import { helpMessage, menuMessage } from './views';
import type { Feature } from '../../feature';

/** `/followup help` and the menu of `/followup` alone (its select runs the chosen subcommand). */
export const help = {
  name: 'help',
  subcommands: { help: async (_ctx, inv) => inv.reply(helpMessage(inv.tr, inv.actor.locale)) },
  register(app, ctx, subcommands) {
    app.action<BlockAction<StaticSelectAction>>(MenuIds.select, fromAction<StaticSelectAction>(ctx, (inv, action, rctx) => runSubcommand(subcommands, rctx, inv, action.selected_option?.value)));
  },
} satisfies Feature;

/** `/followup` alone: the menu. */
export const menu: Commands['menu'] = async (_ctx, inv) => inv.reply(menuMessage(inv.tr, inv.actor.locale));

/** `/followup <word>` that is no subcommand: the help, saying so. */
export const unknownSubcommand: Commands['unknown'] = async (_ctx, inv, word) => inv.reply(helpMessage(inv.tr, inv.actor.locale, word));
