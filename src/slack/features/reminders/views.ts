import type { MessageKey, Translate } from '../../../i18n';
import { section, type Message } from '../../blocks';
import { kindName } from '../../outbound/render';

/** Why deliveries failed, for the senior leader (App Home "why" button). */
export function failedDeliveriesMessage(tr: Translate, failed: { kind: string; target: string; reason: string }[]): Message {
  if (failed.length === 0) return { text: tr('reminders.failed_list_empty'), blocks: [section(tr('reminders.failed_list_empty'))] };
  const reasonText = (code: string) =>
    ['not_in_channel', 'channel_not_found', 'is_archived', 'account_inactive'].includes(code)
      ? tr(`reminders.reason.${code}` as MessageKey)
      : tr('reminders.reason.other', { code });
  const lines = failed.slice(0, 20).map((f) => tr('reminders.failed_home_line', { what: kindName(tr, f.kind), target: f.target, reason: reasonText(f.reason) }));
  return { text: tr('reminders.failed_list_title'), blocks: [section(`${tr('reminders.failed_list_title')}\n${lines.join('\n')}`)] };
}
