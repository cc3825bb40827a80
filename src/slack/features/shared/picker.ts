import type { KnownBlock } from '@slack/types';
import type { Translate } from '../../../i18n';
import { button, section, userMention, type Message } from '../../blocks';
import { indexedAction } from '../../ids';

/** One follow-up to choose: its id (the button's value) and the other person in it. */
export interface PickerItem {
  followUpId: string;
  otherUserId: string;
}

/**
 * A message that asks which follow-up a step is about, one "Choose" button per follow-up. The
 * button (`actionId`) belongs to the feature that asks (conversation, reflect) and opens its modal.
 */
export function followUpPickerMessage(tr: Translate, text: string, actionId: string, items: PickerItem[]): Message {
  const blocks: KnownBlock[] = [section(text)];
  for (const [i, item] of items.slice(0, 45).entries()) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: userMention(item.otherUserId) }, accessory: button(tr('common.choose'), indexedAction(actionId, i + 1), item.followUpId) });
  }
  return { text, blocks };
}
