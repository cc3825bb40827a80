import type { Translate } from '../../i18n';
import { fileUrl, type Block, type Channel, type FileInfo, type Person, type StateValues } from './api';
import { h, rich, uid, type Child } from './dom';
import { mrkdwnToHtml, plainToHtml, type MrkdwnContext } from './mrkdwn';
import { blockIdOf, initialValue, optionsOf, type Option } from './values';

/** Where blocks are shown: a message (channel, ts), the Home tab, or a modal (view id). */
export interface Surface {
  where: 'message' | 'home' | 'modal';
  channel?: string;
  ts?: string;
  viewId?: string;
  ephemeral?: boolean;
}

export interface Confirm {
  title?: { text: string };
  text?: { type: string; text: string };
  confirm?: { text: string };
  deny?: { text: string };
  style?: string;
}

export interface RenderContext {
  tr: Translate;
  md: MrkdwnContext;
  people: Person[];
  channels: Channel[];
  files: Record<string, FileInfo>;
  /** Sends a block action (SERVER builds Slack's block_actions payload). */
  act(surface: Surface, action: Record<string, unknown>): void;
  confirm(c: Confirm): Promise<boolean>;
  /** A modal's typed values (by block and action id) and its errors by block id. */
  draft?: { values: StateValues; errors: Record<string, string>; set(blockId: string, actionId: string, v: Record<string, unknown>): void };
}

/** Slack text object → HTML element. */
export function textEl(ctx: RenderContext, t: { type?: string; text?: string } | undefined, className = 'text'): HTMLElement {
  const text = t?.text ?? '';
  return rich('div', className, t?.type === 'mrkdwn' ? mrkdwnToHtml(text, ctx.md) : plainToHtml(text));
}

const plainText = (t: { text?: string } | undefined) => t?.text ?? '';
const actionTs = () => (Date.now() / 1000).toFixed(6);

function imageSrc(ctx: RenderContext, el: Block): string {
  if (typeof el.image_url === 'string') return el.image_url;
  const file = el.slack_file as { id?: string; url?: string } | undefined;
  if (file?.id) return fileUrl(file.id, ctx.files[file.id]);
  return file?.url ?? '';
}

/** Blocks → elements. */
export function renderBlocks(blocks: Block[], surface: Surface, ctx: RenderContext): HTMLElement {
  return h('div', { class: 'blocks' }, blocks.map((b, i) => renderBlock(b, blockIdOf(b, i), surface, ctx)));
}

function renderBlock(b: Block, blockId: string, surface: Surface, ctx: RenderContext): Child {
  switch (b.type) {
    case 'section': {
      const fields = Array.isArray(b.fields) ? h('div', { class: 'section-fields' }, b.fields.map((f: Block) => textEl(ctx, f, 'text field'))) : null;
      return h(
        'div',
        { class: 'block section', 'data-block-id': blockId },
        h('div', { class: 'section-main' }, b.text ? textEl(ctx, b.text) : null, fields),
        b.accessory ? h('div', { class: 'accessory' }, renderElement(b.accessory, blockId, surface, ctx)) : null,
      );
    }
    case 'header':
      return h('h3', { class: 'block header', 'data-block-id': blockId }, plainText(b.text));
    case 'divider':
      return h('hr', { class: 'block divider' });
    case 'context':
      return h(
        'div',
        { class: 'block context', 'data-block-id': blockId },
        (b.elements ?? []).map((e: Block) => (e.type === 'image' ? h('img', { class: 'context-image', src: imageSrc(ctx, e), alt: e.alt_text ?? '' }) : textEl(ctx, e, 'text context-text'))),
      );
    case 'image': {
      const src = imageSrc(ctx, b);
      const fileId = (b.slack_file as { id?: string } | undefined)?.id;
      return h(
        'figure',
        { class: 'block image', 'data-block-id': blockId },
        b.title ? h('figcaption', {}, plainText(b.title)) : null,
        h('a', { href: fileId ? fileUrl(fileId, ctx.files[fileId]) : src, target: '_blank', rel: 'noopener' }, h('img', { src, alt: b.alt_text ?? '', loading: 'lazy' })),
      );
    }
    case 'actions':
      return h('div', { class: 'block actions', 'data-block-id': blockId, role: 'group' }, (b.elements ?? []).map((e: Block) => renderElement(e, blockId, surface, ctx)));
    case 'input':
      return renderInput(b, blockId, surface, ctx);
    case 'rich_text':
      return h('div', { class: 'block rich-text', 'data-block-id': blockId }, (b.elements ?? []).map((e: Block) => richText(e, ctx)));
    case 'file':
      return h('div', { class: 'block file' }, fileCard(ctx, String(b.file_id ?? '')));
    default:
      return h('div', { class: 'block unknown' }, `[${String(b.type)}]`);
  }
}

/** rich_text: sections, lists, quotes and preformatted text with styled runs. */
function richText(e: Block, ctx: RenderContext): Child {
  const runs = (els: Block[]): Child[] =>
    (els ?? []).map((r) => {
      let node: HTMLElement;
      if (r.type === 'link') node = h('a', { href: r.url, target: '_blank', rel: 'noopener noreferrer' }, r.text ?? r.url);
      else if (r.type === 'user') node = h('span', { class: 'mention' }, `@${ctx.md.userName(r.user_id) ?? r.user_id}`);
      else if (r.type === 'channel') node = h('span', { class: 'mention channel' }, `#${ctx.md.channelName(r.channel_id) ?? r.channel_id}`);
      else if (r.type === 'emoji') node = h('span', {}, r.unicode ? String.fromCodePoint(...String(r.unicode).split('-').map((x) => parseInt(x, 16))) : `:${r.name}:`);
      else node = h('span', {}, String(r.text ?? ''));
      const s = r.style ?? {};
      if (s.code) node = h('code', {}, node);
      if (s.bold) node = h('b', {}, node);
      if (s.italic) node = h('i', {}, node);
      if (s.strike) node = h('s', {}, node);
      return node;
    });
  switch (e.type) {
    case 'rich_text_list': {
      const tag = e.style === 'ordered' ? 'ol' : 'ul';
      return h(tag, { class: `rt-list indent-${e.indent ?? 0}` }, (e.elements ?? []).map((item: Block) => h('li', {}, runs(item.elements))));
    }
    case 'rich_text_quote':
      return h('blockquote', {}, runs(e.elements));
    case 'rich_text_preformatted':
      return h('pre', { class: 'code-block' }, runs(e.elements));
    default:
      return h('div', { class: 'rt-section' }, runs(e.elements));
  }
}

export function fileCard(ctx: RenderContext, id: string): HTMLElement {
  const info = ctx.files[id];
  const name = info?.title || info?.name || id;
  return h(
    'div',
    { class: 'file-card' },
    info?.isImage ? h('a', { href: fileUrl(id, info), target: '_blank', rel: 'noopener' }, h('img', { src: fileUrl(id, info), alt: name })) : null,
    h('div', { class: 'file-meta' }, h('span', { class: 'file-icon', 'aria-hidden': 'true' }, '📄'), h('span', { class: 'file-name' }, name), h('a', { class: 'file-download', href: fileUrl(id, info, true), download: info?.name ?? id }, ctx.tr('page.download'))),
  );
}

/** Runs `then` after the element's confirm dialog (if any) is accepted. */
function withConfirm(ctx: RenderContext, el: Block, then: () => void): void {
  if (!el.confirm) return then();
  void ctx.confirm(el.confirm as Confirm).then((ok) => ok && then());
}

/** Interactive elements outside input blocks (buttons, overflow, selects, date pickers…). */
function renderElement(el: Block, blockId: string, surface: Surface, ctx: RenderContext): Child {
  const base = { type: el.type, action_id: el.action_id, block_id: blockId };
  switch (el.type) {
    case 'button': {
      const key = `${surface.where}:${surface.ts ?? surface.viewId ?? ''}:${blockId}:${el.action_id}`;
      return h(
        'button',
        {
          type: 'button',
          class: `sk-button ${el.style ?? ''}`,
          'data-key': key,
          'data-action-id': el.action_id,
          'aria-label': el.accessibility_label,
          onclick: () =>
            withConfirm(ctx, el, () => {
              if (typeof el.url === 'string') window.open(el.url, '_blank', 'noopener');
              ctx.act(surface, { ...base, text: el.text, value: el.value, style: el.style, action_ts: actionTs() });
            }),
        },
        plainText(el.text),
      );
    }
    case 'overflow':
      return overflow(el, blockId, surface, ctx);
    case 'image':
      return h('img', { class: 'accessory-image', src: imageSrc(ctx, el), alt: el.alt_text ?? '' });
    default:
      if (surface.where === 'modal' && ctx.draft) return stateful(el, blockId, surface, ctx, true);
      return stateful(el, blockId, surface, ctx, true);
  }
}

/** The ⋮ menu. */
function overflow(el: Block, blockId: string, surface: Surface, ctx: RenderContext): HTMLElement {
  const menuId = uid('menu');
  const menu = h('ul', { class: 'menu', role: 'menu', id: menuId, hidden: true });
  const button = h('button', { type: 'button', class: 'sk-button overflow', 'aria-haspopup': 'menu', 'aria-expanded': 'false', 'aria-controls': menuId, 'aria-label': ctx.tr('page.more_actions'), 'data-action-id': el.action_id }, '⋮');
  const close = (focus: boolean) => {
    menu.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    document.removeEventListener('click', outside, true);
    if (focus) button.focus();
  };
  const outside = (ev: Event) => {
    if (!wrap.contains(ev.target as Node)) close(false);
  };
  const items = optionsOf(el).map((o) =>
    h(
      'li',
      { role: 'none' },
      h(
        'button',
        {
          type: 'button',
          role: 'menuitem',
          tabindex: '-1',
          onclick: () => {
            close(true);
            withConfirm(ctx, el, () => ctx.act(surface, { type: 'overflow', action_id: el.action_id, block_id: blockId, selected_option: o, action_ts: actionTs() }));
          },
        },
        plainText(o.text),
      ),
    ),
  );
  menu.append(...items);
  menu.addEventListener('keydown', (ev) => {
    const buttons = [...menu.querySelectorAll('button')];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (ev.key === 'ArrowDown') buttons[(i + 1) % buttons.length]?.focus();
    else if (ev.key === 'ArrowUp') buttons[(i - 1 + buttons.length) % buttons.length]?.focus();
    else if (ev.key === 'Escape') {
      ev.stopPropagation();
      close(true);
    } else return;
    ev.preventDefault();
  });
  button.addEventListener('click', () => {
    if (!menu.hidden) return close(false);
    menu.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    (menu.querySelector('button') as HTMLButtonElement | null)?.focus();
    document.addEventListener('click', outside, true);
  });
  const wrap = h('div', { class: 'overflow-wrap' }, button, menu);
  return wrap;
}

/** Input blocks (modals): label, element, hint, and the error the app answered for this block. */
function renderInput(b: Block, blockId: string, surface: Surface, ctx: RenderContext): HTMLElement {
  const el = b.element ?? {};
  const id = uid('input');
  const error = ctx.draft?.errors[blockId];
  const errorId = error ? `${id}-error` : undefined;
  const hintId = b.hint ? `${id}-hint` : undefined;
  const group = ['checkboxes', 'radio_buttons'].includes(el.type);
  const label = h(group ? 'legend' : 'label', group ? { class: 'input-label' } : { class: 'input-label', for: id }, plainText(b.label), b.optional ? h('span', { class: 'optional' }, ` (${optionalWord(ctx)})`) : null);
  const control = stateful(el, blockId, surface, ctx, b.dispatch_action === true, { id, describedBy: [hintId, errorId].filter(Boolean).join(' ') || undefined, invalid: !!error, required: !b.optional, labelText: plainText(b.label) });
  return h(
    group ? 'fieldset' : 'div',
    { class: `block input${error ? ' has-error' : ''}`, 'data-block-id': blockId },
    label,
    control,
    error ? h('div', { class: 'field-error', id: errorId, role: 'alert' }, error) : null,
    b.hint ? h('div', { class: 'hint', id: hintId }, plainText(b.hint)) : null,
  );
}

const optionalWord = (ctx: RenderContext) => ctx.tr('page.optional');

interface ControlOpts {
  id?: string;
  describedBy?: string;
  invalid?: boolean;
  required?: boolean;
  labelText?: string;
}

/**
 * A stateful element. In a modal it writes what is chosen into the draft (and, with
 * dispatch_action or outside an input block, also sends a block action with the state);
 * in a message or the Home tab it sends the block action at once, as Slack does.
 */
function stateful(el: Block, blockId: string, surface: Surface, ctx: RenderContext, dispatch: boolean, o: ControlOpts = {}): HTMLElement {
  const type = String(el.type);
  const actionId = String(el.action_id ?? '');
  const current = (ctx.draft?.values[blockId]?.[actionId] as Record<string, unknown> | undefined) ?? initialValue(el);
  const aria = { id: o.id, 'aria-describedby': o.describedBy, 'aria-invalid': o.invalid ? 'true' : undefined, 'aria-required': o.required ? 'true' : undefined, 'data-action-id': actionId, 'data-key': `${surface.where}:${surface.ts ?? surface.viewId ?? ''}:${blockId}:${actionId}` };
  const changed = (value: Record<string, unknown>, send = dispatch) => {
    ctx.draft?.set(blockId, actionId, value);
    if (send) ctx.act(surface, { ...value, type, action_id: actionId, block_id: blockId, action_ts: actionTs() });
  };
  const placeholder = plainText(el.placeholder);
  switch (type) {
    case 'plain_text_input':
    case 'number_input':
    case 'email_text_input':
    case 'url_text_input': {
      const multiline = el.multiline === true;
      const attrs = {
        ...aria,
        class: 'sk-text',
        placeholder: placeholder || undefined,
        value: (current.value as string | null) ?? '',
        inputmode: type === 'number_input' ? (el.is_decimal_allowed ? 'decimal' : 'numeric') : undefined,
        type: multiline ? undefined : type === 'email_text_input' ? 'email' : type === 'url_text_input' ? 'url' : 'text',
        oninput: (ev: Event) => changed({ type, value: (ev.target as HTMLInputElement).value || null }, false),
        onkeydown: (ev: Event) => {
          if (dispatch && (ev as KeyboardEvent).key === 'Enter' && !multiline) {
            ev.preventDefault();
            changed({ type, value: (ev.target as HTMLInputElement).value || null }, true);
          }
        },
      };
      const node = multiline ? h('textarea', { ...attrs, rows: 4 }) : h('input', attrs);
      if (multiline) (node as HTMLTextAreaElement).value = (current.value as string | null) ?? '';
      return node;
    }
    case 'datepicker':
      return h('input', { ...aria, class: 'sk-date', type: 'date', value: (current.selected_date as string | null) ?? '', 'aria-label': o.id ? undefined : placeholder || ctx.tr('page.choose_date'), onchange: (ev: Event) => changed({ type, selected_date: (ev.target as HTMLInputElement).value || null }) });
    case 'timepicker':
      return h('input', { ...aria, class: 'sk-date', type: 'time', value: (current.selected_time as string | null) ?? '', onchange: (ev: Event) => changed({ type, selected_time: (ev.target as HTMLInputElement).value || null }) });
    case 'static_select':
    case 'external_select':
    case 'users_select':
    case 'conversations_select':
    case 'channels_select': {
      const choices = choicesOf(el, ctx);
      const selected = selectedKey(type, current);
      const select = h(
        'select',
        {
          ...aria,
          class: 'sk-select',
          'aria-label': o.id ? undefined : placeholder || ctx.tr('page.choose'),
          onchange: (ev: Event) => {
            const v = (ev.target as HTMLSelectElement).value;
            const c = choices.find((x) => x.value === v);
            changed(selectValue(type, c ?? null));
          },
        },
        h('option', { value: '' }, placeholder || defaultPlaceholder(type, ctx)),
        groupedOptions(el, choices, selected),
      );
      return select;
    }
    case 'multi_static_select':
    case 'multi_users_select':
    case 'multi_conversations_select':
    case 'multi_channels_select':
      return multiSelect(el, type, current, ctx, aria, o, changed);
    case 'checkboxes':
    case 'radio_buttons': {
      const chosen = new Set(type === 'checkboxes' ? ((current.selected_options as Option[] | undefined) ?? []).map((x) => x.value) : [((current.selected_option as Option | null) ?? null)?.value]);
      const name = uid('group');
      return h(
        'div',
        { class: 'choices', role: type === 'radio_buttons' ? 'radiogroup' : 'group', 'aria-describedby': o.describedBy, 'data-action-id': actionId, 'aria-label': o.id ? undefined : o.labelText },
        optionsOf(el).map((opt, i) => {
          const cid = `${name}-${i}`;
          return h(
            'div',
            { class: 'choice' },
            h('input', {
              id: cid,
              type: type === 'checkboxes' ? 'checkbox' : 'radio',
              name,
              value: opt.value,
              checked: chosen.has(opt.value),
              'aria-invalid': o.invalid ? 'true' : undefined,
              onchange: (ev: Event) => {
                const box = (ev.target as HTMLInputElement).closest('.choices') as HTMLElement;
                const on = [...box.querySelectorAll('input')].filter((x) => x.checked).map((x) => optionsOf(el).find((p) => p.value === x.value)!);
                changed(type === 'checkboxes' ? { type, selected_options: on } : { type, selected_option: on[0] ?? null });
              },
            }),
            h('label', { for: cid }, textEl(ctx, opt.text as { type: string; text: string }, 'choice-text'), opt.description ? textEl(ctx, opt.description as { type: string; text: string }, 'choice-description') : null),
          );
        }),
      );
    }
    default:
      return h('span', { class: 'unknown' }, `[${type}]`);
  }
}

const defaultPlaceholder = (type: string, ctx: RenderContext) => (type.includes('users') ? ctx.tr('page.choose_person') : type.includes('conversations') || type.includes('channels') ? ctx.tr('page.choose_channel') : ctx.tr('page.choose'));

interface Choice {
  value: string;
  label: string;
  option?: Option;
}

/** What a select offers: its options, the cast (users), or the channels (conversations/channels). */
function choicesOf(el: Block, ctx: RenderContext): Choice[] {
  const t = String(el.type);
  if (t.includes('users')) return ctx.people.map((p) => ({ value: p.id, label: p.realName || p.name }));
  if (t.includes('conversations') || t.includes('channels')) return ctx.channels.filter((c) => !c.isPrivate || c.isMember).map((c) => ({ value: c.id, label: `#${c.name}` }));
  return optionsOf(el).map((o) => ({ value: o.value, label: plainText(o.text), option: o }));
}

function groupedOptions(el: Block, choices: Choice[], selected: Set<string>): Child[] {
  const opt = (c: Choice) => {
    const node = h('option', { value: c.value }, c.label);
    if (selected.has(c.value)) node.selected = true;
    return node;
  };
  if (Array.isArray(el.option_groups)) {
    return (el.option_groups as { label: { text: string }; options: Option[] }[]).map((g) => h('optgroup', { label: g.label?.text ?? '' }, (g.options ?? []).map((o) => opt({ value: o.value, label: plainText(o.text), option: o }))));
  }
  return choices.map(opt);
}

function selectedKey(type: string, v: Record<string, unknown>): Set<string> {
  switch (type) {
    case 'users_select':
      return new Set([v.selected_user as string]);
    case 'conversations_select':
      return new Set([v.selected_conversation as string]);
    case 'channels_select':
      return new Set([v.selected_channel as string]);
    case 'multi_users_select':
      return new Set((v.selected_users as string[]) ?? []);
    case 'multi_conversations_select':
      return new Set((v.selected_conversations as string[]) ?? []);
    case 'multi_channels_select':
      return new Set((v.selected_channels as string[]) ?? []);
    case 'multi_static_select':
      return new Set(((v.selected_options as Option[]) ?? []).map((o) => o.value));
    default:
      return new Set([((v.selected_option as Option | null) ?? null)?.value as string]);
  }
}

function selectValue(type: string, c: Choice | null): Record<string, unknown> {
  switch (type) {
    case 'users_select':
      return { type, selected_user: c?.value ?? null };
    case 'conversations_select':
      return { type, selected_conversation: c?.value ?? null };
    case 'channels_select':
      return { type, selected_channel: c?.value ?? null };
    default:
      return { type, selected_option: c?.option ?? null };
  }
}

function multiValue(type: string, chosen: Choice[]): Record<string, unknown> {
  const ids = chosen.map((c) => c.value);
  switch (type) {
    case 'multi_users_select':
      return { type, selected_users: ids };
    case 'multi_conversations_select':
      return { type, selected_conversations: ids };
    case 'multi_channels_select':
      return { type, selected_channels: ids };
    default:
      return { type, selected_options: chosen.map((c) => c.option!) };
  }
}

/** A multi-select as Slack shows it: the chosen ones as removable chips, a list to add more. */
function multiSelect(el: Block, type: string, current: Record<string, unknown>, ctx: RenderContext, aria: Record<string, string | undefined>, o: ControlOpts, changed: (v: Record<string, unknown>) => void): HTMLElement {
  const choices = choicesOf(el, ctx);
  let chosen = choices.filter((c) => selectedKey(type, current).has(c.value));
  const max = typeof el.max_selected_items === 'number' ? el.max_selected_items : Infinity;
  const wrap = h('div', { class: 'multi', 'data-action-id': aria['data-action-id'] });
  const draw = () => {
    wrap.replaceChildren(
      h('ul', { class: 'chips', 'aria-label': o.labelText }, chosen.map((c) => h('li', { class: 'chip' }, c.label, h('button', { type: 'button', class: 'chip-remove', 'aria-label': ctx.tr('page.remove', { name: c.label }), onclick: () => { chosen = chosen.filter((x) => x !== c); changed(multiValue(type, chosen)); draw(); } }, '×')))),
      h(
        'select',
        {
          ...aria,
          class: 'sk-select',
          disabled: chosen.length >= max,
          onchange: (ev: Event) => {
            const v = (ev.target as HTMLSelectElement).value;
            const c = choices.find((x) => x.value === v);
            if (c && !chosen.includes(c)) chosen = [...chosen, c];
            changed(multiValue(type, chosen));
            draw();
            (wrap.querySelector('select') as HTMLSelectElement | null)?.focus();
          },
        },
        h('option', { value: '' }, plainText(el.placeholder) || defaultPlaceholder(type, ctx)),
        choices.filter((c) => !chosen.includes(c)).map((c) => h('option', { value: c.value }, c.label)),
      ),
    );
  };
  draw();
  return wrap;
}
