import type { KnownBlock } from '@slack/types';
import type { Translate } from '../../../i18n';
import type { DateFormatter } from '../../../i18n/dates';
import type { IsoDay } from '../../../time/dates';
import { esc, section } from '../../blocks';
import type { Message } from '../../blocks';
import { kindName } from '../../outbound/render';

const SHOWN = 25;

export interface UpcomingReminder {
  kind: string;
  dueAt: Date;
  /** Moved off a public holiday (domain `holidayMove`): the usual day and the holiday's name. */
  moved?: { movedFrom: IsoDay; holiday: string } | null;
}

/** A person's upcoming reminders, dated as the reader reads them, with any move off a holiday. */
export function scheduleMessage(tr: Translate, upcoming: UpcomingReminder[], dates: DateFormatter): Message {
  if (upcoming.length === 0) return { text: tr('schedule.empty'), blocks: [section(tr('schedule.empty'))] };
  const lines = upcoming.slice(0, SHOWN).map((r) => {
    const line = tr('schedule.line', { date: dates.dateTime(r.dueAt), what: kindName(tr, r.kind) });
    return r.moved ? `${line} ${tr('schedule.moved', { date: dates.day(r.moved.movedFrom), holiday: esc(r.moved.holiday) })}` : line;
  });
  if (upcoming.length > SHOWN) lines.push(tr('schedule.more', { count: upcoming.length - SHOWN }));
  const blocks: KnownBlock[] = [section(`${tr('schedule.title')}\n${lines.join('\n')}`)];
  return { text: tr('schedule.title'), blocks };
}
