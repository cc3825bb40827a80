import type { Feature } from '../../feature';
import { openSettings } from './open';
import { settingsSubmission } from './submit';
import { SettingsIds } from './views';

/** `/followup settings`: language, time zone and reminder hour (and workspace defaults for admins). */
export const settings = {
  name: 'settings',
  subcommands: { settings: openSettings },
  register(app, ctx) {
    app.view(SettingsIds.view, settingsSubmission(ctx));
  },
} satisfies Feature;
