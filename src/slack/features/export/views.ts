import type { KnownBlock } from '@slack/types';
import type { AuditLine } from '../../../domain/export';
import type { MessageKey, Translate } from '../../../i18n';
import { dateFormatter, type Reader } from '../../../i18n/dates';
import type { Message } from '../../blocks';
import { context, header, plain, section, truncate, userMention } from '../../blocks';

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

/** The catalogue line of each audited action. */
const AUDIT_KEYS = {
  export: 'export.audit_export',
  erase: 'export.audit_erase',
  hr_partner_named: 'export.audit_hr_named',
  hr_partner_removed: 'export.audit_hr_removed',
} as const satisfies Record<AuditLine['action'], MessageKey>;

/** The audit log an admin reads: who exported or erased whose data, and when (newest first). */
export function auditLogMessage(tr: Translate, reader: Reader, lines: AuditLine[]): Message {
  const dates = dateFormatter(reader);
  const title = tr('export.audit_title');
  if (lines.length === 0) return { text: title, blocks: [header(title), section(tr('export.audit_empty'))] };
  const rows = lines.map((l) =>
    tr(AUDIT_KEYS[l.action], { when: dates.dateTime(l.at), admin: userMention(l.actorUserId), person: userMention(l.subjectUserId) }),
  );
  // A section holds at most 3000 characters: ten lines per section.
  const blocks: KnownBlock[] = [header(title)];
  for (let i = 0; i < rows.length; i += 10) blocks.push(section(rows.slice(i, i + 10).join('\n')));
  blocks.push(context(tr('export.audit_footer')));
  return { text: title, blocks };
}
