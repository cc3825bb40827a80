import type { CreatedGoal, GoalInput } from '../../../domain/goals';
import { translator } from '../../../i18n';
import type { AppContext } from '../../context';
import { goalBlocks, readGoalForm } from '../../forms/goal';
import { GoalIds } from '../../ids';
import { dm, refreshHomes } from '../../notify';
import { esc, truncate, userMention } from '../../views/blocks';
import { textMessage } from '../../views/help';
import { submitHandler } from './submit';

export function goalSubmission(ctx: AppContext) {
  return submitHandler<GoalInput, CreatedGoal>(ctx, {
    read: readGoalForm,
    blocks: goalBlocks(),
    fallbackBlock: GoalIds.titleBlock,
    save: (actor, input, sourceKey) => ctx.services.goals.create(actor, input, sourceKey),
    after: async (actor, created) => {
      if (created.duplicate) return;
      const { people } = ctx.services;
      const [leaderPerson, seniorPerson] = await Promise.all([
        ctx.services.repos.people.findById(created.leaderId),
        ctx.services.repos.people.findById(created.seniorId),
      ]);
      if (!leaderPerson || !seniorPerson) return;
      // As for the other modals: the other person's language and zone come from Slack when stale.
      const [leader, senior] = await Promise.all([
        people.resolve(actor.teamId, leaderPerson.slackUserId),
        people.resolve(actor.teamId, seniorPerson.slackUserId),
      ]);
      const title = esc(truncate(created.goal.title, 150));
      const tr = translator(actor.locale);
      await dm(ctx, actor.person.slackUserId, textMessage(tr('goal.created', { title, leader: userMention(leader.person.slackUserId) })));
      const other = actor.person.id === senior.person.id ? leader : senior;
      const trOther = translator(other.locale);
      const key = other === leader ? 'goal.created_notify_leader' : 'goal.created_notify_senior';
      await dm(ctx, other.person.slackUserId, textMessage(trOther(key, { author: userMention(actor.person.slackUserId), title })));
      await refreshHomes(ctx, [senior, leader]);
    },
  });
}
