import { WebClient } from '@slack/web-api';
import { FakeSlack, TRIGGER_LIFETIME_MS } from '../../src/local/slackApi';

/**
 * The one fake Slack (src/local/slackApi.ts) answers as Slack does, through the same client the app
 * uses (@slack/web-api): trigger ids once and for 3 s, a modal stack of at most 3, views.update by
 * id or external id with hash checks, Home tabs, DMs opened by posting to a user id, ephemeral
 * messages, response_url posts applied where the interaction came from, and files uploaded with
 * the external upload flow kept byte for byte.
 */
let slack: FakeSlack;
let client: WebClient;
const view = (title: string, extra: Record<string, unknown> = {}) => ({ type: 'modal' as const, title: { type: 'plain_text' as const, text: title }, blocks: [], ...extra });
const error = (p: Promise<unknown>) => p.then(() => 'ok', (err: { data?: { error?: string } }) => err.data?.error ?? String(err));

beforeEach(async () => {
  slack = await new FakeSlack().start();
  slack.addUser({ id: 'U1', real_name: 'Ann' });
  client = new WebClient(slack.token, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
});
afterEach(() => slack.stop());

test('views.open takes a trigger id the fake issued, once, within 3 s', async () => {
  expect(await error(client.views.open({ trigger_id: 'made.up', view: view('A') }))).toBe('invalid_trigger_id');
  const trigger = slack.issueTrigger('U1');
  const opened = await client.views.open({ trigger_id: trigger, view: view('A') });
  expect(opened.view).toMatchObject({ id: expect.stringMatching(/^V/), hash: expect.any(String), root_view_id: opened.view!.id, previous_view_id: null });
  expect(await error(client.views.open({ trigger_id: trigger, view: view('B') }))).toBe('exchanged_trigger_id');
  const old = slack.issueTrigger('U1');
  const realNow = Date.now;
  Date.now = () => realNow() + TRIGGER_LIFETIME_MS + 1;
  try {
    expect(await error(client.views.open({ trigger_id: old, view: view('C') }))).toBe('expired_trigger_id');
  } finally {
    Date.now = realNow;
  }
  expect(slack.modalStack('U1').map((v) => (v.view.title as { text: string }).text)).toEqual(['A']);
});

test('views.push stacks at most 3 views; views.update by view_id or external_id checks the hash', async () => {
  const root = await client.views.open({ trigger_id: slack.issueTrigger('U1'), view: view('A', { external_id: 'ext-a' }) });
  await client.views.push({ trigger_id: slack.issueTrigger('U1'), view: view('B') });
  const third = await client.views.push({ trigger_id: slack.issueTrigger('U1'), view: view('C') });
  expect(third.view).toMatchObject({ root_view_id: root.view!.id });
  expect(await error(client.views.push({ trigger_id: slack.issueTrigger('U1'), view: view('D') }))).toBe('push_limit_reached');
  expect(await error(client.views.update({ view_id: root.view!.id!, hash: 'stale', view: view('A2') }))).toBe('hash_conflict');
  const updated = await client.views.update({ view_id: root.view!.id!, hash: root.view!.hash!, view: view('A2') });
  expect(updated.view!.id).toBe(root.view!.id);
  expect(updated.view!.hash).not.toBe(root.view!.hash);
  await client.views.update({ external_id: 'ext-a', view: view('A3', { external_id: 'ext-a' }) });
  expect(await error(client.views.update({ view_id: 'VNOPE', view: view('X') }))).toBe('not_found');
  expect(slack.modalStack('U1').map((v) => (v.view.title as { text: string }).text)).toEqual(['A3', 'B', 'C']);
});

test('views.publish keeps one Home per person and checks the hash', async () => {
  const first = await client.views.publish({ user_id: 'U1', view: { type: 'home', blocks: [] } });
  expect(await error(client.views.publish({ user_id: 'U1', hash: 'old', view: { type: 'home', blocks: [] } }))).toBe('hash_conflict');
  const second = await client.views.publish({ user_id: 'U1', hash: first.view!.hash!, view: { type: 'home', blocks: [{ type: 'divider' }] } });
  expect(second.view!.id).toBe(first.view!.id);
  expect(slack.homeOf('U1')?.view.blocks).toEqual([{ type: 'divider' }]);
  expect(await error(client.views.publish({ user_id: 'UNOBODY', view: { type: 'home', blocks: [] } }))).toBe('user_not_found');
});

test('a post to a user id lands in the DM with them; ephemerals are kept for one person; chat.update and chat.delete change the message', async () => {
  const posted = await client.chat.postMessage({ channel: 'U1', text: 'hello' });
  expect(posted.channel).toBe('D1');
  expect((await client.conversations.open({ users: 'U1' })).channel!.id).toBe('D1');
  await client.chat.update({ channel: 'D1', ts: posted.ts!, text: 'hello again' });
  expect(slack.messagesIn('D1')).toMatchObject([{ ts: posted.ts, text: 'hello again', edited: true, bot: true }]);
  const eph = await client.chat.postEphemeral({ channel: 'D1', user: 'U1', text: 'only you' });
  expect(eph.message_ts).toEqual(expect.any(String));
  expect(slack.ephemeralsFor('U1', 'D1').map((e) => e.text)).toEqual(['only you']);
  await client.chat.delete({ channel: 'D1', ts: posted.ts! });
  expect(slack.messagesIn('D1')).toEqual([]);
  expect(await error(client.chat.delete({ channel: 'D1', ts: posted.ts! }))).toBe('message_not_found');
});

test('response_url: ephemeral by default, in_channel, replace_original on the message it came from; at most 5 uses', async () => {
  const posted = await client.chat.postMessage({ channel: 'U1', text: 'with a button' });
  const url = slack.issueResponseUrl({ channel: 'U1', user: 'U1', messageTs: posted.ts });
  const send = (body: Record<string, unknown>) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect((await send({ text: 'just for you' })).status).toBe(200);
  expect((await send({ text: 'for all', response_type: 'in_channel' })).status).toBe(200);
  expect((await send({ text: 'replaced', replace_original: true })).status).toBe(200);
  expect(slack.ephemeralsFor('U1', 'D1').map((e) => e.text)).toEqual(['just for you']);
  expect(slack.messagesIn('D1').map((m) => m.text)).toEqual(['replaced', 'for all']);
  await send({ text: '4' });
  await send({ text: '5' });
  const sixth = await send({ text: '6' });
  expect([sixth.status, await sixth.text()]).toEqual([404, 'used_url']);
});

test('files: the external upload flow keeps the bytes; completing with a channel shares the file there', async () => {
  const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0x10]);
  const target = await client.files.getUploadURLExternal({ filename: 'chart.png', length: bytes.length });
  await fetch(target.upload_url!, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: new Uint8Array(bytes) });
  await client.files.completeUploadExternal({ files: [{ id: target.file_id!, title: 'Chart' }], channel_id: 'D1', initial_comment: 'Here it is' });
  const file = slack.files.get(target.file_id!)!;
  expect([file.mimetype, file.title, file.completed, Buffer.compare(file.bytes, bytes)]).toEqual(['image/png', 'Chart', true, 0]);
  expect(slack.messagesIn('D1')).toMatchObject([{ text: 'Here it is', files: [target.file_id] }]);
  expect(await error(client.files.completeUploadExternal({ files: [{ id: 'FNOPE' }] }))).toBe('file_not_found');
});
