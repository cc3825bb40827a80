import type { ModalView } from '@slack/types';
import type { Fields, Form } from '../../src/slack/form/fields';

/** Every block_id → action_id pair of a form, as Slack holds them in an open modal. */
export function idPairs<F extends Fields>(form: Form<F>): Record<string, string> {
  return Object.fromEntries(Object.values(form.ids).map((ids) => [ids.block, ids.action]));
}

/** The text inputs of a view: block, action and the max_length Slack enforces. */
export function textInputsOf(view: ModalView): { block: string; action: string; max: number }[] {
  const out: { block: string; action: string; max: number }[] = [];
  for (const b of view.blocks as { type: string; block_id?: string; element?: { type: string; action_id: string; max_length?: number } }[]) {
    if (b.type === 'input' && b.element?.type === 'plain_text_input') out.push({ block: b.block_id!, action: b.element.action_id, max: b.element.max_length! });
  }
  return out;
}

/**
 * For each text input of `view`: the reader accepts exactly `max_length` characters and refuses one
 * more with "too long" — the element and the reader enforce the same limit. Returns the limits seen.
 */
export function expectSameLimits<F extends Fields>(form: Form<F>, view: ModalView): Record<string, number> {
  const seen: Record<string, number> = {};
  for (const input of textInputsOf(view)) {
    const name = (Object.keys(form.ids) as (keyof F)[]).find((n) => form.ids[n].block === input.block);
    expect([input.block, name !== undefined]).toEqual([input.block, true]);
    expect(form.ids[name!].action).toBe(input.action);
    const read = (value: string) => form.read({ [input.block]: { [input.action]: { type: 'plain_text_input', value } } }, { only: [name!] });
    expect([input.block, read('é'.repeat(input.max)).errors[input.block]]).toEqual([input.block, undefined]);
    expect([input.block, read('é'.repeat(input.max + 1)).errors[input.block]?.key]).toEqual([input.block, 'common.error_too_long']);
    seen[input.block] = input.max;
  }
  return seen;
}
