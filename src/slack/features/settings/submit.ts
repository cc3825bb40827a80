import type { SettingsInput } from '../../../domain/settings';
import type { Person } from '../../../data/prisma';
import { translator } from '../../../i18n';
import type { AppContext } from '../../context';
import { readSettingsForm, settingsBlocks } from './fields';
import { SettingsIds } from '../../ids';
import { dm, publishHome } from '../../notify';
import { textMessage } from '../../blocks';
import { legacySubmitHandler } from '../../form/submit';

export function settingsSubmission(ctx: AppContext) {
  return legacySubmitHandler<SettingsInput, { person: Person; workspaceChanged: boolean }>(ctx, {
    read: readSettingsForm,
    blocks: settingsBlocks,
    fallbackBlock: SettingsIds.languageBlock,
    save: (actor, input) => ctx.services.settings.save(actor, input),
    after: async (actor) => {
      // Settings take effect at once: confirm in the new language and zone.
      const now = await ctx.services.people.resolve(actor.teamId, actor.person.slackUserId, { refresh: 'never' });
      const tr = translator(now.locale);
      await dm(ctx, now.person.slackUserId, textMessage(tr('settings.saved', { zone: now.zone })));
      await publishHome(ctx, now).catch((err) => ctx.logger.warn({ err }, 'views.publish failed'));
    },
  });
}
