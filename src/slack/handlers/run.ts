import { AdminUnconfirmedError, NotAllowedError, NotFoundError, ValidationError } from '../../domain/errors';
import { isDatabaseUnavailable } from '../../data/availability';
import { translator } from '../../i18n';
import type { AppContext } from '../context';
import type { Invocation } from '../invocation';
import { textMessage, type Message } from '../views/help';

export interface InvocationRequest {
  teamId: string;
  userId: string;
  triggerId: string;
  userIds: string[];
  channelIds: string[];
  rest: string;
  reply(message: Message): Promise<void>;
  run(inv: Invocation): Promise<void>;
}

/**
 * Resolves the person (language, zone), runs the handler, and turns failures into a message the
 * person understands: no access, gone, or "something went wrong" (logged with context).
 */
export async function runInvocation(ctx: AppContext, req: InvocationRequest): Promise<void> {
  let locale = ctx.config.defaultLocale;
  if (!req.teamId) {
    ctx.logger.warn({ userId: req.userId }, 'request without a team id refused');
    await req.reply(textMessage(translator(locale)('common.error_no_team'))).catch(() => undefined);
    return;
  }
  try {
    const actor = await ctx.services.people.resolve(req.teamId, req.userId);
    locale = actor.locale;
    const inv: Invocation = {
      actor,
      tr: translator(actor.locale),
      triggerId: req.triggerId,
      userIds: req.userIds,
      channelIds: req.channelIds,
      rest: req.rest,
      reply: req.reply,
    };
    await req.run(inv);
  } catch (err) {
    const tr = translator(locale);
    let key: 'common.error_not_allowed' | 'common.error_not_found' | 'common.error_generic' | 'common.error_database' | 'common.error_admin_unconfirmed' = 'common.error_generic';
    if (isDatabaseUnavailable(err)) {
      key = 'common.error_database';
      ctx.logger.warn({ err: String(err), teamId: req.teamId }, 'database unavailable: the person was told to try again');
    } else if (err instanceof AdminUnconfirmedError) key = 'common.error_admin_unconfirmed';
    else if (err instanceof NotAllowedError) key = 'common.error_not_allowed';
    else if (err instanceof NotFoundError) key = 'common.error_not_found';
    else if (err instanceof ValidationError) {
      const first = Object.values(err.fields)[0];
      await req.reply(textMessage(first ? tr(first.key, first.vars) : tr('common.error_generic'))).catch(() => undefined);
      return;
    } else ctx.logger.error({ err, teamId: req.teamId, userId: req.userId }, 'request failed');
    await req.reply(textMessage(tr(key))).catch((e) => ctx.logger.error({ err: e }, 'could not tell the user about a failure'));
  }
}
