import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import type { FieldError } from '../../domain/errors';
import type { Actor } from '../../domain/people';
import { t } from '../../i18n';
import type { AppContext } from '../context';
import { failureOf } from '../errors';
import { forRequest, publishEventsOf } from '../invocation';
import type { Fields, Form, FormValues } from './fields';
import { mapFieldErrors, renderErrors, type BlockErrors, type StateValues } from './reader';

export type ViewArgs = SlackViewMiddlewareArgs & AllMiddlewareArgs;

export interface SubmitSpec<F extends Fields, I, R> {
  /** The modal's fields: read, checked, and errors placed on their blocks. */
  form: Form<F>;
  /** The field that shows errors with no field of their own. */
  fallback: keyof F;
  /** The fields this submission showed, when the view shows only some of them. */
  only?(values: StateValues, privateMetadata: string): (keyof F)[];
  /** Rules that span fields; `fail` puts an error on one field. */
  check?(v: FormValues<F>, fail: (name: keyof F, err: FieldError) => void, privateMetadata: string): void;
  /** The domain input from the read values and private_metadata (which may be forged): null = gone. */
  read(v: FormValues<F>, privateMetadata: string): I | null;
  /** Does the work; may throw ValidationError. Runs before the ack, so keep it to the database. */
  save(actor: Actor, input: I, sourceKey: string): Promise<R>;
  /** After the modal closed (and the result's events were published): confirmations, DMs, App Home. */
  after?(rctx: AppContext, actor: Actor, result: R): Promise<void>;
}

/**
 * The one shape of every modal submission: read, validate, save idempotently by view id, then ack —
 * with `response_action: errors` on the right blocks when the input is wrong, so nothing typed is
 * lost. After the ack: the domain events the result carries are published, then `after` runs.
 */
export function submitHandler<F extends Fields, I, R>(ctx: AppContext, spec: SubmitSpec<F, I, R>) {
  const fallbackBlock = spec.form.ids[spec.fallback].block;
  return async ({ ack, body, view, client }: ViewArgs): Promise<void> => {
    const rctx = forRequest(ctx, client);
    const teamId = body.team?.id ?? body.user.team_id;
    // The first input block shows a failure that is not the person's (Slack keeps what they typed).
    const firstBlock = view.blocks.find((b) => b.type === 'input')?.block_id ?? fallbackBlock;
    if (!teamId) {
      ctx.logger.warn({ view: view.callback_id }, 'view submission without a team id refused');
      await ack({ response_action: 'errors', errors: { [firstBlock]: t(ctx.config.defaultLocale, 'common.error_no_team') } });
      return;
    }
    let actor: Actor;
    try {
      actor = await ctx.services.people.resolve(teamId, body.user.id, { refresh: 'never' });
    } catch (err) {
      const database = failureOf(err).cause === 'unavailable';
      if (database) ctx.logger.warn({ err: String(err), view: view.callback_id }, 'database unavailable: the modal stays open');
      else ctx.logger.error({ err }, 'could not resolve the submitting user');
      await ack({ response_action: 'errors', errors: { [firstBlock]: t(ctx.config.defaultLocale, database ? 'common.error_database' : 'common.error_generic') } });
      return;
    }
    const values = view.state.values as StateValues;
    const privateMetadata = view.private_metadata ?? '';
    const read = spec.form.read(values, {
      only: spec.only?.(values, privateMetadata),
      check: spec.check ? (v, fail) => spec.check!(v, fail, privateMetadata) : undefined,
    });
    const input = read.value ? spec.read(read.value, privateMetadata) : null;
    if (!input) {
      const errors: BlockErrors = read.value ? { [fallbackBlock]: { key: 'common.error_not_found' } } : read.errors;
      await ack({ response_action: 'errors', errors: renderErrors(actor.locale, errors) });
      return;
    }
    let result: R;
    try {
      // view ids are unique per workspace: a retried or double submission of one modal saves once.
      result = await spec.save(actor, input, `view-${teamId}-${view.id}`);
    } catch (err) {
      const failure = failureOf(err);
      if (failure.cause === 'unavailable') ctx.logger.warn({ err: String(err), view: view.callback_id }, 'database unavailable: the modal stays open');
      else if (failure.cause === 'ours') ctx.logger.error({ err, view: view.callback_id }, 'saving a modal failed');
      // A field's message next to it; the database's on the first block; the rest on the fallback block.
      const errs: BlockErrors = failure.fields
        ? mapFieldErrors(failure.fields, spec.form.blockOf, fallbackBlock)
        : { [failure.cause === 'unavailable' ? firstBlock : fallbackBlock]: { key: failure.key } };
      await ack({ response_action: 'errors', errors: renderErrors(actor.locale, errs) });
      return;
    }
    await ack();
    await publishEventsOf(rctx, result);
    if (spec.after) {
      await spec.after(rctx, actor, result).catch((err) => ctx.logger.error({ err, view: view.callback_id }, 'after-save work failed'));
    }
  };
}
