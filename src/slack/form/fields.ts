import type { KnownBlock, PlainTextOption } from '@slack/types';
import type { FieldError } from '../../domain/errors';
import type { MessageKey, Translate, Vars } from '../../i18n';
import type { IsoDay } from '../../time/dates';
import { Limits, option, plain, truncate } from '../blocks';
import { FormReader, mapFieldErrors, type BlockErrors, type StateValues } from './reader';

/**
 * A form's fields, described once. From one description follow the block and action ids
 * (`<feature>_<stem>_block` / `_input`), the input block with its label and `max_length`, the
 * reader with its validation, and the domain-field → block map for errors the domain finds.
 *
 *   const fields = defineForm('goal', {
 *     title: text({ label: 'goal.goal_title', max: 150, required: true }),
 *     targetDate: date({ label: 'goal.target_date', stem: 'target_date' }),
 *   });
 *   fields.block('title', tr)           // the input block
 *   fields.read(view.state.values)      // { value: { title: string, targetDate: IsoDay | null }, errors }
 */

export interface FieldIds {
  block: string;
  action: string;
}

/** What a view may add when it renders a field. */
export interface RenderOptions<T> {
  initial?: T | null;
  /** A number's initial text as the reader writes it (3,5 in bokmål). */
  initialText?: string | null;
  /** The choices of a select whose options come from data (goals, milestones, questions). */
  options?: PlainTextOption[];
  /** A label computed at render time (a unit, a goal's title), instead of the described one. */
  label?: string;
  hint?: string;
  /** Updates the view when the value changes (Slack's `dispatch_action`). */
  dispatch?: boolean;
}

export interface FieldSpec {
  label: MessageKey;
  labelVars?: Vars;
  hint?: MessageKey;
  placeholder?: MessageKey;
  required?: boolean;
  /** The id stem when it is not the field's name in snake_case (keeps ids Slack already holds). */
  stem?: string;
}

export interface Field<T, R extends boolean = boolean> {
  readonly spec: FieldSpec;
  readonly required: R;
  input(ids: FieldIds, tr: Translate, opts: RenderOptions<T>): KnownBlock;
  read(f: FormReader, ids: FieldIds): T | null;
}


function inputBlock(ids: FieldIds, tr: Translate, spec: FieldSpec, opts: RenderOptions<unknown>, element: Record<string, unknown>): KnownBlock {
  const hint = opts.hint ?? (spec.hint ? tr(spec.hint) : undefined);
  return {
    type: 'input',
    block_id: ids.block,
    optional: !spec.required,
    ...(opts.dispatch ? { dispatch_action: true } : {}),
    label: plain(opts.label ?? tr(spec.label, spec.labelVars), Limits.label),
    ...(hint ? { hint: plain(hint, Limits.label) } : {}),
    element: { action_id: ids.action, ...element },
  } as KnownBlock;
}

const placeholderOf = (tr: Translate, spec: FieldSpec) => (spec.placeholder ? { placeholder: plain(tr(spec.placeholder), Limits.placeholder) } : {});

/** Free text, trimmed; `max` is both the element's `max_length` and the reader's check. */
export function text<const R extends boolean = false>(spec: FieldSpec & { required?: R; max: number; multiline?: boolean }): Field<string, R> {
  return {
    spec,
    required: !!spec.required as R,
    input: (ids, tr, opts) =>
      inputBlock(ids, tr, spec, opts, {
        type: 'plain_text_input',
        multiline: spec.multiline ?? false,
        max_length: spec.max,
        ...placeholderOf(tr, spec),
        ...(opts.initial ? { initial_value: Array.from(opts.initial).slice(0, spec.max).join('') } : {}),
      }),
    read: (f, ids) => f.text(ids.block, ids.action, { required: spec.required, max: spec.max }),
  };
}

/** The longest number a person types (digits, separators, sign, %). */
export const NUMBER_MAX = 30;

/** A number typed as text: 3,5 · 3.5 · 1 000 · 40 %. */
export function number<const R extends boolean = false>(spec: FieldSpec & { required?: R }): Field<number, R> {
  return {
    spec,
    required: !!spec.required as R,
    input: (ids, tr, opts) =>
      inputBlock(ids, tr, spec, opts, {
        type: 'plain_text_input',
        multiline: false,
        max_length: NUMBER_MAX,
        ...placeholderOf(tr, spec),
        ...(opts.initialText ? { initial_value: opts.initialText } : opts.initial !== undefined && opts.initial !== null ? { initial_value: String(opts.initial) } : {}),
      }),
    read: (f, ids) => f.number(ids.block, ids.action, { required: spec.required }),
  };
}

export function date<const R extends boolean = false>(spec: FieldSpec & { required?: R }): Field<IsoDay, R> {
  return {
    spec,
    required: !!spec.required as R,
    input: (ids, tr, opts) => inputBlock(ids, tr, spec, opts, { type: 'datepicker', ...(opts.initial ? { initial_date: opts.initial } : {}) }),
    read: (f, ids) => f.date(ids.block, ids.action, { required: spec.required }),
  };
}

/** A Slack user (users_select); the value is the user id. */
export function user<const R extends boolean = false>(spec: FieldSpec & { required?: R }): Field<string, R> {
  return {
    spec,
    required: !!spec.required as R,
    input: (ids, tr, opts) => inputBlock(ids, tr, spec, opts, { type: 'users_select', ...(opts.initial ? { initial_user: opts.initial } : {}) }),
    read: (f, ids) => f.user(ids.block, ids.action, { required: spec.required }),
  };
}

/** Several Slack users (multi_users_select); the value is their user ids, at most `max`. */
export function users<const R extends boolean = false>(spec: FieldSpec & { required?: R; max: number }): Field<string[], R> {
  return {
    spec,
    required: !!spec.required as R,
    input: (ids, tr, opts) =>
      inputBlock(ids, tr, spec, opts, { type: 'multi_users_select', max_selected_items: spec.max, ...(opts.initial && opts.initial.length > 0 ? { initial_users: opts.initial } : {}) }),
    read: (f, ids) => f.users(ids.block, ids.action, { max: spec.max }),
  };
}

/** A public or private channel (conversations_select); the value is the channel id. */
export function channel<const R extends boolean = false>(spec: FieldSpec & { required?: R }): Field<string, R> {
  return {
    spec,
    required: !!spec.required as R,
    input: (ids, tr, opts) =>
      inputBlock(ids, tr, spec, opts, {
        type: 'conversations_select',
        filter: { include: ['public', 'private'], exclude_bot_users: true, exclude_external_shared_channels: true },
        ...(opts.initial ? { initial_conversation: opts.initial } : {}),
      }),
    read: (f, ids) => f.conversation(ids.block, ids.action),
  };
}

/** The options of a choice field: given at render time, or its fixed values named in the reader's language. */
function choicesOf<V extends string>(tr: Translate, spec: { values?: readonly V[]; optionText?: (tr: Translate, v: V) => string }, given: PlainTextOption[] | undefined): PlainTextOption[] {
  return given ?? (spec.values ?? []).map((v) => option(spec.optionText ? spec.optionText(tr, v) : v, v));
}

/**
 * One choice of a fixed set (static_select, or radio buttons). `values` are what the reader accepts;
 * `optionText` names each one in the reader's language. Options computed from data are passed at
 * render time (`opts.options`) and then `values` may be a check instead (`accepts`).
 */
export function select<const V extends string, const R extends boolean = false>(
  spec: FieldSpec & { required?: R; values?: readonly V[]; accepts?: (v: string) => boolean; optionText?: (tr: Translate, v: V) => string; radio?: boolean; initial?: V },
): Field<V, R> {
  return {
    spec,
    required: !!spec.required as R,
    input: (ids, tr, opts) => {
      const options = choicesOf(tr, spec, opts.options).slice(0, spec.radio ? 10 : 100);
      const wanted: string | null = opts.initial ?? spec.initial ?? null;
      const initial = wanted === null ? undefined : options.find((o) => o.value === truncate(wanted, Limits.optionValue));
      return inputBlock(ids, tr, spec, opts, {
        type: spec.radio ? 'radio_buttons' : 'static_select',
        options,
        ...(!spec.radio ? placeholderOf(tr, spec) : {}),
        ...(initial ? { initial_option: initial } : {}),
      });
    },
    read: (f, ids) => {
      if (spec.values) return f.option(ids.block, ids.action, spec.values, { required: spec.required });
      const v = f.option(ids.block, ids.action, null, { required: spec.required });
      if (v !== null && spec.accepts && !spec.accepts(v)) return f.invalid(ids.block);
      return v as V | null;
    },
  };
}

/**
 * Several choices: checkboxes (fixed `values`) or a multi-select whose options come from data.
 * The value is the chosen values, never null (an empty list when none).
 */
export function multi<const V extends string, const R extends boolean = false>(
  spec: FieldSpec & { required?: R; values?: readonly V[]; accepts?: (v: string) => boolean; optionText?: (tr: Translate, v: V) => string; checkboxes?: boolean; max?: number },
): Field<V[], R> {
  return {
    spec,
    required: !!spec.required as R,
    input: (ids, tr, opts) => {
      // Slack refuses an initial option that is not among the options shown: cut first, then pick.
      const options = choicesOf(tr, spec, opts.options).slice(0, spec.checkboxes ? 10 : 100);
      const chosen = new Set<string>(opts.initial ?? []);
      const initial = options.filter((o) => o.value !== undefined && chosen.has(o.value));
      return inputBlock(ids, tr, spec, opts, {
        type: spec.checkboxes ? 'checkboxes' : 'multi_static_select',
        options,
        ...(!spec.checkboxes ? placeholderOf(tr, spec) : {}),
        ...(!spec.checkboxes && spec.max ? { max_selected_items: spec.max } : {}),
        ...(initial.length ? { initial_options: initial } : {}),
      });
    },
    read: (f, ids) => {
      const chosen = f.options(ids.block, ids.action, { allowed: spec.values, max: spec.max }) as V[];
      if (spec.accepts && chosen.some((v) => !spec.accepts!(v))) return f.invalid(ids.block) ?? [];
      if (spec.required && chosen.length === 0) f.errors[ids.block] = { key: 'common.error_required' };
      return chosen;
    },
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyField = Field<any, boolean>;
export type Fields = Record<string, AnyField>;
type ValueOf<F> = F extends Field<infer T, infer R> ? (R extends true ? T : T | null) : never;
/** What a form reads, once every required field is there. */
export type FormValues<F extends Fields> = { [K in keyof F]: ValueOf<F[K]> };

const snake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Za-z])(\d)/g, '$1_$2').toLowerCase();

export interface Form<F extends Fields> {
  readonly feature: string;
  readonly fields: F;
  readonly ids: { readonly [K in keyof F]: FieldIds };
  /** Domain field name → block id (every field under its own name, plus `aliases`). */
  readonly blockOf: Record<string, string>;
  /** The input block of one field. */
  block<K extends keyof F>(name: K, tr: Translate, opts?: RenderOptions<F[K] extends Field<infer T> ? T : never>): KnownBlock;
  /** The input blocks of the named fields (or all), in the given (or declared) order. */
  blocks(tr: Translate, opts?: { [K in keyof F]?: RenderOptions<F[K] extends Field<infer T> ? T : never> }, names?: (keyof F)[]): KnownBlock[];
  /**
   * Reads the submitted state. `only` limits it to the fields the view showed; `check` adds rules
   * that span fields (it may add errors with `fail`). `value` is null when any field has an error.
   */
  read(values: StateValues, opts?: { only?: (keyof F)[]; check?: (v: FormValues<F>, fail: (name: keyof F, err: FieldError) => void) => void }): { value: FormValues<F> | null; errors: BlockErrors };
  /** An error shown on one field's block. */
  error(name: keyof F, err: FieldError): BlockErrors;
  /** Domain validation errors (by domain field name) → errors by block; unknown fields land on `fallback`. */
  mapErrors(fields: Record<string, FieldError>, fallback: keyof F): BlockErrors;
}

/**
 * The fields of one form. `aliases` maps a domain field name that differs from the form's
 * (e.g. the domain's `leader` for the form's `leaderUserId`) to a field of the form.
 */
export function defineForm<F extends Fields>(feature: string, fields: F, aliases: Record<string, keyof F> = {}): Form<F> {
  const ids = {} as { [K in keyof F]: FieldIds };
  const blockOf: Record<string, string> = {};
  for (const [name, field] of Object.entries(fields)) {
    const stem = field.spec.stem ?? snake(name);
    ids[name as keyof F] = { block: `${feature}_${stem}_block`, action: `${feature}_${stem}_input` };
    blockOf[name] = ids[name as keyof F].block;
  }
  for (const [alias, name] of Object.entries(aliases)) blockOf[alias] = ids[name].block;
  const form: Form<F> = {
    feature,
    fields,
    ids,
    blockOf,
    block: (name, tr, opts = {}) => fields[name].input(ids[name], tr, opts),
    blocks: (tr, opts = {}, names) =>
      (names ?? (Object.keys(fields) as (keyof F)[])).map((name) => fields[name].input(ids[name], tr, (opts[name] ?? {}) as RenderOptions<unknown>)),
    read(values, opts = {}) {
      const f = new FormReader(values);
      const names = opts.only ?? (Object.keys(fields) as (keyof F)[]);
      const out: Record<string, unknown> = {};
      for (const name of Object.keys(fields)) out[name] = null;
      for (const name of names) out[name as string] = fields[name].read(f, ids[name]);
      const missing = names.some((n) => fields[n].required && (out[n as string] === null || out[n as string] === undefined));
      if (f.ok && !missing && opts.check) opts.check(out as FormValues<F>, (name, err) => (f.errors[ids[name].block] = err));
      if (!f.ok || missing) return { value: null, errors: f.errors };
      return { value: out as FormValues<F>, errors: {} };
    },
    error: (name, err) => ({ [ids[name].block]: err }),
    mapErrors: (domainFields, fallback) => mapFieldErrors(domainFields, blockOf, ids[fallback].block),
  };
  return form;
}

/** Numbered copies of a group of fields, named `<name><i>` (milestone1…milestone5); `group` gives each its stem. */
export function repeat<const N extends readonly number[], F extends Fields>(numbers: N, group: (i: number) => F): { [K in keyof F as `${K & string}${N[number]}`]: F[K] } {
  const out: Fields = {};
  for (const i of numbers) for (const [name, field] of Object.entries(group(i))) out[`${name}${i}`] = field;
  return out as { [K in keyof F as `${K & string}${N[number]}`]: F[K] };
}

/** 0…n-1 as a tuple type, for `repeat` of groups numbered from 0 (evaluate_assessment_0…). */
export function indices<const N extends number>(n: N): Indices<N> {
  return Array.from({ length: n }, (_, i) => i) as unknown as Indices<N>;
}
type Indices<N extends number, Acc extends number[] = []> = Acc['length'] extends N ? Acc : Indices<N, [...Acc, Acc['length']]>;

/** 1…n as a tuple type, for `repeat`. */
export function numbers<const N extends number>(n: N): Range<N> {
  return Array.from({ length: n }, (_, i) => i + 1) as unknown as Range<N>;
}
type Range<N extends number, Acc extends number[] = []> = Acc['length'] extends N ? Acc : Range<N, [...Acc, [...Acc, 0]['length'] & number]>;
