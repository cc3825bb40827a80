import { SLACK_CHANNEL_ID, SLACK_USER_ID } from '../../domain/vocabulary';
import type { FieldError } from '../../domain/errors';
import { t, type Locale } from '../../i18n';
import { isIsoDay, type IsoDay } from '../../time/dates';

/** view.state.values as Slack sends it. */
export type StateValues = Record<string, Record<string, StateValue>>;
export interface StateValue {
  type?: string;
  value?: string | null;
  selected_user?: string | null;
  selected_users?: string[] | null;
  selected_conversation?: string | null;
  selected_channel?: string | null;
  selected_date?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: { value: string }[] | null;
}

/** Field errors keyed by block_id, ready for `response_action: errors`. */
export type BlockErrors = Record<string, FieldError>;

export function renderErrors(locale: Locale, errors: BlockErrors): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [block, err] of Object.entries(errors)) out[block] = t(locale, err.key, err.vars);
  return out;
}

function get(values: StateValues, block: string, action: string): StateValue | undefined {
  return values?.[block]?.[action];
}

/** A reader of one submission that collects errors as it goes. */
export class FormReader {
  readonly errors: BlockErrors = {};
  constructor(private readonly values: StateValues) {}

  /** Free text, trimmed; null when empty. Checks required and maximum length. */
  text(block: string, action: string, opts: { required?: boolean; max: number }): string | null {
    const raw = get(this.values, block, action)?.value;
    const value = typeof raw === 'string' ? raw.trim() : '';
    if (!value) {
      if (opts.required) this.errors[block] = { key: 'common.error_required' };
      return null;
    }
    const length = Array.from(value).length;
    if (length > opts.max) {
      this.errors[block] = { key: 'common.error_too_long', vars: { max: opts.max, length } };
      return null;
    }
    return value;
  }

  /** A number typed as text: accepts 3,5 and 3.5, spaces as thousands separators, and a trailing %. */
  number(block: string, action: string, opts: { required?: boolean } = {}): number | null {
    const raw = get(this.values, block, action)?.value;
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (!text) {
      if (opts.required) this.errors[block] = { key: 'common.error_required' };
      return null;
    }
    const value = parseLocaleNumber(text);
    if (value === null) this.errors[block] = { key: 'common.error_not_number' };
    return value;
  }

  user(block: string, action: string, opts: { required?: boolean } = {}): string | null {
    const value = get(this.values, block, action)?.selected_user ?? null;
    if (!value && opts.required) this.errors[block] = { key: 'common.error_required' };
    return value && SLACK_USER_ID.test(value) ? value : value ? this.invalid(block) : null;
  }

  /** Several Slack users (multi_users_select); at most `max`, each a user id. */
  users(block: string, action: string, opts: { max?: number } = {}): string[] {
    const chosen = get(this.values, block, action)?.selected_users ?? [];
    if (chosen.some((v) => !SLACK_USER_ID.test(v)) || (opts.max !== undefined && chosen.length > opts.max)) {
      this.invalid(block);
      return [];
    }
    return [...new Set(chosen)];
  }

  conversation(block: string, action: string): string | null {
    const v = get(this.values, block, action);
    const value = v?.selected_conversation ?? v?.selected_channel ?? null;
    return value && SLACK_CHANNEL_ID.test(value) ? value : value ? this.invalid(block) : null;
  }

  /** One chosen option; `allowed` null when the options come from data (checked by the caller). */
  option<T extends string>(block: string, action: string, allowed: readonly T[] | null, opts: { required?: boolean } = {}): T | null {
    const value = get(this.values, block, action)?.selected_option?.value ?? null;
    if (value === null) {
      if (opts.required) this.errors[block] = { key: 'common.error_required' };
      return null;
    }
    if (allowed && !(allowed as readonly string[]).includes(value)) return this.invalid(block);
    return value as T;
  }

  date(block: string, action: string, opts: { required?: boolean } = {}): IsoDay | null {
    const value = get(this.values, block, action)?.selected_date ?? null;
    if (!value) {
      if (opts.required) this.errors[block] = { key: 'common.error_required' };
      return null;
    }
    if (!isIsoDay(value)) return this.invalid(block);
    return value;
  }

  /** Checkboxes or a multi-select: the chosen values, each one of `allowed` when given. */
  options(block: string, action: string, opts: { allowed?: readonly string[]; max?: number } = {}): string[] {
    const chosen = (get(this.values, block, action)?.selected_options ?? []).map((o) => o.value);
    if ((opts.allowed && chosen.some((v) => !opts.allowed!.includes(v))) || (opts.max !== undefined && chosen.length > opts.max)) {
      this.invalid(block);
      return [];
    }
    return chosen;
  }

  invalid(block: string): null {
    this.errors[block] = { key: 'common.error_invalid_option' };
    return null;
  }

  get ok(): boolean {
    return Object.keys(this.errors).length === 0;
  }
}

export function parseLocaleNumber(text: string): number | null {
  let s = text.replace(/[\s\u00a0\u202f]/g, '').replace(/%$/, '').replace(/^\+/, '').replace(/^−/, '-');
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) s = s.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d+,\d+$/.test(s)) s = s.replace(',', '.');
  else if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** Maps domain field names to block ids so domain validation lands on the right block. */
export function mapFieldErrors(fields: Record<string, FieldError>, blockOf: Record<string, string>, fallbackBlock: string): BlockErrors {
  const out: BlockErrors = {};
  for (const [field, err] of Object.entries(fields)) out[blockOf[field] ?? fallbackBlock] = err;
  return out;
}
