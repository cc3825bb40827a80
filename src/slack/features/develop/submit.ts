import type { AddedDevelopment } from '../../../domain/development';
import { esc, truncate, userMention } from '../../blocks';
import type { AppContext } from '../../context';
import { submitHandler } from '../../form/submit';
import { confirmToPair } from '../shared/pair';
import { developForm } from './fields';
import { developSavedMessage } from './views';

/** The development modal: saves the activity; tells both people, with buttons to move its status on. */
export function developSubmission(ctx: AppContext) {
  return submitHandler(ctx, {
    form: developForm,
    fallback: 'title',
    read: (v) => ({ leaderUserId: v.leaderUserId, kind: v.kind, title: v.title, provider: v.provider, startsOn: v.startsOn, endsOn: v.endsOn, status: v.status }),
    save: (actor, input, sourceKey) => ctx.services.development.add(actor, input, sourceKey),
    after: async (rctx, actor, r: AddedDevelopment) => {
      if (r.duplicate) return;
      const title = esc(truncate(r.activity.title, 150));
      const leader = userMention(r.followUp.leader.slackUserId);
      await confirmToPair(
        rctx,
        actor,
        r.followUp,
        (tr) => developSavedMessage(tr, tr('develop.saved', { kind: tr(`develop.kind.${r.activity.kind}`), title, leader, status: tr(`develop.status.${r.activity.status}`) }), r.activity.id, r.activity.status),
        (tr) => developSavedMessage(tr, tr('develop.notice', { author: userMention(actor.person.slackUserId), kind: tr(`develop.kind.${r.activity.kind}`), title, leader }), r.activity.id, r.activity.status),
      );
    },
  });
}
