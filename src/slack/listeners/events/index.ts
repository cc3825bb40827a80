import type { App } from '@slack/bolt';
import type { AppContext } from '../../context';
import { publishHome } from '../../notify';
import { cancelEvaluationInvites } from '../../calendarInvites';
import { forRequest } from '../../invocation';

/** The team an event came from; an event without one is refused (never an empty team id). */
function teamOf(body: unknown): string | null {
  const b = body as { team_id?: string; authorizations?: { team_id?: string }[] };
  return b.team_id || b.authorizations?.[0]?.team_id || null;
}

export function register(app: App, ctx: AppContext): void {
  // App Home: rebuilt and published on every open (a retried event publishes the same view again).
  app.event('app_home_opened', async ({ event, body }) => {
    if (event.tab !== 'home') return;
    const teamId = teamOf(body);
    if (!teamId) return void ctx.logger.warn({ event: 'app_home_opened' }, 'event without a team id refused');
    try {
      const actor = await ctx.services.people.resolve(teamId, event.user);
      await publishHome(ctx, actor);
    } catch (err) {
      ctx.logger.error({ err, user: event.user }, 'App Home could not be published');
    }
  });

  // The app was removed, or its tokens revoked (either may come first): stop using the workspace.
  app.event('app_uninstalled', async ({ body }) => {
    const teamId = teamOf(body);
    if (!teamId) return void ctx.logger.warn({ event: 'app_uninstalled' }, 'event without a team id refused');
    await ctx.services.repos.workspaces.markUninstalled(teamId, ctx.services.clock.now().toJSDate());
    ctx.logger.info({ teamId }, 'app uninstalled');
  });
  app.event('tokens_revoked', async ({ body }) => {
    const teamId = teamOf(body);
    if (!teamId) return void ctx.logger.warn({ event: 'tokens_revoked' }, 'event without a team id refused');
    await ctx.services.repos.workspaces.markTokensRevoked(teamId, ctx.services.clock.now().toJSDate());
    ctx.logger.info({ teamId }, 'tokens revoked');
  });

  // A person deactivated in Slack leaves: their follow-ups end and the other person is told once.
  app.event('user_change', async ({ event, body, client }) => {
    const user = (event as { user?: { id?: string; deleted?: boolean } }).user;
    if (!user?.id || !user.deleted) return;
    const teamId = teamOf(body);
    if (!teamId) return void ctx.logger.warn({ event: 'user_change' }, 'event without a team id refused');
    try {
      const ended = await ctx.services.lifecycle.personLeft(teamId, user.id, 'user_change');
      // The evaluations planned in the ended follow-ups leave the other person's calendar.
      await cancelEvaluationInvites(forRequest(ctx, client), teamId, ended);
    } catch (err) {
      ctx.logger.error({ err, user: user.id }, 'could not record that a person left');
    }
  });
}
