import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { dateToDay } from '../../../time/dates';
import type { Subcommand } from '../../commandText';
import type { AppContext } from '../../context';
import { runSubcommand } from '../../features';
import type { Invocation } from '../../invocation';
import { dm } from '../../notify';
import { channelMention, userMention } from '../../blocks';
import { type Message } from '../../blocks';
import { actionMessage } from '../../views/reminders';
import { failedDeliveriesMessage } from '../../features/schedule/views';
import { fromAction } from '../../invocation';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/**
 * A reminder's button that opens another feature's modal ("Record evaluation", "Log
 * conversation", "Write reflection"): runs that subcommand as if typed with the leader mentioned,
 * or says politely that it is not available yet.
 */
export const openFromReminder = (ctx: AppContext, sub: Subcommand) =>
  fromAction<ButtonAction>(ctx, async (inv, action, rctx) => {
    return runSubcommand(rctx, inv, sub, action.value ?? '');
  });

/** Runs a button of an action-item reminder and replaces the DM with the new state. */
function onActionItem(ctx: AppContext, run: (inv: Invocation, actionId: string) => Promise<Message>) {
  return async (args: ButtonArgs): Promise<void> => {
    const { body, respond } = args;
    const handler = fromAction<ButtonAction>(ctx, async (inv, action) => {
      const message = await run(inv, action.value ?? '');
      if (body.response_url) await respond({ replace_original: true, text: message.text, blocks: message.blocks as never });
      else await dm(ctx, body.user.id, message);
    });
    await handler(args);
  };
}

function view(ctx: AppContext, inv: Invocation, a: { id: string; what: string; dueDate: Date | null }, barrier: string | null) {
  const dueDay = a.dueDate ? dateToDay(a.dueDate) : ctx.services.followUps.today(inv.actor);
  return { actionId: a.id, what: a.what, dueDay, overdue: false, barrier };
}

export const actionDone = (ctx: AppContext) =>
  onActionItem(ctx, async (inv, id) => {
    const a = await ctx.services.plans.setDone(inv.actor, id, true);
    return actionMessage(inv.tr, view(ctx, inv, a, null), inv.actor.zone, 'done');
  });

export const actionUndone = (ctx: AppContext) =>
  onActionItem(ctx, async (inv, id) => {
    const a = await ctx.services.plans.setDone(inv.actor, id, false);
    return actionMessage(inv.tr, view(ctx, inv, a, null), inv.actor.zone, 'reopened');
  });

export const actionSnooze = (ctx: AppContext) =>
  onActionItem(ctx, async (inv, id) => {
    const { action, until } = await ctx.services.plans.snooze(inv.actor, id);
    return actionMessage(inv.tr, view(ctx, inv, action, null), inv.actor.zone, 'snoozed', until);
  });

/** App Home's "why?" next to the count of failed deliveries. */
export const failedWhy = (ctx: AppContext) =>
  fromAction<ButtonAction>(ctx, async (inv) => {
    const failed = await ctx.services.reminders.failedFor(inv.actor.person.id, inv.actor.teamId);
    await inv.reply(
      failedDeliveriesMessage(
        inv.tr,
        failed.map((f) => ({ kind: f.kind, target: f.channelId ? channelMention(f.channelId) : f.userId ? userMention(f.userId) : '—', reason: f.reason })),
      ),
    );
  });
