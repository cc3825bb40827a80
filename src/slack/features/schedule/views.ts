import type { KnownBlock } from '@slack/types';
import type { MessageKey, Translate } from '../../../i18n';
import { slackDateTime } from '../../../time/dates';
import { section } from '../../blocks';
import type { Message } from '../../blocks';

const SHOWN = 25;
const KINDS = ['evaluation', 'nudge', 'reflection', 'action', 'digest'];

/** A person's upcoming reminders, each with a Slack date token (their own zone and language). */
export function scheduleMessage(tr: Translate, upcoming: { kind: string; dueAt: Date }[], zone: string): Message {
  if (upcoming.length === 0) return { text: tr('schedule.empty'), blocks: [section(tr('schedule.empty'))] };
  const lines = upcoming.slice(0, SHOWN).map((r) =>
    tr('schedule.line', { date: slackDateTime(r.dueAt, zone), what: KINDS.includes(r.kind) ? tr(`reminders.kind.${r.kind}` as MessageKey) : r.kind }),
  );
  if (upcoming.length > SHOWN) lines.push(tr('schedule.more', { count: upcoming.length - SHOWN }));
  const blocks: KnownBlock[] = [section(`${tr('schedule.title')}\n${lines.join('\n')}`)];
  return { text: tr('schedule.title'), blocks };
}
