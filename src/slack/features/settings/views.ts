import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type { Locale } from '../../../data/prisma';
import type { LocaleChoice } from '../../../domain/settings';
import type { Translate } from '../../../i18n';
import { SettingsIds } from '../../ids';
import { context, header, Limits, option, plain } from '../../blocks';
import { radioInput, selectInput, textInput } from '../../form/inputs';

export interface SettingsViewModel {
  locale: Locale | null;
  tzOverride: string | null;
  slackTz: string | null;
  reminderHour: number | null;
  workspaceDefaultHour: number;
  admin: { locale: Locale | null; timezone: string | null; reminderHour: number } | null;
}

const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;

/** Personal settings, and (for a workspace admin) the workspace defaults. */
export function settingsModal(tr: Translate, vm: SettingsViewModel): ModalView {
  const lang = (c: LocaleChoice) => option(tr(`settings.language.${c}`), c);
  const languages: PlainTextOption[] = (['auto', 'nb', 'en'] as const).map(lang);
  const hourOption = (h: number) => option(hh(h), String(h));
  const hours = Array.from({ length: 24 }, (_, h) => hourOption(h));
  const defaultHour = option(tr('settings.hour_default', { time: hh(vm.workspaceDefaultHour) }), 'default');
  const blocks: KnownBlock[] = [
    header(tr('settings.personal_header')),
    radioInput(SettingsIds.languageBlock, SettingsIds.languageInput, tr('settings.language'), languages, { initial: lang(vm.locale ?? 'auto') }),
    textInput(SettingsIds.timezoneBlock, SettingsIds.timezoneInput, tr('settings.timezone'), {
      optional: true,
      max: 64,
      initial: vm.tzOverride,
      placeholder: tr('settings.timezone_placeholder'),
      hint: tr('settings.timezone_hint', { zone: vm.slackTz ?? tr('settings.timezone_unknown') }),
    }),
    selectInput(SettingsIds.hourBlock, SettingsIds.hourInput, tr('settings.hour'), [defaultHour, ...hours], {
      initial: vm.reminderHour === null ? defaultHour : hourOption(vm.reminderHour),
    }),
  ];
  if (vm.admin) {
    blocks.push(header(tr('settings.workspace_header')), context(tr('settings.workspace_intro')));
    blocks.push(
      radioInput(SettingsIds.wsLanguageBlock, SettingsIds.wsLanguageInput, tr('settings.ws_language'), languages, { initial: lang(vm.admin.locale ?? 'auto') }),
      textInput(SettingsIds.wsTimezoneBlock, SettingsIds.wsTimezoneInput, tr('settings.ws_timezone'), {
        optional: true,
        max: 64,
        initial: vm.admin.timezone,
        placeholder: tr('settings.timezone_placeholder'),
      }),
      selectInput(SettingsIds.wsHourBlock, SettingsIds.wsHourInput, tr('settings.ws_hour'), hours, { initial: hourOption(vm.admin.reminderHour) }),
    );
  }
  return {
    type: 'modal',
    callback_id: SettingsIds.view,
    title: plain(tr('settings.title'), Limits.modalTitle),
    submit: plain(tr('common.save'), Limits.modalTitle),
    close: plain(tr('common.cancel'), Limits.modalTitle),
    blocks,
  };
}
