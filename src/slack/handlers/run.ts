import { NotAllowedError, NotFoundError, ValidationError } from '../../domain/errors';
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
    let key: 'common.error_not_allowed' | 'common.error_not_found' | 'common.error_generic' = 'common.error_generic';
    if (err instanceof NotAllowedError) key = 'common.error_not_allowed';
    else if (err instanceof NotFoundError) key = 'common.error_not_found';
    else if (err instanceof ValidationError) {
      const first = Object.values(err.fields)[0];
      await req.reply(textMessage(first ? tr(first.key, first.vars) : tr('common.error_generic'))).catch(() => undefined);
      return;
    } else ctx.logger.error({ err, teamId: req.teamId, userId: req.userId }, 'request failed');
    await req.reply(textMessage(tr(key))).catch((e) => ctx.logger.error({ err: e }, 'could not tell the user about a failure'));
  }
}
