import type { KnownBlock, PlainTextElement, PlainTextOption } from '@slack/types';

/** Small, pure Block Kit helpers. Every text is cut to the limit of SLACK-FACTS.md. */
export const Limits = {
  modalTitle: 24,
  header: 150,
  sectionText: 3000,
  fieldText: 2000,
  buttonText: 75,
  buttonValue: 2000,
  optionText: 75,
  optionValue: 75,
  placeholder: 150,
  label: 2000,
  contextElements: 10,
  privateMetadata: 3000,
} as const;

export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return chars.slice(0, Math.max(0, max - 1)).join('') + '…';
}

/** Cuts at a word boundary (never inside a word) with an ellipsis, when over `max` characters. */
export function truncateWords(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const head = chars.slice(0, max - 1).join('');
  const cut = head.replace(/[\s,;:—–-]+\S*$/u, '');
  return (cut.length > 0 ? cut : head).replace(/[\s,;:—–-]+$/u, '') + '…';
}

export function plain(text: string, max: number = Limits.sectionText): PlainTextElement {
  return { type: 'plain_text', text: truncate(text, max), emoji: true };
}

export function option(text: string, value: string): PlainTextOption {
  return { text: plain(text, Limits.optionText), value: truncate(value, Limits.optionValue) };
}

export function section(markdown: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(markdown, Limits.sectionText) } };
}

export function header(text: string): KnownBlock {
  return { type: 'header', text: plain(text, Limits.header) };
}

export function context(markdown: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(markdown, Limits.sectionText) }] };
}

export function divider(): KnownBlock {
  return { type: 'divider' };
}

export function button(text: string, actionId: string, value?: string, style?: 'primary' | 'danger') {
  return {
    type: 'button' as const,
    text: plain(text, Limits.buttonText),
    action_id: actionId,
    ...(value !== undefined ? { value: truncate(value, Limits.buttonValue) } : {}),
    ...(style ? { style } : {}),
  };
}

/** Escapes user text for mrkdwn so that names and titles cannot inject mentions or links. */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A ten-cell progress bar: ▓▓▓▓░░░░░░ 40 %. */
export function progressBar(fraction: number): string {
  const clamped = Math.min(1, Math.max(0, fraction));
  const filled = Math.round(clamped * 10);
  return '▓'.repeat(filled) + '░'.repeat(10 - filled);
}

/** A goal's progress: the bar and its percentage, or `none` (already translated) when it has no measure. */
export function progressText(progress: number | null, percentText: (percent: number) => string, none: string): string {
  return progress === null ? none : `${progressBar(progress)} ${percentText(Math.round(progress * 100))}`;
}

export const userMention = (userId: string) => `<@${userId}>`;
export const channelMention = (channelId: string) => `<#${channelId}>`;

/** A message as the app sends it: fallback text and blocks. */
export interface Message {
  text: string;
  blocks: KnownBlock[];
}

export function textMessage(text: string): Message {
  return { text, blocks: [section(text)] };
}

/** How a person is named where mentions do not render (option texts). */
export function nameOf(person: { displayName: string | null; realName: string | null; slackUserId: string }): string {
  return person.displayName || person.realName || person.slackUserId;
}
