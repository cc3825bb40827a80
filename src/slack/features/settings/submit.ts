import { translator } from '../../../i18n';
import type { AppContext } from '../../context';
import { textMessage } from '../../blocks';
import { submitHandler } from '../../form/submit';
import { dm } from '../../notify';
import { publishHome } from '../home/publish';
import { parseMetadata } from '../../form/metadata';
import { HR_FIELDS, PERSONAL_FIELDS, settingsForm, WITH_HOLIDAYS, WITH_HR, WORKSPACE_FIELDS } from './fields';

/** The settings modal: saves them (reminders move with them); confirms in the new language and zone. */
export function settingsSubmission(ctx: AppContext) {
  const ws = settingsForm.ids;
  return submitHandler(ctx, {
    form: settingsForm,
    fallback: 'language',
    // The workspace section counts as submitted when its blocks are in the state (admins only see them).
    only: (values) =>
      values?.[ws.wsLanguage.block] || values?.[ws.wsHour.block] || values?.[ws.wsTimezone.block]
        ? [...PERSONAL_FIELDS, ...WORKSPACE_FIELDS, ...(values?.[ws.wsHrThreshold.block] ? HR_FIELDS : [])]
        : [...PERSONAL_FIELDS],
    read: (v, privateMetadata) => {
      // A modal from before the holiday fields: the countries stay as they are (undefined = unchanged).
      const metadata = parseMetadata(privateMetadata);
      const holidays = metadata?.holidays === WITH_HOLIDAYS.holidays;
      // A modal from before the HR fields: HR partners and threshold stay as they are.
      const hr = metadata?.hr === WITH_HR.hr && v.wsHrThreshold !== null && v.wsHrThreshold !== undefined;
      return {
        personal: {
          locale: v.language,
          timezone: v.timezone,
          reminderHour: v.hour === 'default' ? null : Number(v.hour),
          ...(holidays ? { holidayCountry: v.holidayCountry } : {}),
        },
        workspace:
          v.wsLanguage && v.wsHour
            ? {
                locale: v.wsLanguage,
                timezone: v.wsTimezone,
                reminderHour: Number(v.wsHour),
                adminSetupSkipsConsent: (v.wsSkipConsent ?? []).includes('on'),
                allowSharedTeamChannels: (v.wsSharedChannels ?? []).includes('on'),
                purgeEndedAfterDays: v.purgeEndedAfterDays ?? null,
                ...(holidays ? { holidayCountry: v.wsHolidayCountry } : {}),
                ...(hr ? { hr: { partners: v.wsHrPartners ?? [], threshold: v.wsHrThreshold! } } : {}),
              }
            : null,
      };
    },
    // One use case before the ack: every rule checked together, the admin confirmed with Slack once.
    save: (actor, input) => ctx.services.settings.save(actor, input),
    after: async (rctx, actor) => {
      // Settings take effect at once: confirm in the new language and zone.
      const now = await rctx.services.people.resolve(actor.teamId, actor.person.slackUserId, { refresh: 'never' });
      const tr = translator(now.locale);
      await dm(rctx, now.person.slackUserId, textMessage(tr('settings.saved', { zone: now.zone })));
      await publishHome(rctx, now).catch((err) => rctx.logger.warn({ err }, 'views.publish failed'));
    },
  });
}
