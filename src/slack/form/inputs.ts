import type { KnownBlock, PlainTextOption } from '@slack/types';
import { Limits, plain } from '../blocks';

/** Input blocks shared by the step modals. */
export function textInput(
  blockId: string,
  actionId: string,
  label: string,
  opts: { optional?: boolean; multiline?: boolean; max: number; placeholder?: string; hint?: string; initial?: string | null },
): KnownBlock {
  return {
    type: 'input',
    block_id: blockId,
    optional: opts.optional ?? false,
    label: plain(label, Limits.label),
    ...(opts.hint ? { hint: plain(opts.hint, Limits.label) } : {}),
    element: {
      type: 'plain_text_input',
      action_id: actionId,
      multiline: opts.multiline ?? false,
      max_length: opts.max,
      ...(opts.placeholder ? { placeholder: plain(opts.placeholder, Limits.placeholder) } : {}),
      ...(opts.initial ? { initial_value: Array.from(opts.initial).slice(0, opts.max).join('') } : {}),
    },
  };
}

export function dateInput(blockId: string, actionId: string, label: string, opts: { optional?: boolean; initial?: string | null; hint?: string } = {}): KnownBlock {
  return {
    type: 'input',
    block_id: blockId,
    optional: opts.optional ?? false,
    label: plain(label, Limits.label),
    ...(opts.hint ? { hint: plain(opts.hint, Limits.label) } : {}),
    element: { type: 'datepicker', action_id: actionId, ...(opts.initial ? { initial_date: opts.initial } : {}) },
  };
}

export function radioInput(
  blockId: string,
  actionId: string,
  label: string,
  options: PlainTextOption[],
  opts: { optional?: boolean; initial?: PlainTextOption | null } = {},
): KnownBlock {
  return {
    type: 'input',
    block_id: blockId,
    optional: opts.optional ?? false,
    label: plain(label, Limits.label),
    element: { type: 'radio_buttons', action_id: actionId, options, ...(opts.initial ? { initial_option: opts.initial } : {}) },
  };
}

export function selectInput(
  blockId: string,
  actionId: string,
  label: string,
  options: PlainTextOption[],
  opts: { optional?: boolean; initial?: PlainTextOption | null; hint?: string; radio?: boolean } = {},
): KnownBlock {
  return {
    type: 'input',
    block_id: blockId,
    optional: opts.optional ?? false,
    label: plain(label, Limits.label),
    ...(opts.hint ? { hint: plain(opts.hint, Limits.label) } : {}),
    element: {
      type: opts.radio ? 'radio_buttons' : 'static_select',
      action_id: actionId,
      options: options.slice(0, opts.radio ? 10 : 100),
      ...(opts.initial ? { initial_option: opts.initial } : {}),
    },
  } as KnownBlock;
}

export function userInput(blockId: string, actionId: string, label: string, initialUser: string | null): KnownBlock {
  return {
    type: 'input',
    block_id: blockId,
    label: plain(label, Limits.label),
    element: { type: 'users_select', action_id: actionId, ...(initialUser ? { initial_user: initialUser } : {}) },
  };
}


