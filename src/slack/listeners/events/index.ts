import type { App } from '@slack/bolt';
import type { AppContext } from '../../context';
import { cancelEvaluationInvites } from '../../calendarInvites';
import { forRequest, teamOf } from '../../invocation';


/** Deletes the stored installation (tokens) of a workspace or organisation (src/oauth/access.ts). */
export interface InstallationForgetter {
  forget(query: { teamId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean }): Promise<void>;
}

/** Runs each step even when one fails (each is retried by Slack and idempotent), then throws the first failure. */
async function allSteps(steps: (() => Promise<unknown>)[]): Promise<void> {
  const results = await Promise.allSettled(steps.map((step) => step()));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

export function register(app: App, ctx: AppContext, installations: InstallationForgetter): void {
  // The app was removed, or its tokens revoked (either may come first, each may be retried): stop
  // using the workspace, and delete the stored tokens (a later install stores new ones). Bolt runs
  // these without authorize.
  app.event('app_uninstalled', async ({ body, context }) => {
    const teamId = teamOf(body);
    await allSteps([
      async () => {
        if (!teamId) return void ctx.logger.warn({ event: 'app_uninstalled' }, 'event without a team id refused');
        await ctx.services.lifecycle.uninstalled(teamId);
        ctx.logger.info({ teamId }, 'app uninstalled');
      },
      async () => {
        await installations.forget({ teamId: context.teamId, enterpriseId: context.enterpriseId, isEnterpriseInstall: context.isEnterpriseInstall });
        // An org-wide install keeps its data under the enterprise: stop delivering there too.
        if (context.isEnterpriseInstall && context.enterpriseId) await ctx.services.lifecycle.uninstalled(context.enterpriseId);
      },
    ]);
  });
  app.event('tokens_revoked', async ({ event, body, context }) => {
    const teamId = teamOf(body);
    await allSteps([
      async () => {
        if (!teamId) return void ctx.logger.warn({ event: 'tokens_revoked' }, 'event without a team id refused');
        await ctx.services.lifecycle.tokensRevoked(teamId);
        ctx.logger.info({ teamId }, 'tokens revoked');
      },
      async () => {
        if ((event.tokens.bot ?? []).length === 0) return; // only user tokens: the app holds none
        await installations.forget({ teamId: context.teamId, enterpriseId: context.enterpriseId, isEnterpriseInstall: context.isEnterpriseInstall });
      },
    ]);
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
