import { checkBlocks, checkCall, checkMessage, checkView } from '../support/blockKit';

/** The checker every integration test relies on: each limit of SLACK-FACTS.md is caught. */
const plain = (text: string) => ({ type: 'plain_text', text });
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
const x = (n: number) => 'x'.repeat(n);
const section = (text: string, extra: Record<string, unknown> = {}) => ({ type: 'section', text: mrkdwn(text), ...extra });
const button = (id: string, text = 'Go', extra: Record<string, unknown> = {}) => ({ type: 'button', action_id: id, text: plain(text), ...extra });
const options = (n: number, textLen = 5, valueLen = 5) =>
  Array.from({ length: n }, (_, i) => ({ text: plain(x(textLen)), value: `${i}${x(Math.max(0, valueLen - String(i).length))}` }));
const modal = (blocks: unknown[], extra: Record<string, unknown> = {}) => ({
  type: 'modal',
  callback_id: 'cb',
  title: plain('Title'),
  submit: plain('Save'),
  close: plain('Cancel'),
  blocks,
  ...extra,
});
const input = (id: string, element: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: 'input',
  block_id: id,
  label: plain('Label'),
  element,
  ...extra,
});

const expectProblem = (problems: string[], pattern: RegExp) => {
  expect(problems.some((p) => pattern.test(p))).toBe(true);
};

describe('a valid payload has no problems', () => {
  test('message', () => {
    expect(checkMessage({ text: 'hi', blocks: [section('hello'), { type: 'actions', elements: [button('a'), button('b')] }] })).toEqual([]);
  });
  test('modal', () => {
    expect(checkView(modal([input('t', { type: 'plain_text_input', action_id: 'ti', max_length: 3000 })]))).toEqual([]);
  });
  test('home', () => {
    expect(checkView({ type: 'home', blocks: Array.from({ length: 100 }, (_, i) => section(`s${i}`)) })).toEqual([]);
  });
});

describe('block counts', () => {
  test('more than 50 blocks in a message', () => {
    expectProblem(checkMessage({ text: 't', blocks: Array.from({ length: 51 }, () => ({ type: 'divider' })) }), /51 blocks > 50/);
    expect(checkMessage({ text: 't', blocks: Array.from({ length: 50 }, () => ({ type: 'divider' })) })).toEqual([]);
  });
  test('more than 100 blocks in a modal or Home tab', () => {
    expectProblem(checkView(modal(Array.from({ length: 101 }, () => ({ type: 'divider' })))), /101 blocks > 100/);
    expectProblem(checkView({ type: 'home', blocks: Array.from({ length: 101 }, () => ({ type: 'divider' })) }), /101 blocks > 100/);
  });
});

describe('views', () => {
  test('payload over 250 kB', () => {
    const blocks = Array.from({ length: 90 }, () => section(x(2900)));
    expectProblem(checkView({ type: 'home', blocks }), /bytes > 250 kB/);
  });
  test('title, submit and close over 24 characters', () => {
    expectProblem(checkView(modal([], { title: plain(x(25)) })), /view\.title: 25 chars > 24/);
    expectProblem(checkView(modal([], { submit: plain(x(25)) })), /view\.submit: 25 chars > 24/);
    expectProblem(checkView(modal([], { close: plain(x(25)) })), /view\.close: 25 chars > 24/);
    expect(checkView(modal([], { title: plain(x(24)) }))).toEqual([]);
  });
  test('title counts characters, not bytes (æøå)', () => {
    expect(checkView(modal([], { title: plain('æ'.repeat(24)) }))).toEqual([]);
  });
  test('modal title must be plain_text and present', () => {
    expectProblem(checkView(modal([], { title: mrkdwn('x') })), /view\.title: must be plain_text/);
    expectProblem(checkView(modal([], { title: undefined })), /view\.title: missing text/);
  });
  test('a modal with an input block needs submit', () => {
    expectProblem(checkView(modal([input('t', { type: 'plain_text_input', action_id: 'a' })], { submit: undefined })), /needs submit/);
  });
  test('private_metadata over 3000 characters', () => {
    expectProblem(checkView(modal([], { private_metadata: x(3001) })), /private_metadata > 3000/);
  });
  test('callback_id over 255 characters', () => {
    expectProblem(checkView(modal([], { callback_id: x(256) })), /callback_id > 255/);
  });
  test('unknown view type', () => {
    expectProblem(checkView({ type: 'sheet', blocks: [] }), /unknown type sheet/);
  });
});

describe('ids', () => {
  test('block_id and action_id over 255 characters', () => {
    expectProblem(checkBlocks([{ type: 'divider', block_id: x(256) }], 50), /block_id too long/);
    expectProblem(checkBlocks([{ type: 'actions', elements: [button(x(256))] }], 50), /action_id too long/);
  });
  test('duplicate block_id and action_id', () => {
    expectProblem(checkBlocks([{ type: 'divider', block_id: 'a' }, { type: 'divider', block_id: 'a' }], 50), /duplicate block_id a/);
    expectProblem(checkBlocks([{ type: 'actions', elements: [button('x'), button('x')] }], 50), /duplicate action_id x/);
    expectProblem(
      checkBlocks([section('s', { accessory: button('y') }), { type: 'actions', elements: [button('y')] }], 50),
      /duplicate action_id y/,
    );
  });
});

describe('text limits', () => {
  test('section text over 3000 and a field over 2000', () => {
    expectProblem(checkBlocks([section(x(3001))], 50), /3001 chars > 3000/);
    expectProblem(checkBlocks([{ type: 'section', fields: [mrkdwn(x(2001))] }], 50), /fields\[0\]: 2001 chars > 2000/);
  });
  test('more than 10 fields', () => {
    expectProblem(checkBlocks([{ type: 'section', fields: Array.from({ length: 11 }, () => mrkdwn('f')) }], 50), /11 fields > 10/);
  });
  test('section with neither text nor fields', () => {
    expectProblem(checkBlocks([{ type: 'section' }], 50), /needs text or fields/);
  });
  test('header over 150 and not plain_text', () => {
    expectProblem(checkBlocks([{ type: 'header', text: plain(x(151)) }], 50), /151 chars > 150/);
    expectProblem(checkBlocks([{ type: 'header', text: mrkdwn('h') }], 50), /must be plain_text/);
  });
  test('empty text', () => {
    expectProblem(checkBlocks([section('')], 50), /empty text/);
  });
  test('input label and hint over 2000, placeholder over 150', () => {
    expectProblem(checkBlocks([input('i', { type: 'plain_text_input', action_id: 'a' }, { label: plain(x(2001)) })], 100), /label: 2001 chars > 2000/);
    expectProblem(checkBlocks([input('i', { type: 'plain_text_input', action_id: 'a' }, { hint: plain(x(2001)) })], 100), /hint: 2001 chars > 2000/);
    expectProblem(
      checkBlocks([input('i', { type: 'plain_text_input', action_id: 'a', placeholder: plain(x(151)) })], 100),
      /placeholder: 151 chars > 150/,
    );
  });
  test('input without an element', () => {
    expectProblem(checkBlocks([{ type: 'input', label: plain('L') }], 100), /input needs an element/);
  });
  test('plain_text_input max_length over 3000', () => {
    expectProblem(checkBlocks([input('i', { type: 'plain_text_input', action_id: 'a', max_length: 3001 })], 100), /max_length > 3000/);
  });
  test('message block text over ~13k characters in total', () => {
    const blocks = Array.from({ length: 5 }, () => section(x(2900)));
    expectProblem(checkMessage({ text: 't', blocks }), /> ~13k/);
  });
});

describe('elements', () => {
  test('context with more than 10 elements, actions with more than 25', () => {
    expectProblem(checkBlocks([{ type: 'context', elements: Array.from({ length: 11 }, () => mrkdwn('c')) }], 50), /context needs 1-10/);
    expectProblem(checkBlocks([{ type: 'actions', elements: Array.from({ length: 26 }, (_, i) => button(`b${i}`)) }], 50), /actions needs 1-25/);
    expectProblem(checkBlocks([{ type: 'actions', elements: [] }], 50), /actions needs 1-25/);
  });
  test('button text over 75, value over 2000, url over 3000', () => {
    expectProblem(checkBlocks([{ type: 'actions', elements: [button('a', x(76))] }], 50), /76 chars > 75/);
    expectProblem(checkBlocks([{ type: 'actions', elements: [button('a', 'Go', { value: x(2001) })] }], 50), /value > 2000/);
    expectProblem(checkBlocks([{ type: 'actions', elements: [button('a', 'Go', { url: x(3001) })] }], 50), /url > 3000/);
  });
  test('select with more than 100 options, option text over 75, value over 75', () => {
    expectProblem(checkBlocks([section('s', { accessory: { type: 'static_select', action_id: 's', options: options(101) } })], 50), /101 options > 100/);
    expectProblem(checkBlocks([section('s', { accessory: { type: 'static_select', action_id: 's', options: options(1, 76) } })], 50), /76 chars > 75/);
    expectProblem(checkBlocks([section('s', { accessory: { type: 'static_select', action_id: 's', options: options(1, 5, 76) } })], 50), /value: 76 chars > 75/);
    expect(checkBlocks([section('s', { accessory: { type: 'static_select', action_id: 's', options: options(100) } })], 50)).toEqual([]);
  });
  test('more than 100 option groups', () => {
    const groups = Array.from({ length: 101 }, (_, i) => ({ label: plain(`g${i}`), options: options(1) }));
    expectProblem(checkBlocks([section('s', { accessory: { type: 'static_select', action_id: 's', option_groups: groups } })], 50), /> 100 option groups/);
  });
  test('checkboxes and radio buttons with more than 10 options', () => {
    expectProblem(checkBlocks([input('c', { type: 'checkboxes', action_id: 'c', options: options(11) })], 100), /11 options > 10/);
    expectProblem(checkBlocks([input('r', { type: 'radio_buttons', action_id: 'r', options: options(11) })], 100), /11 options > 10/);
  });
  test('overflow menu needs 1 to 5 options', () => {
    expectProblem(checkBlocks([section('s', { accessory: { type: 'overflow', action_id: 'o', options: options(6) } })], 50), /overflow needs 1-5/);
    expectProblem(checkBlocks([section('s', { accessory: { type: 'overflow', action_id: 'o', options: [] } })], 50), /overflow needs 1-5/);
  });
  test('confirm dialog limits', () => {
    const confirm = (c: Record<string, unknown>) =>
      checkBlocks([{ type: 'actions', elements: [button('a', 'Go', { confirm: { title: plain('T'), text: plain('t'), confirm: plain('Y'), deny: plain('N'), ...c } })] }], 50);
    expect(confirm({})).toEqual([]);
    expectProblem(confirm({ title: plain(x(101)) }), /confirm\.title: 101 chars > 100/);
    expectProblem(confirm({ text: plain(x(301)) }), /confirm\.text: 301 chars > 300/);
    expectProblem(confirm({ confirm: plain(x(31)) }), /confirm\.confirm: 31 chars > 30/);
    expectProblem(confirm({ deny: plain(x(31)) }), /confirm\.deny: 31 chars > 30/);
  });
  test('unknown block type', () => {
    expectProblem(checkBlocks([{ type: 'carousel' }], 50), /unknown block type carousel/);
  });
});

describe('messages and calls', () => {
  test('a message needs top-level text, at most 40,000 characters', () => {
    expectProblem(checkMessage({ blocks: [section('s')] }), /top-level text/);
    expectProblem(checkMessage({ text: x(40001) }), /text > 40,000/);
  });
  test('checkCall routes views and messages and ignores other methods', () => {
    expectProblem(checkCall('views.open', { view: modal([], { title: plain(x(30)) }) }), /^views\.open: view\.title/);
    expectProblem(checkCall('chat.postMessage', { channel: 'C1' }), /^chat\.postMessage: message: top-level text/);
    expectProblem(checkCall('response_url', { blocks: [] }), /^response_url: /);
    expect(checkCall('users.info', { user: 'U1' })).toEqual([]);
  });
});
