import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { AdminUnconfirmedError, NotAllowedError, NotFoundError, ValidationError } from '../../../domain/errors';
import { isDatabaseUnavailable } from '../../../data/availability';
import type { Actor } from '../../../domain/people';
import { t } from '../../../i18n';
import type { AppContext } from '../../context';
import { mapFieldErrors, renderErrors, type BlockErrors, type StateValues } from '../../forms/common';

export type ViewArgs = SlackViewMiddlewareArgs & AllMiddlewareArgs;

export interface SubmitSpec<I, R> {
  /** Reads the form (and the view's private_metadata, which may be forged); errors keyed by block id. */
  read(values: StateValues, privateMetadata: string): { input: I | null; errors: BlockErrors };
  /** Domain field name → block id, for domain validation errors. */
  blocks: Record<string, string>;
  /** Block that shows errors with no field of their own. */
  fallbackBlock: string;
  /** Does the work; may throw ValidationError. Runs before the ack, so keep it to the database. */
  save(actor: Actor, input: I, sourceKey: string): Promise<R>;
  /** After the modal closed: confirmations, DMs, App Home. */
  after?(actor: Actor, result: R): Promise<void>;
}

/**
 * The common shape of a modal submission: read, validate, save, then ack — with
 * `response_action: errors` on the right blocks when the input is wrong, so nothing typed is lost.
 */
export function submitHandler<I, R>(ctx: AppContext, spec: SubmitSpec<I, R>) {
  return async ({ ack, body, view }: ViewArgs): Promise<void> => {
    const teamId = body.team?.id ?? body.user.team_id;
    // The first input block shows a failure that is not the person's (Slack keeps what they typed).
    const firstBlock = view.blocks.find((b) => b.type === 'input')?.block_id ?? spec.fallbackBlock;
    if (!teamId) {
      ctx.logger.warn({ view: view.callback_id }, 'view submission without a team id refused');
      await ack({ response_action: 'errors', errors: { [firstBlock]: t(ctx.config.defaultLocale, 'common.error_no_team') } });
      return;
    }
    let actor: Actor;
    try {
      actor = await ctx.services.people.resolve(teamId, body.user.id, { refresh: 'never' });
    } catch (err) {
      const database = isDatabaseUnavailable(err);
      if (database) ctx.logger.warn({ err: String(err), view: view.callback_id }, 'database unavailable: the modal stays open');
      else ctx.logger.error({ err }, 'could not resolve the submitting user');
      await ack({ response_action: 'errors', errors: { [firstBlock]: t(ctx.config.defaultLocale, database ? 'common.error_database' : 'common.error_generic') } });
      return;
    }
    const { input, errors } = spec.read(view.state.values as StateValues, view.private_metadata ?? '');
    if (!input) {
      await ack({ response_action: 'errors', errors: renderErrors(actor.locale, errors) });
      return;
    }
    let result: R;
    try {
      // view ids are unique per workspace: a retried or double submission of one modal saves once.
      result = await spec.save(actor, input, `view-${teamId}-${view.id}`);
    } catch (err) {
      let errs: BlockErrors;
      if (err instanceof ValidationError) errs = mapFieldErrors(err.fields, spec.blocks, spec.fallbackBlock);
      else if (isDatabaseUnavailable(err)) {
        ctx.logger.warn({ err: String(err), view: view.callback_id }, 'database unavailable: the modal stays open');
        errs = { [firstBlock]: { key: 'common.error_database' } };
      } else if (err instanceof AdminUnconfirmedError) errs = { [spec.fallbackBlock]: { key: 'common.error_admin_unconfirmed' } };
      else if (err instanceof NotAllowedError) errs = { [spec.fallbackBlock]: { key: 'common.error_not_allowed' } };
      else if (err instanceof NotFoundError) errs = { [spec.fallbackBlock]: { key: 'common.error_not_found' } };
      else {
        ctx.logger.error({ err, view: view.callback_id }, 'saving a modal failed');
        errs = { [spec.fallbackBlock]: { key: 'common.error_generic' } };
      }
      await ack({ response_action: 'errors', errors: renderErrors(actor.locale, errs) });
      return;
    }
    await ack();
    if (spec.after) {
      await spec.after(actor, result).catch((err) => ctx.logger.error({ err, view: view.callback_id }, 'after-save work failed'));
    }
  };
}
