import type { KnownBlock } from '@slack/types';
import type { Translate } from '../../../i18n';
import type { Message } from '../../blocks';
import { plain, section, truncate, userMention } from '../../blocks';

/** The admin's guarded "erase" button (value: the person's user id). */
export const ExportIds = { eraseButton: 'export_erase_button' } as const;

/** Tells an admin the export went to the person, with a guarded "erase" button. */
export function exportSentToOther(tr: Translate, subjectUserId: string): Message {
  const person = userMention(subjectUserId);
  const text = tr('export.sent_other', { person });
  const blocks: KnownBlock[] = [
    section(text),
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: ExportIds.eraseButton,
          style: 'danger',
          value: subjectUserId,
          text: plain(tr('export.erase_button'), 75),
          confirm: {
            title: plain(tr('export.erase_confirm_title'), 100),
            text: { type: 'mrkdwn', text: truncate(tr('export.erase_confirm_text', { person }), 300) },
            confirm: plain(tr('export.erase_confirm_yes'), 30),
            deny: plain(tr('export.erase_confirm_no'), 30),
            style: 'danger',
          },
        },
      ],
    },
  ];
  return { text, blocks };
}
