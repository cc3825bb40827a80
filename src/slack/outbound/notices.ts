import type { WebClient } from '@slack/web-api';
import type { Posted } from '../../domain/ports';
import type { InvitationExpiredNotice, LeftNotice, NoticeMessenger } from '../../domain/reminders/messages';

type Recipient = { id: string; workspaceId: string; slackUserId: string; dmChannelId: string | null };
import { t } from '../../i18n';
import { classify } from './messenger';

/**
 * Lifecycle notices as plain-text DMs (no blocks), carrying the delivery key as metadata like
 * every workflow post, so a taken-over claim can find an earlier post. Errors are classified
 * like SlackMessenger's (429 → rate limit, account_inactive… → rejected for good).
 */
export class SlackNoticeMessenger implements NoticeMessenger {
  constructor(
    /** The posting client of a workspace (its own token). */
    private readonly clientFor: (workspaceId: string) => WebClient,
    private readonly rememberDm: (personId: string, channelId: string) => Promise<unknown>,
  ) {}

  personLeft(person: Recipient, notice: LeftNotice): Promise<Posted> {
    const text = t(notice.locale, notice.leftRole === 'senior' ? 'lifecycle.left_senior' : 'lifecycle.left_leader', { person: `<@${notice.leftUserId}>` });
    return this.post(person, notice.key, text);
  }

  invitationExpired(person: Recipient, notice: InvitationExpiredNotice): Promise<Posted> {
    return this.post(person, notice.key, t(notice.locale, 'consent.expired', { leader: `<@${notice.leaderUserId}>` }));
  }

  private async post(person: Recipient, key: string, text: string): Promise<Posted> {
    const client = this.clientFor(person.workspaceId);
    try {
      let channel = person.dmChannelId;
      if (!channel) {
        const res = await client.conversations.open({ users: person.slackUserId });
        channel = (res.channel as { id?: string } | undefined)?.id ?? null;
        if (!channel) throw new Error('conversations.open returned no channel');
        await this.rememberDm(person.id, channel).catch(() => undefined);
      }
      const res = await client.chat.postMessage({
        channel,
        text,
        unfurl_links: false,
        metadata: { event_type: 'followup_delivery', event_payload: { key } },
      });
      return { channelId: (res.channel as string | undefined) ?? channel, ts: res.ts as string };
    } catch (err) {
      throw classify(err);
    }
  }
}
