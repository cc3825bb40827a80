import type { Form, Fields } from '../../src/slack/form/fields';
import type { Translate } from '../../src/i18n';

/** The element of a field's input block, as the modal shows it. */
export function elementOf<F extends Fields>(form: Form<F>, name: keyof F, tr: Translate): { type: string; action_id: string; max_length?: number } {
  const block = form.block(name, tr) as unknown as { block_id: string; element: { type: string; action_id: string; max_length?: number } };
  return block.element;
}

/**
 * For each free-text field: the modal's `max_length` is the reader's limit — the longest text
 * passes, one character more is refused with the limit in the message.
 */
export function textLimits<F extends Fields>(form: Form<F>, tr: Translate): { name: string; maxLength: number | undefined; longestOk: boolean; oneMoreRefused: boolean }[] {
  const out = [];
  for (const name of Object.keys(form.fields) as (keyof F & string)[]) {
    const el = elementOf(form, name, tr);
    if (el.type !== 'plain_text_input' || el.max_length === undefined) continue;
    const ids = form.ids[name];
    const read = (value: string) => form.read({ [ids.block]: { [ids.action]: { type: 'plain_text_input', value } } }, { only: [name] });
    // A number field (typed as text) is parsed, not cut: its max_length is NUMBER_MAX, checked apart.
    if (typeof read('1').value?.[name] === 'number') continue;
    const longest = read('1'.repeat(el.max_length));
    const tooLong = read('1'.repeat(el.max_length + 1));
    const err = tooLong.errors[ids.block];
    out.push({
      name,
      maxLength: el.max_length,
      longestOk: longest.value?.[name] === '1'.repeat(el.max_length),
      oneMoreRefused: err?.key === 'common.error_too_long' && err.vars?.max === el.max_length,
    });
  }
  return out;
}
