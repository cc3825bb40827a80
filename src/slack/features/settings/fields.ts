import type { LocaleChoice, SettingsInput } from '../../../domain/settings';
import { SettingsIds } from '../../ids';
import { FormReader, type BlockErrors, type StateValues } from '../../form/reader';

const CHOICES: LocaleChoice[] = ['auto', 'nb', 'en'];
const HOURS = Array.from({ length: 24 }, (_, h) => String(h));

/** The workspace section counts as submitted when its blocks are in the state (admins only see them). */
export function readSettingsForm(values: StateValues): { input: SettingsInput | null; errors: BlockErrors } {
  const f = new FormReader(values);
  const locale = f.option<LocaleChoice>(SettingsIds.languageBlock, SettingsIds.languageInput, CHOICES, { required: true });
  const timezone = f.text(SettingsIds.timezoneBlock, SettingsIds.timezoneInput, { max: 64 });
  const hour = f.option(SettingsIds.hourBlock, SettingsIds.hourInput, ['default', ...HOURS], { required: true });
  let workspace: SettingsInput['workspace'] = null;
  if (values?.[SettingsIds.wsLanguageBlock] || values?.[SettingsIds.wsHourBlock] || values?.[SettingsIds.wsTimezoneBlock]) {
    const wsLocale = f.option<LocaleChoice>(SettingsIds.wsLanguageBlock, SettingsIds.wsLanguageInput, CHOICES, { required: true });
    const wsTimezone = f.text(SettingsIds.wsTimezoneBlock, SettingsIds.wsTimezoneInput, { max: 64 });
    const wsHour = f.option(SettingsIds.wsHourBlock, SettingsIds.wsHourInput, HOURS, { required: true });
    if (wsLocale && wsHour) workspace = { locale: wsLocale, timezone: wsTimezone, reminderHour: Number(wsHour) };
  }
  if (!f.ok || !locale || !hour) return { input: null, errors: f.errors };
  return {
    input: { personal: { locale, timezone, reminderHour: hour === 'default' ? null : Number(hour) }, workspace },
    errors: {},
  };
}

export const settingsBlocks: Record<string, string> = {
  timezone: SettingsIds.timezoneBlock,
  reminderHour: SettingsIds.hourBlock,
  workspaceTimezone: SettingsIds.wsTimezoneBlock,
  workspaceReminderHour: SettingsIds.wsHourBlock,
};
