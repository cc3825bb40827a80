import type { Block, StateValues } from './api';

/**
 * Slack's `view.state.values` shapes, element by element (the contract's table): what the page
 * holds while a person types and what it sends with a submission or a block action.
 */

export type Option = { text: { type: string; text: string }; value: string; description?: unknown };

/** The element types whose value Slack keeps in state. */
export const STATEFUL = new Set([
  'plain_text_input', 'number_input', 'email_text_input', 'url_text_input', 'datepicker', 'timepicker', 'datetimepicker',
  'static_select', 'external_select', 'multi_static_select', 'users_select', 'multi_users_select',
  'conversations_select', 'multi_conversations_select', 'channels_select', 'multi_channels_select',
  'checkboxes', 'radio_buttons',
]);

/** The value an element starts with, from its `initial_*` fields, in state shape. */
export function initialValue(el: Block): Record<string, unknown> {
  const type = String(el.type);
  switch (type) {
    case 'plain_text_input':
    case 'number_input':
    case 'email_text_input':
    case 'url_text_input':
      return { type, value: el.initial_value ?? null };
    case 'datepicker':
      return { type, selected_date: el.initial_date ?? null };
    case 'timepicker':
      return { type, selected_time: el.initial_time ?? null };
    case 'datetimepicker':
      return { type, selected_date_time: el.initial_date_time ?? null };
    case 'static_select':
    case 'external_select':
    case 'radio_buttons':
      return { type, selected_option: el.initial_option ?? null };
    case 'multi_static_select':
    case 'checkboxes':
      return { type, selected_options: el.initial_options ?? [] };
    case 'users_select':
      return { type, selected_user: el.initial_user ?? null };
    case 'multi_users_select':
      return { type, selected_users: el.initial_users ?? [] };
    case 'conversations_select':
      return { type, selected_conversation: el.initial_conversation ?? null };
    case 'multi_conversations_select':
      return { type, selected_conversations: el.initial_conversations ?? [] };
    case 'channels_select':
      return { type, selected_channel: el.initial_channel ?? null };
    case 'multi_channels_select':
      return { type, selected_channels: el.initial_channels ?? [] };
    default:
      return { type };
  }
}

/** Whether a state value holds nothing (for a required input block). */
export function isEmpty(v: Record<string, unknown>): boolean {
  for (const [k, x] of Object.entries(v)) {
    if (k === 'type') continue;
    if (Array.isArray(x) ? x.length > 0 : x !== null && x !== undefined && x !== '') return false;
  }
  return true;
}

/** Every option of a select, flattening option groups. */
export function optionsOf(el: Block): Option[] {
  if (Array.isArray(el.options)) return el.options as Option[];
  if (Array.isArray(el.option_groups)) return (el.option_groups as { options: Option[] }[]).flatMap((g) => g.options ?? []);
  return [];
}

/** A block id for blocks the app sent without one (Slack makes one up; the page keeps it stable per position). */
export const blockIdOf = (block: Block, index: number) => (typeof block.block_id === 'string' ? block.block_id : `b${index}`);

/** The stateful elements of a view's blocks: input blocks' elements, and stateful accessories and actions. */
export function statefulElements(blocks: Block[]): { blockId: string; el: Block; input: boolean; optional: boolean }[] {
  const out: { blockId: string; el: Block; input: boolean; optional: boolean }[] = [];
  blocks.forEach((b, i) => {
    const blockId = blockIdOf(b, i);
    if (b.type === 'input' && b.element) out.push({ blockId, el: b.element, input: true, optional: b.optional === true });
    else if (b.type === 'section' && b.accessory && STATEFUL.has(b.accessory.type)) out.push({ blockId, el: b.accessory, input: false, optional: true });
    else if (b.type === 'actions') for (const el of b.elements ?? []) if (STATEFUL.has(el.type)) out.push({ blockId, el, input: false, optional: true });
  });
  return out;
}

/** A view's state: what was typed (drafts) over the initial values, for every stateful element it shows. */
export function viewState(blocks: Block[], drafts: StateValues): StateValues {
  const values: StateValues = {};
  for (const { blockId, el } of statefulElements(blocks)) {
    const actionId = String(el.action_id ?? '');
    const draft = drafts[blockId]?.[actionId];
    (values[blockId] ??= {})[actionId] = draft && draft.type === el.type ? draft : initialValue(el);
  }
  return values;
}
