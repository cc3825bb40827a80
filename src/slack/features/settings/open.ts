import { DEFAULT_HOLIDAY_COUNTRY } from '../../../time/holidays';
import type { AppContext } from '../../context';
import type { Invocation } from '../../invocation';
import { settingsModal } from './views';

/** `/followup settings`: personal settings, and workspace defaults for an admin. */
export async function openSettings(ctx: AppContext, inv: Invocation): Promise<void> {
  const { person, workspace, isAdmin } = await ctx.services.settings.load(inv.actor);
  const hr = isAdmin ? await ctx.services.hr.settings(inv.actor.teamId) : null;
  const view = settingsModal(inv.tr, {
    locale: person.localeOverride,
    tzOverride: person.tzOverride,
    slackTz: person.slackTz,
    reminderHour: person.reminderHour,
    workspaceDefaultHour: workspace?.defaultReminderHour ?? 9,
    holidayCountry: person.holidayCountry,
    workspaceHolidayCountry: workspace?.defaultHolidayCountry ?? DEFAULT_HOLIDAY_COUNTRY,
    admin: isAdmin
      ? {
          locale: workspace?.defaultLocale ?? null,
          timezone: workspace?.defaultTimezone ?? null,
          reminderHour: workspace?.defaultReminderHour ?? 9,
          holidayCountry: workspace?.defaultHolidayCountry ?? null,
          purgeEndedAfterDays: workspace?.purgeEndedFollowUpsAfterDays ?? null,
          skipConsent: workspace?.adminSetupSkipsConsent ?? false,
          hrPartners: hr?.partners ?? [],
          hrThreshold: hr?.threshold ?? 5,
          sharedChannels: workspace?.allowSharedTeamChannels ?? false,
        }
      : null,
  });
  await ctx.web.views.open({ trigger_id: inv.triggerId, view });
}
