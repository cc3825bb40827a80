import type { MessageKey, Vars } from '../i18n';

export interface FieldError {
  key: MessageKey;
  vars?: Vars;
}

/** Input the user can fix: one message per field, shown next to that field. */
export class ValidationError extends Error {
  constructor(public readonly fields: Record<string, FieldError>) {
    super(`invalid input: ${Object.keys(fields).join(', ')}`);
  }
}

/** The person asking may not see or change this record. */
export class NotAllowedError extends Error {
  constructor(what = 'record') {
    super(`not allowed: ${what}`);
  }
}

/** The record is gone (deleted, or an old button points at it). */
export class NotFoundError extends Error {
  constructor(what = 'record') {
    super(`not found: ${what}`);
  }
}

/** An admin-only action was asked for, and Slack could not confirm now that the person is an admin. */
export class AdminUnconfirmedError extends NotAllowedError {
  constructor() {
    super('admin status could not be confirmed with Slack');
  }
}

/**
 * Someone else changed the record between the moment the form was opened and this save (or in the
 * same instant). A ValidationError on the `reason` field, so the generic modal path answers
 * `response_action: errors` and the modal stays open with what the person typed.
 */
export class EditConflictError extends ValidationError {
  constructor(
    public readonly what: string,
    field = 'reason',
  ) {
    super({ [field]: { key: 'goal_edit.error_conflict' } });
    this.message = `edit conflict: ${what}`;
  }
}

/** PostgreSQL cannot be reached (refused, timed out): the person is told to try again in a minute. */
export { isDatabaseUnavailable } from '../data/availability';
