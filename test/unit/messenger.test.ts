import type { WebClient } from '@slack/web-api';
import pino from 'pino';
import { SlackMessenger } from '../../src/slack/outbound/messenger';
import type { OutboundMessage } from '../../src/domain/reminders/messages';

/** A WebClient stand-in that answers like Slack: a user id as channel lands in the app's DM (D…). */
function fakeClient() {
  const calls: { method: string; args: Record<string, unknown> }[] = [];
  const client = {
    chat: {
      postMessage: async (args: Record<string, unknown>) => {
        calls.push({ method: 'chat.postMessage', args });
        const channel = String(args.channel).replace(/^U/, 'D');
        return { ok: true, channel, ts: '1.000100' };
      },
    },
    conversations: {
      open: async (args: Record<string, unknown>) => {
        calls.push({ method: 'conversations.open', args });
        return { ok: true, channel: { id: String(args.users).replace(/^U/, 'D') } };
      },
      history: async (args: Record<string, unknown>) => {
        calls.push({ method: 'conversations.history', args });
        return { ok: true, messages: [{ ts: '1.000100', metadata: { event_type: 'followup_delivery', event_payload: { key: 'k1' } } }] };
      },
    },
  };
  return { client: client as unknown as WebClient, calls };
}

const message: OutboundMessage = {
  key: 'k1',
  locale: 'en',
  zone: 'Europe/Oslo',
  body: { type: 'action', actionId: 'a1', what: 'Book the workshop', dueDay: '2027-04-06', overdue: false, barrier: null },
};

describe('SlackMessenger DMs', () => {
  it('posts a first DM with the user id as channel (no conversations.open) and caches the DM id Slack answers', async () => {
    const { client, calls } = fakeClient();
    const remembered: [string, string][] = [];
    const messenger = new SlackMessenger(client, async (id, ch) => remembered.push([id, ch]), pino({ level: 'silent' }), undefined, { dmByUserId: true });
    const posted = await messenger.toPerson({ id: 'p1', slackUserId: 'U123', dmChannelId: null }, message);
    expect(posted).toEqual({ channelId: 'D123', ts: '1.000100' });
    expect(calls.map((c) => [c.method, c.args.channel ?? c.args.users])).toEqual([['chat.postMessage', 'U123']]);
    expect(remembered).toEqual([['p1', 'D123']]);
  });

  it('uses a known DM channel as it is', async () => {
    const { client, calls } = fakeClient();
    const messenger = new SlackMessenger(client, async () => undefined, pino({ level: 'silent' }), undefined, { dmByUserId: true });
    await messenger.toPerson({ id: 'p1', slackUserId: 'U123', dmChannelId: 'D999' }, message);
    expect(calls.map((c) => c.args.channel)).toEqual(['D999']);
  });

  it('opens the DM first when posting by user id is off', async () => {
    const { client, calls } = fakeClient();
    const messenger = new SlackMessenger(client, async () => undefined, pino({ level: 'silent' }));
    await messenger.toPerson({ id: 'p1', slackUserId: 'U123', dmChannelId: null }, message);
    expect(calls.map((c) => c.method)).toEqual(['conversations.open', 'chat.postMessage']);
  });

  it('finds an earlier post made by user id in the DM channel (after a crash before the ledger recorded it)', async () => {
    const { client, calls } = fakeClient();
    const messenger = new SlackMessenger(client, async () => undefined, pino({ level: 'silent' }), undefined, { dmByUserId: true });
    expect(await messenger.findPosted('U123', 'k1', new Date())).toBe('1.000100');
    expect(calls.map((c) => [c.method, c.args.channel ?? c.args.users])).toEqual([
      ['conversations.open', 'U123'],
      ['conversations.history', 'D123'],
    ]);
  });
});
