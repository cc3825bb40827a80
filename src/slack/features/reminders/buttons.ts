import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Eventful } from '../../../domain/events';
import { dateToDay } from '../../../time/dates';
import type { Subcommand } from '../../commandText';
import type { AppContext } from '../../context';
import { fromAction, runSubcommand, type Invocation, type Subcommands } from '../../invocation';
import { dm } from '../../notify';
import { channelMention, userMention, type Message } from '../../blocks';
import { readerDates } from '../../dates';
import { actionMessage } from '../../outbound/render';
import { failedDeliveriesMessage } from './views';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/**
 * A reminder's button that opens another feature's modal ("Record evaluation", "Log
 * conversation", "Write reflection"): runs that subcommand as if typed with the leader mentioned.
 */
export const openFromReminder = (ctx: AppContext, subcommands: Subcommands, sub: Subcommand) =>
  fromAction<ButtonAction>(ctx, (inv, action, rctx) => runSubcommand(subcommands, rctx, inv, sub, action.value ?? ''));

/**
 * Runs a button of an action-item reminder and replaces the DM with the new state. The change's
 * events are returned, so the runner publishes them (the item's reminders are planned again).
 */
function onActionItem(ctx: AppContext, run: (rctx: AppContext, inv: Invocation, actionId: string) => Promise<{ message: Message } & Eventful>) {
  return async (args: ButtonArgs): Promise<void> => {
    const { body, respond } = args;
    const handler = fromAction<ButtonAction>(ctx, async (inv, action, rctx) => {
      const { message, events } = await run(rctx, inv, action.value ?? '');
      if (body.response_url) await respond({ replace_original: true, text: message.text, blocks: message.blocks as never });
      else await dm(rctx, body.user.id, message);
      return { events };
    });
    await handler(args);
  };
}

function view(ctx: AppContext, inv: Invocation, a: { id: string; what: string; dueDate: Date | null }, barrier: string | null) {
  const dueDay = a.dueDate ? dateToDay(a.dueDate) : ctx.services.followUps.today(inv.actor);
  return { actionId: a.id, what: a.what, dueDay, overdue: false, barrier };
}

export const actionDone = (ctx: AppContext) =>
  onActionItem(ctx, async (rctx, inv, id) => {
    const { action, events } = await rctx.services.plans.setDone(inv.actor, id, true);
    return { message: actionMessage(inv.tr, view(rctx, inv, action, null), readerDates(rctx, inv.actor), 'done'), events };
  });

export const actionUndone = (ctx: AppContext) =>
  onActionItem(ctx, async (rctx, inv, id) => {
    const { action, events } = await rctx.services.plans.setDone(inv.actor, id, false);
    return { message: actionMessage(inv.tr, view(rctx, inv, action, null), readerDates(rctx, inv.actor), 'reopened'), events };
  });

export const actionSnooze = (ctx: AppContext) =>
  onActionItem(ctx, async (rctx, inv, id) => {
    const { action, until, events } = await rctx.services.plans.snooze(inv.actor, id);
    return { message: actionMessage(inv.tr, view(rctx, inv, action, null), readerDates(rctx, inv.actor), 'snoozed', until), events };
  });

/** App Home's "why?" next to the count of failed deliveries. */
export const failedWhy = (ctx: AppContext) =>
  fromAction<ButtonAction>(ctx, async (inv, _action, rctx) => {
    const failed = await rctx.services.reminders.failedFor(inv.actor.person.id, inv.actor.teamId);
    await inv.reply(
      failedDeliveriesMessage(
        inv.tr,
        failed.map((f) => ({ kind: f.kind, target: f.channelId ? channelMention(f.channelId) : f.userId ? userMention(f.userId) : '—', reason: f.reason })),
      ),
    );
  });
