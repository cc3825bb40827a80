import { HOURS, LOCALE_CHOICES } from '../../../domain/settings';
import { defineForm, multi, number, select, text, users } from '../../form/fields';
import { HR_PARTNERS_MAX } from '../../../domain/hr';

const HOUR_VALUES = HOURS.map(String);
/** A reminder hour as the select shows it: 07:00. */
export const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;

/**
 * The settings modal (`settings_view`): the person's language, zone and reminder hour; for a
 * workspace admin also the workspace defaults (`ws…`, shown to admins only).
 */
export const settingsForm = defineForm(
  'settings',
  {
    language: select({ label: 'settings.language', hint: 'settings.language_hint', required: true, radio: true, values: LOCALE_CHOICES, optionText: (tr, c) => tr(`settings.language.${c}`) }),
    // Its hint names the Slack zone (render time).
    timezone: text({ label: 'settings.timezone', placeholder: 'settings.timezone_placeholder', max: 64 }),
    // "Workspace default (09:00)" names the workspace's hour: the options are given at render time.
    hour: select({ label: 'settings.hour', required: true, values: ['default', ...HOUR_VALUES] }),
    // A country code (NO, SE, GB); its hint names the workspace's country (render time). Empty: the workspace's.
    holidayCountry: text({ label: 'settings.holiday_country', max: 20 }),
    wsLanguage: select({ label: 'settings.ws_language', required: true, radio: true, values: LOCALE_CHOICES, optionText: (tr, c) => tr(`settings.language.${c}`) }),
    wsTimezone: text({ label: 'settings.ws_timezone', placeholder: 'settings.timezone_placeholder', max: 64 }),
    wsHour: select({ label: 'settings.ws_hour', required: true, values: HOUR_VALUES, optionText: (_tr, h) => hh(Number(h)) }),
    wsHolidayCountry: text({ label: 'settings.ws_holiday_country', max: 20 }),
    // Empty = keep ended follow-ups (the default); the domain checks the range (settings.error_retention_days).
    purgeEndedAfterDays: number({ label: 'settings.retention_days', hint: 'settings.retention_days_hint' }),
    // Off by default: every leader accepts their follow-up first.
    wsSkipConsent: multi({ label: 'settings.skip_consent', hint: 'settings.skip_consent_hint', checkboxes: true, values: ['on'], optionText: (tr) => tr('settings.skip_consent_option') }),
    // The HR overview (admins): who may read it, and the fewest follow-ups behind a figure.
    wsHrPartners: users({ label: 'settings.hr_partners', hint: 'settings.hr_partners_hint', max: HR_PARTNERS_MAX, stem: 'ws_hr_partners' }),
    wsHrThreshold: number({ label: 'settings.hr_threshold', hint: 'settings.hr_threshold_hint', required: true, stem: 'ws_hr_threshold' }),
    // Off by default: a team channel shared with another organisation (Slack Connect) is refused.
    wsSharedChannels: multi({ label: 'settings.shared_channels', hint: 'settings.shared_channels_hint', checkboxes: true, values: ['on'], optionText: (tr) => tr('settings.shared_channels_option') }),
  },
  { reminderHour: 'hour', workspaceTimezone: 'wsTimezone', workspaceReminderHour: 'wsHour', workspaceHolidayCountry: 'wsHolidayCountry', hrPartners: 'wsHrPartners', hrThreshold: 'wsHrThreshold' },
);

export const PERSONAL_FIELDS = ['language', 'timezone', 'hour', 'holidayCountry'] as const;
export const WORKSPACE_FIELDS = ['wsLanguage', 'wsTimezone', 'wsHour', 'wsHolidayCountry', 'purgeEndedAfterDays', 'wsSkipConsent', 'wsSharedChannels'] as const;
/** The HR part of the workspace section (a modal opened before it existed has none: unchanged). */
export const HR_FIELDS = ['wsHrPartners', 'wsHrThreshold'] as const;

/**
 * private_metadata of a settings modal with the holiday-country fields. A modal opened before they
 * existed has none, and its submission leaves the countries as they are.
 */
export const WITH_HOLIDAYS = { holidays: 1 } as const;
/** private_metadata of a settings modal with the HR fields. */
export const WITH_HR = { ...WITH_HOLIDAYS, hr: 1 } as const;
