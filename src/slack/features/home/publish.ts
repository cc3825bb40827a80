import type { Actor } from '../../../domain/people';
import { translator } from '../../../i18n';
import type { AppContext } from '../../context';
import { readerDates } from '../../dates';
import { homeView } from './views';

/** Rebuilds and publishes a person's App Home (one views.publish). */
export async function publishHome(ctx: AppContext, actor: Actor, page = 0): Promise<void> {
  const model = await ctx.services.home.build(actor);
  const view = homeView(translator(actor.locale), model, readerDates(ctx, actor), { page });
  await ctx.web.views.publish({ user_id: actor.person.slackUserId, view });
}

/** Publishes App Home for several people, logging (not throwing) failures. */
export async function refreshHomes(ctx: AppContext, actors: Actor[]): Promise<void> {
  await Promise.all(
    actors.map((a) =>
      publishHome(ctx, a).catch((err) => ctx.logger.warn({ err, user: a.person.slackUserId }, 'views.publish failed')),
    ),
  );
}
