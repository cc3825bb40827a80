import { modalView } from '../../form/modal';
import type { KnownBlock, ModalView } from '@slack/types';
import type { LocaleCode } from '../../../domain/vocabulary';
import type { Translate } from '../../../i18n';
import { context, header, option } from '../../blocks';

import { HR_FIELDS, hh, PERSONAL_FIELDS, settingsForm, WITH_HR, WORKSPACE_FIELDS } from './fields';

export const SettingsIds = { view: 'settings_view' } as const;

export interface SettingsViewModel {
  locale: LocaleCode | null;
  tzOverride: string | null;
  slackTz: string | null;
  reminderHour: number | null;
  workspaceDefaultHour: number;
  /** The person's own holiday country (ISO code), or null for the workspace's. */
  holidayCountry: string | null;
  /** The workspace's holiday country in effect (its setting, else NO). */
  workspaceHolidayCountry: string;
  admin: { locale: LocaleCode | null; timezone: string | null; reminderHour: number; holidayCountry: string | null; purgeEndedAfterDays: number | null; skipConsent?: boolean; sharedChannels?: boolean; hrPartners: string[]; hrThreshold: number } | null;
}

/** Personal settings, and (for a workspace admin) the workspace defaults. */
export function settingsModal(tr: Translate, vm: SettingsViewModel): ModalView {
  const f = settingsForm;
  const hours = Array.from({ length: 24 }, (_, h) => option(hh(h), String(h)));
  const blocks: KnownBlock[] = [
    header(tr('settings.personal_header')),
    ...f.blocks(
      tr,
      {
        language: { initial: vm.locale ?? 'auto' },
        timezone: { initial: vm.tzOverride, hint: tr('settings.timezone_hint', { zone: vm.slackTz ?? tr('settings.timezone_unknown') }) },
        hour: {
          initial: vm.reminderHour === null ? 'default' : String(vm.reminderHour),
          options: [option(tr('settings.hour_default', { time: hh(vm.workspaceDefaultHour) }), 'default'), ...hours],
        },
        holidayCountry: { initial: vm.holidayCountry, hint: tr('settings.holiday_country_hint', { country: vm.workspaceHolidayCountry }) },
      },
      [...PERSONAL_FIELDS],
    ),
  ];
  if (vm.admin) {
    blocks.push(
      header(tr('settings.workspace_header')),
      context(tr('settings.workspace_intro')),
      ...f.blocks(
        tr,
        {
          wsLanguage: { initial: vm.admin.locale ?? 'auto' },
          wsTimezone: { initial: vm.admin.timezone },
          wsHour: { initial: String(vm.admin.reminderHour) },
          wsHolidayCountry: { initial: vm.admin.holidayCountry },
          purgeEndedAfterDays: { initial: vm.admin.purgeEndedAfterDays },
          wsSkipConsent: { initial: vm.admin.skipConsent ? ['on'] : [] },
          wsSharedChannels: { initial: vm.admin.sharedChannels ? ['on'] : [] },
        },
        [...WORKSPACE_FIELDS],
      ),
      header(tr('settings.hr_header')),
      ...f.blocks(tr, { wsHrPartners: { initial: vm.admin.hrPartners }, wsHrThreshold: { initial: vm.admin.hrThreshold } }, [...HR_FIELDS]),
    );
  }
  return modalView(tr, {
    callbackId: SettingsIds.view,
    title: 'settings.title',
    privateMetadata: WITH_HR,
    blocks,
  });
}
