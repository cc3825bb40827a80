import type { Feature } from '../../feature';
import { openSetup } from './open';
import { setupSubmission } from './submit';
import { SetupIds } from './views';

/** Starting or editing a follow-up (`/followup setup`; App Home's buttons open the same modal). */
export const setup = {
  name: 'setup',
  subcommands: { setup: (ctx, inv) => openSetup(ctx, inv) },
  register(app, ctx) {
    app.view(SetupIds.view, setupSubmission(ctx));
  },
} satisfies Feature;
