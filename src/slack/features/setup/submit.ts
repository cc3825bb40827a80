import type { SetupInput, SetupResult } from '../../../domain/followups';
import { translator } from '../../../i18n';
import type { AppContext } from '../../context';
import { readSetupForm, setupBlocks } from './fields';
import { SetupIds } from '../../ids';
import { dm, refreshHomes } from '../../notify';
import { userMention } from '../../blocks';
import { textMessage } from '../../blocks';
import { legacySubmitHandler } from '../../form/submit';

export function setupSubmission(ctx: AppContext) {
  return legacySubmitHandler<SetupInput, SetupResult>(ctx, {
    read: readSetupForm,
    blocks: setupBlocks,
    fallbackBlock: SetupIds.leaderBlock,
    save: (actor, input) => ctx.services.followUps.setup(actor, input),
    after: async (actor, result) => {
      await ctx.services.events.followUpChanged(result.followUp.id);
      const tr = translator(actor.locale);
      const leader = userMention(result.leader.person.slackUserId);
      await dm(ctx, actor.person.slackUserId, textMessage(tr(result.created ? 'setup.created' : 'setup.updated', { leader })));
      if (result.created) {
        const trLeader = translator(result.leader.locale);
        await dm(ctx, result.leader.person.slackUserId, textMessage(trLeader('setup.welcome_leader', { senior: userMention(actor.person.slackUserId) })));
      }
      await refreshHomes(ctx, [actor, result.leader]);
    },
  });
}
