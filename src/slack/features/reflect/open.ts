import { textMessage } from '../../blocks';
import type { AppContext } from '../../context';
import type { Invocation } from '../../invocation';
import { followUpPickerMessage } from '../shared/picker';
import { ReflectIds } from './fields';
import { reflectModal } from './views';

/** `/followup reflect [@senior]`: for a leader; prompts rotate from the question bank. */
export async function openReflect(ctx: AppContext, inv: Invocation, followUpId: string | null = null): Promise<void> {
  if (!followUpId) {
    let mine = (await ctx.services.followUps.listForActor(inv.actor)).filter((f) => f.leaderId === inv.actor.person.id);
    if (mine.length === 0) return inv.reply(textMessage(inv.tr('reflect.not_leader')));
    const mention = inv.userIds[0];
    if (mention && mine.some((f) => f.senior.slackUserId === mention)) mine = mine.filter((f) => f.senior.slackUserId === mention);
    if (mine.length > 1) {
      return inv.reply(followUpPickerMessage(inv.tr, inv.tr('reflect.choose'), ReflectIds.openButton, mine.map((f) => ({ followUpId: f.id, otherUserId: f.senior.slackUserId }))));
    }
    followUpId = mine[0].id;
  }
  const followUp = await ctx.services.reflections.followUpAsLeader(inv.actor, followUpId);
  const prompts = await ctx.services.reflections.nextPrompts(inv.actor);
  await ctx.web.views.open({ trigger_id: inv.triggerId, view: reflectModal(inv.tr, { followUpId: followUp.id, seniorUserId: followUp.senior.slackUserId, prompts }) });
}
