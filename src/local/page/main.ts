/**
 * The local workspace in the browser: a Slack-like client of the local Web API (the contract:
 * /work/notes/LOCAL-WORKSPACE.md). It shows what one person of the cast sees: the team channels,
 * the app's DM and Home tab, modals; it sends what they do (slash commands, block actions,
 * submissions) to the local workspace, which signs them to the real app as Slack does.
 */
import { translator, type Translate } from '../../i18n';
import { ApiError, getState, post, type Block, type LocalState, type Message, type StateValues, type View } from './api';
import { renderBlocks, textEl, fileCard, type Confirm, type RenderContext, type Surface } from './blocks';
import { FOCUSABLE, h, rich } from './dom';
import { mrkdwnToHtml } from './mrkdwn';
import { isEmpty, statefulElements, viewState } from './values';

interface UiState {
  as: string | null;
  state: LocalState | null;
  /** The open conversation: a channel id, or the app DM's id. */
  open: string | null;
  tab: 'home' | 'messages';
  /** What was typed in each modal (view id → state values), and the errors shown on its blocks. */
  drafts: Map<string, { values: StateValues; errors: Record<string, string>; hash?: string }>;
  dismissed: Set<string>;
  notice: { text: string; kind: 'error' | 'info' } | null;
  busy: string | null;
  /** A page-side line in the open conversation (an unknown command), shown like an ephemeral message. */
  local: { channel: string; text: string } | null;
  /** Where focus returns when the last modal closes (see focusKeyOf). */
  beforeModal: string | null;
  /** The modal drawn now (id + hash), so a refresh that changed nothing in it keeps focus and caret. */
  drawnModal: string | null;
}

const ui: UiState = { as: null, state: null, open: null, tab: 'home', drafts: new Map(), dismissed: new Set(), notice: null, busy: null, local: null, beforeModal: null, drawnModal: null };
let tr: Translate = translator(navigator.language.toLowerCase().startsWith('nb') || navigator.language.toLowerCase().startsWith('no') ? 'nb' : 'en');
let stream: EventSource | null = null;

const $ = (id: string) => document.getElementById(id)!;

// ── data ─────────────────────────────────────────────────────────────────────────────────────

let refreshing: Promise<void> | null = null;
let again = false;
async function refresh(): Promise<void> {
  if (refreshing) {
    again = true;
    return refreshing;
  }
  refreshing = (async () => {
    do {
      again = false;
      try {
        const asked = ui.as;
        const state = await getState(asked);
        // The person was switched while this was on its way: what it brought is someone else's.
        if (asked !== ui.as) {
          again = true;
          continue;
        }
        const first = !ui.state || ui.state.me !== state.me;
        ui.state = state;
        ui.as = state.me;
        tr = translator(state.locale);
        if (first) {
          ui.open = state.ims[0]?.id ?? state.channels.find((c) => c.isMember)?.id ?? null;
          ui.tab = 'home';
          if (ui.open && ui.open === state.ims[0]?.id) void opened();
        }
        render();
      } catch (e) {
        showError(e);
      }
    } while (again);
  })();
  try {
    await refreshing;
  } finally {
    refreshing = null;
  }
}

function connect(): void {
  stream?.close();
  if (typeof EventSource === 'undefined') return;
  stream = new EventSource(`/local/stream?as=${encodeURIComponent(ui.as ?? '')}`);
  stream.addEventListener('change', (ev) => {
    try {
      const { version } = JSON.parse((ev as MessageEvent).data) as { version: number };
      if (!ui.state || version !== ui.state.version) void refresh();
    } catch {
      void refresh();
    }
  });
  stream.addEventListener('open', () => {
    if (ui.notice?.text === tr('page.offline')) setNotice(null);
    void refresh();
  });
  stream.addEventListener('error', () => setNotice({ text: tr('page.offline'), kind: 'info' }));
}

function showError(e: unknown): void {
  const code = e instanceof ApiError ? e.code : e instanceof Error ? e.message : String(e);
  setNotice({ text: tr('page.error', { error: code }), kind: 'error' });
}

function setNotice(n: UiState['notice']): void {
  ui.notice = n;
  renderNotice();
}

/** A call to /local/*: an `{ok:false}` is shown, the state refetched either way. */
async function call(path: string, body: Record<string, unknown>): Promise<Record<string, unknown> | null> {
  try {
    const res = await post(path, { as: ui.as, ...body });
    // An unknown command is the caller's to show (as Slack does, in the conversation).
    if (!res.ok && !res.errors && res.error !== 'unknown_command') {
      showError(new ApiError(res.error ?? 'error', 200));
      return null;
    }
    return res;
  } catch (e) {
    showError(e);
    return null;
  } finally {
    void refresh();
  }
}

async function opened(): Promise<void> {
  const im = ui.state?.ims[0];
  if (!im || ui.open !== im.id) return;
  try {
    await post('open', { as: ui.as, channel: im.id, tab: ui.tab });
  } catch {
    // Opening a tab is a courtesy to the app (app_home_opened); the page works without it.
  }
}

// ── context for blocks ──────────────────────────────────────────────────────────────────────

function renderContext(draftFor?: string): RenderContext {
  const s = ui.state!;
  const me = s.people.find((p) => p.id === s.me);
  const draft = draftFor ? ui.drafts.get(draftFor) : undefined;
  return {
    tr,
    md: {
      userName: (id) => s.people.find((p) => p.id === id)?.realName ?? (id === s.me ? tr('page.you') : null),
      channelName: (id) => s.channels.find((c) => c.id === id)?.name ?? null,
      zone: me?.tz ?? s.clock.zone,
      now: new Date(s.clock.now),
    },
    people: s.people,
    channels: s.channels,
    files: s.files,
    act: (surface, action) => void act(surface, action),
    confirm: confirmDialog,
    draft: draft
      ? {
          values: draft.values,
          errors: draft.errors,
          set: (blockId, actionId, v) => {
            (draft.values[blockId] ??= {})[actionId] = v;
            if (draft.errors[blockId]) {
              // Slack keeps the error until the next submission; the page does too.
            }
          },
        }
      : undefined,
  };
}

async function act(surface: Surface, action: Record<string, unknown>): Promise<void> {
  const body: Record<string, unknown> = { where: surface.where, action };
  if (surface.channel) body.channel = surface.channel;
  if (surface.ts) body.ts = surface.ts;
  if (surface.ephemeral) body.ephemeral = true;
  if (surface.viewId) {
    body.viewId = surface.viewId;
    const view = ui.state?.modals.find((v) => v.id === surface.viewId);
    if (view) body.state = { values: viewState(view.blocks, draftOf(view).values) };
  }
  await call('action', body);
}

// ── rendering ───────────────────────────────────────────────────────────────────────────────

function render(): void {
  const s = ui.state;
  if (!s) return;
  document.documentElement.lang = s.locale === 'nb' ? 'nb' : 'en';
  document.title = tr('page.title');
  $('banner').textContent = s.locale === 'nb' ? s.banner.text_nb : s.banner.text_en;
  renderTopbar();
  renderSidebar();
  renderMain();
  renderModals();
  renderNotice();
}

function renderNotice(): void {
  const el = $('notice');
  if (!ui.notice) {
    el.hidden = true;
    el.replaceChildren();
    return;
  }
  el.hidden = false;
  el.className = `notice ${ui.notice.kind}`;
  el.replaceChildren(h('span', {}, ui.notice.text), h('button', { type: 'button', class: 'notice-close', 'aria-label': tr('page.close'), onclick: () => setNotice(null) }, '×'));
}

function personLabel(p: LocalState['people'][number]): string {
  return p.title ? `${p.realName} — ${p.title}` : p.realName;
}

function renderTopbar(): void {
  const s = ui.state!;
  const busy = ui.busy !== null;
  const step = (stepName: string, label: string) =>
    h('button', { type: 'button', class: 'top-button', disabled: busy, 'data-step': stepName, onclick: () => void withBusy(tr('page.clock_moving'), () => call('clock', { step: stepName })) }, label);
  const people = h(
    'select',
    { id: 'person', class: 'person-select', onchange: (ev: Event) => switchPerson((ev.target as HTMLSelectElement).value) },
    s.people.map((p) => {
      const o = h('option', { value: p.id }, personLabel(p));
      if (p.id === s.me) o.selected = true;
      return o;
    }),
  );
  $('topbar').replaceChildren(
    h('div', { class: 'clock', role: 'group', 'aria-label': tr('page.clock_group') }, h('span', { class: 'clock-now', id: 'clock-now' }, tr('page.clock_now', { label: s.clock.label })), step('hour', tr('page.clock_hour')), step('day', tr('page.clock_day')), step('nextMonday08', tr('page.clock_monday'))),
    h(
      'div',
      { class: 'demo', role: 'group', 'aria-label': tr('page.demo_group') },
      h('button', { type: 'button', class: 'top-button', id: 'demo-nb', disabled: busy, onclick: () => void withBusy(tr('page.demo_running'), () => call('demo', { locale: 'nb' })) }, tr('page.demo_nb')),
      h('button', { type: 'button', class: 'top-button', id: 'demo-en', disabled: busy, onclick: () => void withBusy(tr('page.demo_running'), () => call('demo', { locale: 'en' })) }, tr('page.demo_en')),
      h(
        'button',
        {
          type: 'button',
          class: 'top-button danger',
          id: 'reset',
          disabled: busy,
          onclick: () =>
            void confirmDialog({ title: { text: tr('page.reset') }, text: { type: 'plain_text', text: tr('page.reset_confirm') }, confirm: { text: tr('page.reset') }, deny: { text: tr('page.cancel') }, style: 'danger' }).then((ok) => {
              if (ok) {
                ui.drafts.clear();
                void withBusy(tr('page.loading'), () => call('reset', {}));
              }
            }),
        },
        tr('page.reset'),
      ),
    ),
    h('div', { class: 'person' }, h('label', { for: 'person' }, tr('page.person')), people),
    h('div', { class: 'busy', role: 'status', 'aria-live': 'polite' }, ui.busy ?? ''),
  );
}

async function withBusy(label: string, f: () => Promise<unknown>): Promise<void> {
  ui.busy = label;
  renderTopbar();
  try {
    await f();
  } finally {
    ui.busy = null;
    renderTopbar();
  }
}

function switchPerson(id: string): void {
  ui.as = id;
  ui.state = null;
  ui.drafts.clear();
  ui.local = null;
  ui.drawnModal = null;
  try {
    localStorage.setItem('local-workspace-as', id);
  } catch {
    // Private windows may refuse storage: the URL keeps who the page is.
  }
  const url = new URL(location.href);
  url.searchParams.set('as', id);
  history.replaceState(null, '', url);
  connect();
  void refresh();
}

function renderSidebar(): void {
  const s = ui.state!;
  const item = (id: string, label: Node | string, extra: Node | null, aria?: string) =>
    h(
      'li',
      {},
      h(
        'button',
        {
          type: 'button',
          class: `nav-item${ui.open === id ? ' active' : ''}`,
          'aria-current': ui.open === id ? 'page' : undefined,
          'data-channel': id,
          'aria-label': aria,
          onclick: () => {
            ui.open = id;
            ui.local = null;
            if (id === s.ims[0]?.id) {
              ui.tab = 'home';
              void opened();
            }
            renderSidebar();
            renderMain();
          },
        },
        label,
        extra,
      ),
    );
  $('sidebar').setAttribute('aria-label', s.team.name);
  $('sidebar').replaceChildren(
    h('div', { class: 'workspace' }, h('h1', { class: 'workspace-name' }, s.team.name)),
    h('h2', { class: 'nav-heading' }, tr('page.channels')),
    h('ul', { class: 'nav' }, s.channels.filter((c) => c.isMember).map((c) => item(c.id, h('span', {}, h('span', { class: 'hash', 'aria-hidden': 'true' }, c.isPrivate ? '🔒' : '#'), c.name), null))),
    h('h2', { class: 'nav-heading' }, tr('page.apps')),
    h('ul', { class: 'nav' }, s.ims.map((im) => item(im.id, h('span', {}, h('span', { class: 'app-avatar small', 'aria-hidden': 'true' }, 'F'), im.name), im.unread > 0 && ui.open !== im.id ? h('span', { class: 'unread' }, String(im.unread)) : null))),
  );
}

function renderMain(): void {
  const s = ui.state!;
  const main = $('main');
  const scroller = main.querySelector('.messages, .home');
  const atBottom = !scroller || scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 40;
  const homeScroll = main.querySelector('.home')?.scrollTop ?? 0;
  const focusKey = focusKeyOf(document.activeElement as HTMLElement | null);
  const caret = document.activeElement instanceof HTMLTextAreaElement ? document.activeElement.selectionStart : null;
  const im = s.ims.find((i) => i.id === ui.open);
  const channel = s.channels.find((c) => c.id === ui.open);
  const title = im ? h('span', {}, h('span', { class: 'app-avatar small', 'aria-hidden': 'true' }, 'F'), im.name) : channel ? `#${channel.name}` : '';
  const header = h('header', { class: 'conversation-header' }, h('h2', { id: 'conversation-title', tabindex: '-1' }, title));
  const parts: Node[] = [header];
  if (im) {
    const tabs = h(
      'div',
      { class: 'tabs', role: 'tablist', 'aria-label': tr('page.tabs') },
      (['home', 'messages'] as const).map((t) =>
        h(
          'button',
          {
            type: 'button',
            role: 'tab',
            id: `tab-${t}`,
            'aria-selected': ui.tab === t ? 'true' : 'false',
            'aria-controls': 'tab-panel',
            tabindex: ui.tab === t ? '0' : '-1',
            class: 'tab',
            onclick: () => {
              ui.tab = t;
              void opened();
              renderMain();
              ($(`tab-${t}`) as HTMLElement).focus();
            },
            onkeydown: (ev: Event) => {
              const k = (ev as KeyboardEvent).key;
              if (k === 'ArrowRight' || k === 'ArrowLeft') {
                ui.tab = ui.tab === 'home' ? 'messages' : 'home';
                void opened();
                renderMain();
                ($(`tab-${ui.tab}`) as HTMLElement).focus();
              }
            },
          },
          tr(t === 'home' ? 'page.tab_home' : 'page.tab_messages'),
        ),
      ),
    );
    header.appendChild(tabs);
  }
  if (im && ui.tab === 'home') {
    const home = s.home;
    parts.push(
      h(
        'section',
        { class: 'home', id: 'tab-panel', role: 'tabpanel', 'aria-labelledby': 'tab-home' },
        home ? renderBlocks(home.blocks, { where: 'home', viewId: home.id }, renderContext()) : h('p', { class: 'empty' }, tr('page.no_home')),
      ),
    );
  } else if (ui.open) {
    parts.push(renderMessages(ui.open, im ? { role: 'tabpanel', id: 'tab-panel', 'aria-labelledby': 'tab-messages' } : {}));
    parts.push(composer(im ? im.name : channel ? `#${channel.name}` : ''));
  }
  main.replaceChildren(...parts);
  const list = main.querySelector('.messages');
  if (list && atBottom) list.scrollTop = list.scrollHeight;
  const homeEl = main.querySelector('.home');
  if (homeEl) homeEl.scrollTop = homeScroll;
  const again = focusKey ? findByKey(focusKey) : null;
  if (again && main.contains(again)) {
    again.focus();
    if (caret !== null && again instanceof HTMLTextAreaElement) again.setSelectionRange(caret, caret);
  }
}

/** How to find an element again after a re-render: its id, or its data-key (surface, block, action). */
function focusKeyOf(el: HTMLElement | null): string | null {
  if (!el || el === document.body) return null;
  if (el.id) return `#${el.id}`;
  return el.dataset?.key ? `[${el.dataset.key}]` : null;
}

function findByKey(key: string): HTMLElement | null {
  if (key.startsWith('#')) return document.getElementById(key.slice(1));
  return document.querySelector<HTMLElement>(`[data-key="${CSS.escape(key.slice(1, -1))}"]`);
}

const timeOf = (ts: string, zone: string, locale: string) => new Intl.DateTimeFormat(locale === 'nb' ? 'nb-NO' : 'en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit' }).format(new Date(Number(ts) * 1000));
const dayOf = (ts: string, zone: string, locale: string) => new Intl.DateTimeFormat(locale === 'nb' ? 'nb-NO' : 'en-GB', { timeZone: zone, weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(Number(ts) * 1000));

function renderMessages(channelId: string, attrs: Record<string, string>): HTMLElement {
  const s = ui.state!;
  const zone = s.people.find((p) => p.id === s.me)?.tz ?? s.clock.zone;
  const all: { m: Message; ephemeral: boolean }[] = [...(s.messages[channelId] ?? []).map((m) => ({ m, ephemeral: false })), ...(s.ephemerals[channelId] ?? []).filter((m) => !ui.dismissed.has(`${channelId}:${m.ts}`)).map((m) => ({ m, ephemeral: true }))];
  all.sort((a, b) => Number(a.m.ts) - Number(b.m.ts));
  const top = all.filter((x) => !x.m.thread_ts || x.m.thread_ts === x.m.ts);
  const replies = (ts: string) => all.filter((x) => x.m.thread_ts === ts && x.m.ts !== ts);
  const list = h('div', { class: 'messages', role: 'log', 'aria-live': 'polite', 'aria-labelledby': 'conversation-title', tabindex: '0', ...attrs });
  let lastDay = '';
  for (const x of top) {
    const day = dayOf(x.m.ts, zone, s.locale);
    if (day !== lastDay) list.appendChild(h('div', { class: 'day-divider', role: 'separator' }, h('span', {}, day)));
    lastDay = day;
    list.appendChild(messageEl(channelId, x.m, x.ephemeral, zone));
    const thread = replies(x.m.ts);
    if (thread.length) list.appendChild(h('div', { class: 'thread' }, h('div', { class: 'thread-count' }, tr('page.replies', { count: thread.length })), thread.map((r) => messageEl(channelId, r.m, r.ephemeral, zone))));
  }
  if (ui.local && ui.local.channel === channelId) {
    list.appendChild(h('div', { class: 'message ephemeral local-line' }, h('div', { class: 'ephemeral-label' }, '👁 ', tr('page.only_visible')), h('div', { class: 'text' }, ui.local.text)));
  }
  if (!list.childElementCount) list.appendChild(h('p', { class: 'empty' }, tr('page.no_messages')));
  return list;
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((w) => w[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
}

function messageEl(channelId: string, m: Message, ephemeral: boolean, zone: string): HTMLElement {
  const s = ui.state!;
  const person = m.user ? s.people.find((p) => p.id === m.user) : undefined;
  const bot = m.bot || !person;
  const name = bot ? (s.ims[0]?.name ?? 'Follow-up') : person!.realName;
  const ctx = renderContext();
  const body = m.blocks?.length ? renderBlocks(m.blocks, { where: 'message', channel: channelId, ts: m.ts, ephemeral }, ctx) : rich('div', 'text', mrkdwnToHtml(m.text ?? '', ctx.md));
  return h(
    'article',
    { class: `message${ephemeral ? ' ephemeral' : ''}`, 'data-ts': m.ts, 'aria-label': `${name} ${timeOf(m.ts, zone, s.locale)}` },
    h('div', { class: bot ? 'app-avatar' : 'avatar', 'aria-hidden': 'true' }, bot ? 'F' : initials(name)),
    h(
      'div',
      { class: 'message-body' },
      ephemeral ? h('div', { class: 'ephemeral-label' }, h('span', { 'aria-hidden': 'true' }, '👁 '), tr('page.only_visible')) : null,
      h('div', { class: 'message-meta' }, h('span', { class: 'sender' }, name), bot ? h('span', { class: 'badge' }, tr('page.app_badge')) : null, h('time', { class: 'ts' }, timeOf(m.ts, zone, s.locale)), m.edited ? h('span', { class: 'edited' }, tr('page.edited')) : null),
      body,
      (m.files ?? []).map((f) => fileCard(ctx, f)),
      ephemeral ? h('button', { type: 'button', class: 'link-button dismiss', onclick: () => { ui.dismissed.add(`${channelId}:${m.ts}`); renderMain(); } }, tr('page.dismiss')) : null,
    ),
  );
}

// ── the message box and its command suggestions ─────────────────────────────────────────────

interface Suggestion {
  insert: string;
  label: string;
  help: string;
}

function suggestionsFor(text: string): Suggestion[] {
  const s = ui.state!;
  const nb = s.locale === 'nb';
  const m = /^\/(\S*)(\s+(\S*))?$/.exec(text);
  if (!m) return [];
  if (m[2] === undefined) return s.commands.filter((c) => c.name.startsWith(`/${m[1]}`)).map((c) => ({ insert: `${c.name} `, label: c.name, help: nb ? c.hint_nb : c.hint_en }));
  const cmd = s.commands.find((c) => c.name === `/${m[1]}`);
  if (!cmd) return [];
  const typed = (m[3] ?? '').toLowerCase();
  return cmd.subcommands
    .filter((sc) => sc.en.toLowerCase().startsWith(typed) || sc.nb.toLowerCase().startsWith(typed))
    .map((sc) => {
      const word = nb ? sc.nb : sc.en;
      const other = nb ? sc.en : sc.nb;
      return { insert: `${cmd.name} ${word} `, label: other !== word ? `${word} (${other})` : word, help: nb ? sc.help_nb : sc.help_en };
    });
}

let composerText = '';
function composer(target: string): HTMLElement {
  const listId = 'command-suggestions';
  let active = -1;
  let items: Suggestion[] = [];
  const box = h('textarea', {
    id: 'message-input',
    class: 'composer-input',
    rows: 1,
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
    'aria-label': tr('page.message_to', { name: target }),
    placeholder: tr('page.message_to', { name: target }),
  }) as HTMLTextAreaElement;
  box.value = composerText;
  const list = h('ul', { id: listId, class: 'suggestions', role: 'listbox', 'aria-label': tr('page.suggestions'), hidden: true });
  const draw = () => {
    items = suggestionsFor(box.value);
    if (active >= items.length) active = items.length - 1;
    list.hidden = items.length === 0;
    box.setAttribute('aria-expanded', items.length ? 'true' : 'false');
    list.replaceChildren(
      ...items.map((it, i) =>
        h('li', { id: `sugg-${i}`, role: 'option', class: `suggestion${i === active ? ' active' : ''}`, 'aria-selected': i === active ? 'true' : 'false', onmousedown: (ev: Event) => { ev.preventDefault(); pick(i); } }, h('span', { class: 'sugg-label' }, it.label), rich('span', 'sugg-help', mrkdwnToHtml(it.help, renderContext().md))),
      ),
    );
    if (active >= 0) box.setAttribute('aria-activedescendant', `sugg-${active}`);
    else box.removeAttribute('aria-activedescendant');
  };
  const pick = (i: number) => {
    box.value = items[i].insert;
    composerText = box.value;
    active = -1;
    draw();
    box.focus();
  };
  const send = async () => {
    const text = box.value.trim();
    if (!text) return;
    const channel = ui.open!;
    if (!text.startsWith('/')) {
      ui.local = { channel, text: tr('page.only_commands') };
      renderMain();
      return;
    }
    composerText = '';
    box.value = '';
    draw();
    ui.local = null;
    const res = await call('command', { channel, text });
    if (res && res.ok === false && res.error === 'unknown_command') {
      ui.local = { channel, text: tr('page.not_command', { command: text.split(/\s/)[0] }) };
      renderMain();
    }
  };
  box.addEventListener('input', () => {
    composerText = box.value;
    active = -1;
    draw();
  });
  box.addEventListener('keydown', (ev) => {
    if (!list.hidden && items.length) {
      if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
        active = ev.key === 'ArrowDown' ? (active + 1) % items.length : (active - 1 + items.length) % items.length;
        draw();
        ev.preventDefault();
        return;
      }
      if ((ev.key === 'Tab' || ev.key === 'Enter') && active >= 0) {
        ev.preventDefault();
        pick(active);
        return;
      }
      if (ev.key === 'Escape') {
        list.hidden = true;
        box.setAttribute('aria-expanded', 'false');
        return;
      }
    }
    if (ev.key === 'Enter' && !ev.shiftKey) {
      ev.preventDefault();
      void send();
    }
  });
  setTimeout(draw, 0);
  return h(
    'form',
    { class: 'composer', onsubmit: (ev: Event) => { ev.preventDefault(); void send(); } },
    list,
    h('div', { class: 'composer-row' }, box, h('button', { type: 'submit', class: 'send', 'aria-label': tr('page.send') }, '➤')),
  );
}

// ── modals ──────────────────────────────────────────────────────────────────────────────────

/**
 * What was typed in a modal, kept across refreshes and views.update (Slack keeps an input's value
 * while its block_id and action_id stay). The errors belong to one version of the view: an update
 * (new hash) clears them, as Slack does.
 */
function draftOf(view: View): { values: StateValues; errors: Record<string, string> } {
  let d = ui.drafts.get(view.id);
  if (!d) {
    d = { values: structuredClone(view.state?.values ?? {}), errors: {}, hash: view.hash };
    ui.drafts.set(view.id, d);
  } else if (d.hash !== view.hash) {
    d.hash = view.hash;
    d.errors = {};
  }
  return d;
}

function renderModals(): void {
  const s = ui.state!;
  const layer = $('modals');
  const stack = s.modals.slice(-3);
  for (const id of [...ui.drafts.keys()]) if (!stack.some((v) => v.id === id)) ui.drafts.delete(id);
  const top = stack[stack.length - 1];
  if (top) draftOf(top);
  const key = top ? `${top.id}:${top.hash ?? ''}:${stack.length}:${JSON.stringify(ui.drafts.get(top.id)?.errors ?? {})}` : null;
  if (key === ui.drawnModal) return;
  ui.drawnModal = key;
  if (!top) {
    layer.replaceChildren();
    layer.hidden = true;
    document.body.classList.remove('modal-open');
    $('app').removeAttribute('inert');
    const back = ui.beforeModal ? findByKey(ui.beforeModal) : null;
    ui.beforeModal = null;
    (back ?? document.getElementById('message-input') ?? document.getElementById('conversation-title'))?.focus();
    return;
  }
  if (!ui.beforeModal) ui.beforeModal = focusKeyOf(document.activeElement as HTMLElement | null);
  const titleId = `modal-title-${top.id}`;
  const ctx = renderContext(top.id);
  const form = h(
    'form',
    { class: 'modal', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': titleId, 'data-view-id': top.id, novalidate: true, onsubmit: (ev: Event) => { ev.preventDefault(); void submit(top); } },
    h(
      'header',
      { class: 'modal-header' },
      stack.length > 1 ? h('button', { type: 'button', class: 'modal-back', 'aria-label': top.close?.text ?? tr('page.close'), onclick: () => void closeModal(top) }, '←') : null,
      h('span', { class: 'app-avatar small', 'aria-hidden': 'true' }, 'F'),
      h('h2', { id: titleId }, top.title?.text ?? ''),
      h('button', { type: 'button', class: 'modal-x', 'aria-label': tr('page.close'), onclick: () => void closeModal(top) }, '×'),
    ),
    h('div', { class: 'modal-body' }, renderBlocks(top.blocks, { where: 'modal', viewId: top.id }, ctx)),
    h(
      'footer',
      { class: 'modal-footer' },
      h('button', { type: 'button', class: 'sk-button', 'data-modal': 'close', onclick: () => void closeModal(top) }, top.close?.text ?? tr('page.cancel')),
      top.submit ? h('button', { type: 'submit', class: 'sk-button primary', 'data-modal': 'submit' }, top.submit.text) : null,
    ),
  );
  form.addEventListener('keydown', (ev) => trapFocus(ev, form, top));
  layer.replaceChildren(h('div', { class: 'overlay' }), form);
  layer.hidden = false;
  document.body.classList.add('modal-open');
  $('app').setAttribute('inert', '');
  const firstError = form.querySelector('.has-error input, .has-error textarea, .has-error select') as HTMLElement | null;
  (firstError ?? (form.querySelector(`.modal-body ${FOCUSABLE.split(', ').join(', .modal-body ')}`) as HTMLElement | null) ?? form.querySelector('.modal-x') as HTMLElement).focus();
}

function trapFocus(ev: KeyboardEvent, form: HTMLElement, view: View): void {
  if (ev.key === 'Escape') {
    ev.preventDefault();
    void closeModal(view);
    return;
  }
  if (ev.key !== 'Tab') return;
  const nodes = [...form.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((n) => n.offsetParent !== null || n === document.activeElement);
  if (!nodes.length) return;
  const first = nodes[0];
  const last = nodes[nodes.length - 1];
  if (ev.shiftKey && document.activeElement === first) {
    ev.preventDefault();
    last.focus();
  } else if (!ev.shiftKey && document.activeElement === last) {
    ev.preventDefault();
    first.focus();
  }
}

/** Checks Slack's client does before it sends a submission: required fields, min/max length. */
function clientErrors(view: View, values: StateValues): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const { blockId, el, input, optional } of statefulElements(view.blocks)) {
    if (!input) continue;
    const v = values[blockId]?.[String(el.action_id ?? '')] ?? {};
    if (!optional && isEmpty(v)) errors[blockId] = tr('page.required');
    const text = typeof v.value === 'string' ? v.value : null;
    if (text !== null) {
      const length = Array.from(text).length;
      if (typeof el.max_length === 'number' && length > el.max_length) errors[blockId] = tr('page.too_long', { max: el.max_length, length });
      if (typeof el.min_length === 'number' && length < el.min_length) errors[blockId] = tr('page.too_short', { min: el.min_length });
    }
  }
  return errors;
}

async function submit(view: View): Promise<void> {
  const draft = draftOf(view);
  const values = viewState(view.blocks, draft.values);
  const local = clientErrors(view, values);
  if (Object.keys(local).length) {
    draft.errors = local;
    ui.drawnModal = null;
    renderModals();
    return;
  }
  const button = document.querySelector<HTMLButtonElement>('[data-modal="submit"]');
  if (button) button.disabled = true;
  const res = await call('submit', { viewId: view.id, state: { values } });
  if (button) button.disabled = false;
  if (res && res.errors && typeof res.errors === 'object') {
    draft.errors = res.errors as Record<string, string>;
    ui.drawnModal = null;
    if (ui.state) renderModals();
  } else {
    draft.errors = {};
  }
}

async function closeModal(view: View): Promise<void> {
  await call('close', { viewId: view.id });
}

/** Slack's confirm dialog: title, text, confirm and deny buttons; resolves with the choice. */
function confirmDialog(c: Confirm): Promise<boolean> {
  return new Promise((resolve) => {
    const before = focusKeyOf(document.activeElement as HTMLElement | null);
    const layer = $('confirm');
    const done = (ok: boolean) => {
      layer.hidden = true;
      layer.replaceChildren();
      if (before) findByKey(before)?.focus();
      resolve(ok);
    };
    const ctx = ui.state ? renderContext() : null;
    const dialog = h(
      'div',
      { class: 'confirm', role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': 'confirm-title', 'aria-describedby': 'confirm-text' },
      h('h2', { id: 'confirm-title' }, c.title?.text ?? ''),
      ctx && c.text ? Object.assign(textEl(ctx, c.text), { id: 'confirm-text' }) : h('p', { id: 'confirm-text' }, c.text?.text ?? ''),
      h('div', { class: 'confirm-buttons' }, h('button', { type: 'button', class: 'sk-button', id: 'confirm-deny', onclick: () => done(false) }, c.deny?.text ?? tr('page.cancel')), h('button', { type: 'button', class: `sk-button ${c.style === 'danger' ? 'danger' : 'primary'}`, id: 'confirm-ok', onclick: () => done(true) }, c.confirm?.text ?? 'OK')),
    );
    dialog.addEventListener('keydown', (ev) => {
      if (ev.key === 'Escape') {
        ev.preventDefault();
        ev.stopPropagation();
        done(false);
      } else if (ev.key === 'Tab') {
        const b = [...dialog.querySelectorAll('button')];
        const i = b.indexOf(document.activeElement as HTMLButtonElement);
        ev.preventDefault();
        b[(i + (ev.shiftKey ? -1 : 1) + b.length) % b.length].focus();
      }
    });
    layer.replaceChildren(h('div', { class: 'overlay' }), dialog);
    layer.hidden = false;
    (dialog.querySelector('#confirm-ok') as HTMLElement).focus();
  });
}

// ── start ───────────────────────────────────────────────────────────────────────────────────

function start(): void {
  const fromUrl = new URL(location.href).searchParams.get('as');
  let stored: string | null = null;
  try {
    stored = localStorage.getItem('local-workspace-as');
  } catch {
    stored = null;
  }
  ui.as = fromUrl ?? stored;
  connect();
  void refresh();
}

export type { Block };
start();
