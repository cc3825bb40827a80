import { checkSettings, normaliseZone } from '../../src/domain/settings';
import { translator } from '../../src/i18n';
import { settingsForm } from '../../src/slack/features/settings/fields';
import { settingsModal, SettingsIds } from '../../src/slack/features/settings/views';

const tr = translator('en');

describe('settings form', () => {
  it('keeps the ids Slack already holds (a modal open during a deploy still submits)', () => {
    expect(SettingsIds.view).toBe('settings_view');
    expect(settingsForm.ids).toEqual({
      language: { block: 'settings_language_block', action: 'settings_language_input' },
      timezone: { block: 'settings_timezone_block', action: 'settings_timezone_input' },
      hour: { block: 'settings_hour_block', action: 'settings_hour_input' },
      wsLanguage: { block: 'settings_ws_language_block', action: 'settings_ws_language_input' },
      wsTimezone: { block: 'settings_ws_timezone_block', action: 'settings_ws_timezone_input' },
      wsHour: { block: 'settings_ws_hour_block', action: 'settings_ws_hour_input' },
      holidayCountry: { block: 'settings_holiday_country_block', action: 'settings_holiday_country_input' },
      wsHolidayCountry: { block: 'settings_ws_holiday_country_block', action: 'settings_ws_holiday_country_input' },
      purgeEndedAfterDays: { block: 'settings_purge_ended_after_days_block', action: 'settings_purge_ended_after_days_input' },
      wsSkipConsent: { block: 'settings_ws_skip_consent_block', action: 'settings_ws_skip_consent_input' },
      wsSharedChannels: { block: 'settings_ws_shared_channels_block', action: 'settings_ws_shared_channels_input' },
      wsHrPartners: { block: 'settings_ws_hr_partners_block', action: 'settings_ws_hr_partners_input' },
      wsHrThreshold: { block: 'settings_ws_hr_threshold_block', action: 'settings_ws_hr_threshold_input' },
    });
    // The HR rules' errors land on their fields.
    expect(settingsForm.mapErrors({ hrThreshold: { key: 'settings.error_hr_threshold', vars: { min: 3, max: 50 } } }, 'language')).toEqual({
      settings_ws_hr_threshold_block: { key: 'settings.error_hr_threshold', vars: { min: 3, max: 50 } },
    });
    // The retention rule's error (RetentionService) lands on its field.
    expect(settingsForm.mapErrors({ purgeEndedAfterDays: { key: 'settings.error_retention_days', vars: { max: 3650 } } }, 'language')).toEqual({
      settings_purge_ended_after_days_block: { key: 'settings.error_retention_days', vars: { max: 3650 } },
    });
    // Domain errors land on their fields.
    const err = { key: 'common.error_invalid_option' } as const;
    const country = { key: 'settings.error_country' } as const;
    expect(
      settingsForm.mapErrors({ timezone: err, reminderHour: err, workspaceTimezone: err, workspaceReminderHour: err, holidayCountry: country, workspaceHolidayCountry: country }, 'language'),
    ).toEqual({
      settings_timezone_block: err,
      settings_hour_block: err,
      settings_ws_timezone_block: err,
      settings_ws_hour_block: err,
      settings_holiday_country_block: country,
      settings_ws_holiday_country_block: country,
    });
  });

  const vm = { locale: null, tzOverride: 'Europe/Oslo', slackTz: 'America/New_York', reminderHour: null, workspaceDefaultHour: 8, holidayCountry: null, workspaceHolidayCountry: 'SE', admin: { locale: 'nb' as const, timezone: null, reminderHour: 8, holidayCountry: 'SE', purgeEndedAfterDays: 90, hrPartners: ['UHRPART1'], hrThreshold: 6 } };
  const view = settingsModal(tr, vm);
  const block = (id: string) => view.blocks.find((b) => b.block_id === id) as unknown as { hint?: { text: string }; element: Record<string, unknown> };

  it('shows the person\'s settings, the Slack zone, the workspace default hour; the admin section only to admins', () => {
    expect(block('settings_language_block').element.initial_option).toMatchObject({ value: 'auto', text: { text: 'Automatic (from Slack)' } });
    expect(block('settings_timezone_block').element.initial_value).toBe('Europe/Oslo');
    expect(block('settings_timezone_block').hint?.text).toContain('now America/New_York');
    expect(block('settings_hour_block').element.initial_option).toMatchObject({ value: 'default', text: { text: 'Workspace default (08:00)' } });
    expect((block('settings_hour_block').element.options as unknown[]).length).toBe(25);
    expect(block('settings_ws_language_block').element.initial_option).toMatchObject({ value: 'nb' });
    expect(block('settings_ws_hour_block').element.initial_option).toMatchObject({ value: '8', text: { text: '08:00' } });
    expect(block('settings_purge_ended_after_days_block').element.initial_value).toBe('90');
    expect(block('settings_purge_ended_after_days_block').hint?.text).toBe('Leave empty to keep ended follow-ups. Otherwise they are deleted, with everything in them, this many days after they ended.');
    expect(settingsModal(tr, { ...vm, admin: null }).blocks.some((b) => b.block_id?.startsWith('settings_ws_'))).toBe(false);
  });

  it('lets an admin name HR partners and set the threshold of the HR overview', () => {
    expect(block('settings_ws_hr_partners_block').element).toMatchObject({ type: 'multi_users_select', initial_users: ['UHRPART1'], max_selected_items: 20 });
    expect(block('settings_ws_hr_partners_block').hint?.text).toContain('never a name or what anyone wrote');
    expect(block('settings_ws_hr_threshold_block').element.initial_value).toBe('6');
    expect(block('settings_ws_hr_threshold_block').hint?.text).toContain('never below 3');
  });

  it('asks for the public holidays\' country: the person\'s own (hint names the workspace\'s) and, for an admin, the workspace\'s', () => {
    expect(block('settings_holiday_country_block').element.initial_value).toBeUndefined();
    expect(block('settings_holiday_country_block').hint?.text).toContain('workspace default (SE)');
    expect(block('settings_ws_holiday_country_block').element.initial_value).toBe('SE');
    const nb = settingsModal(translator('nb'), { ...vm, holidayCountry: 'GB', admin: null });
    const own = nb.blocks.find((b) => b.block_id === 'settings_holiday_country_block') as unknown as { label: { text: string }; hint: { text: string }; element: { initial_value: string } };
    expect(own.label.text).toBe('Helligdager fra landet');
    expect(own.hint.text).toContain('arbeidsområdets standard (SE)');
    expect(own.element.initial_value).toBe('GB');
    // The modal says it has the country fields: an older modal without them leaves the countries alone.
    expect(JSON.parse(view.private_metadata ?? '')).toEqual({ holidays: 1, hr: 1 });
  });

  it('max_length of the zone fields is what the reader accepts', () => {
    const max = block('settings_timezone_block').element.max_length as number;
    expect(block('settings_ws_timezone_block').element.max_length).toBe(max);
    const state = (zone: string) => ({
      settings_language_block: { settings_language_input: { selected_option: { value: 'nb' } } },
      settings_timezone_block: { settings_timezone_input: { value: zone } },
      settings_hour_block: { settings_hour_input: { selected_option: { value: '7' } } },
    });
    const personal = ['language', 'timezone', 'hour'] as const;
    expect(settingsForm.read(state('a'.repeat(max)), { only: [...personal] }).errors).toEqual({});
    expect(settingsForm.read(state('a'.repeat(max + 1)), { only: [...personal] }).errors).toEqual({
      settings_timezone_block: { key: 'common.error_too_long', vars: { max, length: max + 1 } },
    });
  });
});

describe('settings rules (domain)', () => {
  const personal = { locale: 'auto' as const, timezone: null, reminderHour: null };
  it('reads zones in any case; unknown zones and hours outside 0–23 are refused', () => {
    expect(normaliseZone('europe/oslo')).toBe('Europe/Oslo');
    expect(checkSettings({ personal: { ...personal, timezone: 'america/new york' }, workspace: null })).toMatchObject({ errors: {}, zone: 'America/New_York' });
    expect(checkSettings({ personal: { locale: 'nb', timezone: 'Mars/Olympus', reminderHour: 24 }, workspace: { locale: 'en', timezone: 'abc', reminderHour: -1 } }).errors).toEqual({
      timezone: { key: 'settings.error_timezone' },
      reminderHour: { key: 'common.error_invalid_option' },
      workspaceTimezone: { key: 'settings.error_timezone' },
      workspaceReminderHour: { key: 'common.error_invalid_option' },
    });
  });
});
