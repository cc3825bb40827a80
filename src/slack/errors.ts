import { AdminUnconfirmedError, isDatabaseUnavailable, NotAllowedError, NotFoundError, ValidationError, type FieldError } from '../domain/errors';
import type { MessageKey } from '../i18n';

/**
 * The one mapping from an error to what the person reads (in the spirit of bolt-js's `ErrorCode`
 * and one `app.error`): the invocation runner replies with it, the modal path shows it on a block.
 * A failure the person caused names what to fix; one we caused is logged and says something went
 * wrong; an unreachable database asks them to try again in a minute.
 */
export interface Failure {
  /** The message of the whole failure (for a ValidationError, what shows when no field is named). */
  key: Extract<MessageKey, 'common.error_not_allowed' | 'common.error_not_found' | 'common.error_generic' | 'common.error_database' | 'common.error_admin_unconfirmed'>;
  /** Input the person can fix, per domain field (a ValidationError). */
  fields: Record<string, FieldError> | null;
  /** `ours`: a bug or an outage of ours, logged as an error; `unavailable`: the database, logged as a warning; `theirs`: not logged. */
  cause: 'theirs' | 'unavailable' | 'ours';
}

export function failureOf(err: unknown): Failure {
  if (err instanceof ValidationError) return { key: 'common.error_generic', fields: err.fields, cause: 'theirs' };
  if (isDatabaseUnavailable(err)) return { key: 'common.error_database', fields: null, cause: 'unavailable' };
  if (err instanceof AdminUnconfirmedError) return { key: 'common.error_admin_unconfirmed', fields: null, cause: 'theirs' };
  if (err instanceof NotAllowedError) return { key: 'common.error_not_allowed', fields: null, cause: 'theirs' };
  if (err instanceof NotFoundError) return { key: 'common.error_not_found', fields: null, cause: 'theirs' };
  return { key: 'common.error_generic', fields: null, cause: 'ours' };
}
