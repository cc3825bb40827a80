import type { AppContext } from '../context';
import type { Invocation } from '../invocation';
import { goalModal } from '../views/goal';
import { listGoalsToEdit } from './checkin';

/**
 * Opens the goal modal. The leader field is pre-filled with the mentioned person, or with the
 * invoker when they are a leader in a follow-up and not a senior leader of anyone.
 */
export async function openGoal(ctx: AppContext, inv: Invocation): Promise<void> {
  if (/^(edit|endre|rediger)\b/i.test(inv.rest)) return listGoalsToEdit(ctx, inv);
  let leaderUserId = inv.userIds[0] ?? null;
  if (!leaderUserId) {
    const mine = await ctx.services.followUps.listForActor(inv.actor);
    const asSenior = mine.filter((f) => f.seniorId === inv.actor.person.id);
    if (asSenior.length === 1) leaderUserId = asSenior[0].leader.slackUserId;
    else if (asSenior.length === 0 && mine.some((f) => f.leaderId === inv.actor.person.id)) leaderUserId = inv.actor.person.slackUserId;
  }
  await ctx.web.views.open({ trigger_id: inv.triggerId, view: goalModal(inv.tr, { leaderUserId }) });
}
