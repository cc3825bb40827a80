import type { FollowUpWithPeople } from '../../../domain/followups';
import type { Actor } from '../../../domain/people';
import type { Translate } from '../../../i18n';
import { translator } from '../../../i18n';
import type { AppContext } from '../../context';
import { dm } from '../../notify';
import { refreshHomes } from '../home/publish';
import type { Message } from '../../blocks';

/** The two people of a follow-up as actors, and which one is not the actor. */
export function pairOf(ctx: AppContext, actor: Actor, followUp: FollowUpWithPeople): { senior: Actor; leader: Actor; other: Actor } {
  const senior = followUp.senior.id === actor.person.id ? actor : ctx.services.people.toActor(followUp.senior);
  const leader = followUp.leader.id === actor.person.id ? actor : ctx.services.people.toActor(followUp.leader);
  return { senior, leader, other: actor.person.id === senior.person.id ? leader : senior };
}

/**
 * After a change in a follow-up: a confirmation to the actor, a note to the other person (each in
 * their own language), and both App Homes refreshed.
 */
export async function confirmToPair(
  ctx: AppContext,
  actor: Actor,
  followUp: FollowUpWithPeople,
  mine: (tr: Translate) => Message,
  theirs: ((tr: Translate) => Message) | null,
): Promise<void> {
  const { senior, leader, other } = pairOf(ctx, actor, followUp);
  await dm(ctx, actor.person.slackUserId, mine(translator(actor.locale)));
  if (theirs) await dm(ctx, other.person.slackUserId, theirs(translator(other.locale)));
  await refreshHomes(ctx, [senior, leader]);
}
