import type { KnownBlock } from '@slack/types';
import type { AuditLine, AuditPage } from '../../../domain/export';
import { AUDITED_WORKSPACE_FIELDS } from '../../../domain/settings';
import type { MessageKey, Translate } from '../../../i18n';
import { dateFormatter, type Reader } from '../../../i18n/dates';
import type { Message } from '../../blocks';
import { context, esc, header, plain, section, truncate, userMention } from '../../blocks';

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

/** The catalogue line of each audited action about a person. */
const AUDIT_KEYS = {
  export: 'export.audit_export',
  erase: 'export.audit_erase',
  hr_partner_named: 'export.audit_hr_named',
  hr_partner_removed: 'export.audit_hr_removed',
} as const satisfies Record<Exclude<AuditLine['action'], 'settings'>, MessageKey>;

/** The label of each audited workspace setting (the settings modal's own). */
const SETTING_LABELS = {
  defaultLocale: 'settings.ws_language',
  defaultTimezone: 'settings.ws_timezone',
  defaultReminderHour: 'settings.ws_hour',
  defaultHolidayCountry: 'settings.ws_holiday_country',
  adminSetupSkipsConsent: 'settings.skip_consent',
  allowSharedTeamChannels: 'settings.shared_channels',
  purgeEndedFollowUpsAfterDays: 'settings.retention_days',
} as const satisfies Record<(typeof AUDITED_WORKSPACE_FIELDS)[number], MessageKey>;

function auditValue(tr: Translate, value: string | null): string {
  if (value === null || value === '') return tr('export.audit_unset');
  if (value === 'true') return tr('export.audit_on');
  if (value === 'false') return tr('export.audit_off');
  return esc(truncate(value, 40));
}

/** One line of the audit log, at most 290 characters (ten lines fill a section). */
function auditRow(tr: Translate, when: string, l: AuditLine): string {
  const admin = l.actorUserId ? userMention(l.actorUserId) : tr('export.audit_app');
  if (l.action === 'settings') {
    const changes = l.changes
      .map((c) => `${tr(SETTING_LABELS[c.field as keyof typeof SETTING_LABELS] ?? 'export.audit_unknown_setting')}: ${auditValue(tr, c.before)} → ${auditValue(tr, c.after)}`)
      .join('; ');
    return truncate(tr('export.audit_settings', { when, admin, changes }), 290);
  }
  const person = l.subjectUserId ? userMention(l.subjectUserId) : tr('export.audit_unset');
  return tr(AUDIT_KEYS[l.action], { when, admin, person });
}

/** The audit log an admin reads: admins' exports and erasures and setting changes, newest first, a page at a time. */
export function auditLogMessage(tr: Translate, reader: Reader, log: AuditPage): Message {
  const dates = dateFormatter(reader);
  const title = tr('export.audit_title');
  const lines = log.lines;
  if (lines.length === 0) return { text: title, blocks: [header(title), section(tr('export.audit_empty'))] };
  const rows = lines.map((l) => auditRow(tr, dates.dateTime(l.at), l));
  // A section holds at most 3000 characters: ten lines per section.
  const blocks: KnownBlock[] = [header(title)];
  for (let i = 0; i < rows.length; i += 10) blocks.push(section(rows.slice(i, i + 10).join('\n')));
  blocks.push(context(tr('export.audit_footer', { page: log.page, pages: log.pages }) + (log.page < log.pages ? ` ${tr('export.audit_older', { next: log.page + 1 })}` : '')));
  return { text: title, blocks };
}
