import type { KnownBlock } from '@slack/types';
import { WebClient, type ChatPostMessageArguments } from '@slack/web-api';
import type { Logger } from 'pino';
import type { Messenger, OutboundMessage } from '../../domain/reminders/messages';
import { DeliveryRateLimited, DeliveryRejected, PERMANENT_SLACK_ERRORS, type Posted } from '../../domain/ports';
import { slackErrorCode, webClientOptions } from '../gateway';
import { renderOutbound } from './render';
import { withImages, type OutboundImages } from '../digestChart';

const METADATA_EVENT = 'followup_delivery';

/**
 * The Web API client the workflows post with: it never re-sends on its own (no retries, 429s
 * rejected), so that every retry goes through BullMQ and the Delivery ledger.
 */
export const POSTING_OPTIONS = { rejectRateLimitedCalls: true, retryConfig: { retries: 0 }, timeout: 15_000 };
export function postingClient(botToken: string, apiUrl: string | undefined): WebClient {
  return new WebClient(botToken, webClientOptions(apiUrl, POSTING_OPTIONS));
}

interface RateLimitedError {
  code: string;
  retryAfter?: number;
}

/** Maps a Web API failure to what the ledger needs to know. */
export function classify(err: unknown): Error {
  if (typeof err === 'object' && err !== null) {
    const e = err as RateLimitedError;
    if (e.code === 'slack_webapi_rate_limited_error') return new DeliveryRateLimited(Math.max(1, e.retryAfter ?? 1) * 1000);
    const code = slackErrorCode(err);
    if (code === 'ratelimited') return new DeliveryRateLimited(1000);
    if (code && PERMANENT_SLACK_ERRORS.has(code)) return new DeliveryRejected(code);
  }
  return err instanceof Error ? err : new Error(String(err));
}

export class SlackMessenger implements Messenger {
  constructor(
    private readonly client: WebClient,
    private readonly rememberDm: (personId: string, channelId: string) => Promise<unknown>,
    private readonly logger: Logger,
    /** Pictures a DM carries (the digest's overview chart): see ./digestChart.ts. */
    private readonly images?: OutboundImages,
    /**
     * Post a first DM with the user id as `channel` (Slack opens the app's DM itself and answers
     * its D… id): no conversations.open (Tier 3) per person. Off: open the DM first.
     */
    private readonly options: { dmByUserId?: boolean } = {},
  ) {}

  private async post(channel: string, message: OutboundMessage, images: KnownBlock[] = []): Promise<Posted> {
    const rendered = renderOutbound(message);
    const args: ChatPostMessageArguments = {
      channel,
      text: rendered.text,
      blocks: withImages(rendered.blocks, images),
      unfurl_links: false,
      unfurl_media: false,
      metadata: { event_type: METADATA_EVENT, event_payload: { key: message.key } },
    };
    const res = await this.client.chat.postMessage(args);
    return { channelId: (res.channel as string | undefined) ?? channel, ts: res.ts as string };
  }

  private async openDm(person: { id: string; slackUserId: string }): Promise<string> {
    try {
      const res = await this.client.conversations.open({ users: person.slackUserId });
      const id = (res.channel as { id?: string } | undefined)?.id;
      if (!id) throw new Error('conversations.open returned no channel');
      await this.rememberDm(person.id, id).catch((err) => this.logger.warn({ err }, 'could not cache the DM channel'));
      return id;
    } catch (err) {
      throw classify(err);
    }
  }

  async toPerson(person: { id: string; slackUserId: string; dmChannelId: string | null }, message: OutboundMessage): Promise<Posted> {
    if (!person.dmChannelId && this.options.dmByUserId) {
      try {
        const posted = await this.post(person.slackUserId, message);
        if (posted.channelId !== person.slackUserId) await this.rememberDm(person.id, posted.channelId).catch((err) => this.logger.warn({ err }, 'could not cache the DM channel'));
        return posted;
      } catch (err) {
        throw classify(err);
      }
    }
    const channel = person.dmChannelId ?? (await this.openDm(person));
    const images = this.images ? await this.images(person, message) : [];
    try {
      return await this.post(channel, message, images);
    } catch (err) {
      const mapped = classify(err);
      // A cached DM channel that Slack no longer knows: open it again, once.
      if (person.dmChannelId && mapped instanceof DeliveryRejected && mapped.code === 'channel_not_found') {
        const fresh = await this.openDm(person);
        try {
          return await this.post(fresh, message, images);
        } catch (again) {
          throw classify(again);
        }
      }
      throw mapped;
    }
  }

  async toChannel(channelId: string, message: OutboundMessage): Promise<Posted> {
    try {
      return await this.post(channelId, message);
    } catch (err) {
      const mapped = classify(err);
      if (mapped instanceof DeliveryRejected && mapped.code === 'not_in_channel') {
        // A public channel can be joined; a private one needs an invitation (the senior leader is told).
        try {
          await this.client.conversations.join({ channel: channelId });
        } catch (joinErr) {
          const code = slackErrorCode(joinErr);
          this.logger.info({ channelId, code }, 'could not join the team channel');
          if (code === 'is_archived' || code === 'channel_not_found') throw new DeliveryRejected(code);
          const mappedJoin = classify(joinErr);
          if (mappedJoin instanceof DeliveryRateLimited) throw mappedJoin;
          throw new DeliveryRejected('not_in_channel');
        }
        try {
          return await this.post(channelId, message);
        } catch (again) {
          throw classify(again);
        }
      }
      throw mapped;
    }
  }

  async findPosted(channelId: string, key: string, since: Date): Promise<string | null> {
    try {
      // A DM addressed by user id: its history is in the DM channel.
      const channel = /^[UW]/.test(channelId) ? ((await this.client.conversations.open({ users: channelId })).channel as { id?: string } | undefined)?.id : channelId;
      if (!channel) return null;
      const res = await this.client.conversations.history({
        channel,
        oldest: String(Math.floor(since.getTime() / 1000) - 120),
        include_all_metadata: true,
        limit: 100,
      });
      const messages = (res.messages ?? []) as { ts?: string; metadata?: { event_type?: string; event_payload?: Record<string, unknown> } }[];
      const hit = messages.find((m) => m.metadata?.event_type === METADATA_EVENT && m.metadata.event_payload?.key === key);
      return hit?.ts ?? null;
    } catch (err) {
      // Without history access we cannot tell: post (at-least-once for this rare case).
      this.logger.warn({ err: slackErrorCode(err) ?? String(err), channelId, key }, 'could not check for an earlier post');
      return null;
    }
  }
}
