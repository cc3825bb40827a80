import type { App } from '@slack/bolt';
import type { AppContext } from '../../context';
import { publishHome } from '../../notify';

export function register(app: App, ctx: AppContext): void {
  // App Home: rebuilt and published on every open (a retried event publishes the same view again).
  app.event('app_home_opened', async ({ event, body }) => {
    if (event.tab !== 'home') return;
    const teamId = (body as { team_id?: string }).team_id ?? '';
    try {
      const actor = await ctx.services.people.resolve(teamId, event.user);
      await publishHome(ctx, actor);
    } catch (err) {
      ctx.logger.error({ err, user: event.user }, 'App Home could not be published');
    }
  });

  // The app was removed, or its tokens revoked (either may come first): stop using the workspace.
  app.event('app_uninstalled', async ({ body }) => {
    const teamId = (body as { team_id?: string }).team_id ?? '';
    await ctx.services.repos.workspaces.markUninstalled(teamId, ctx.services.clock.now().toJSDate());
    ctx.logger.info({ teamId }, 'app uninstalled');
  });
  app.event('tokens_revoked', async ({ body }) => {
    const teamId = (body as { team_id?: string }).team_id ?? '';
    await ctx.services.repos.workspaces.markTokensRevoked(teamId, ctx.services.clock.now().toJSDate());
    ctx.logger.info({ teamId }, 'tokens revoked');
  });
}
