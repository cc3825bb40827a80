import { SUBCOMMANDS, type Subcommand } from '../commandText';
import type { AppContext } from '../context';
import { userIdsFrom, type Invocation, type SubcommandHandler } from '../invocation';
import { subcommandHandlers as legacy } from '../handlers';
import { barrier } from './barrier';
import { checkin } from './checkin';
import { evaluate } from './evaluate';
import { exportFeature } from './export';
import { goal } from './goal';
import { help } from './help';
import { home } from './home';
import { learn } from './learn';
import { milestone } from './milestone';
import { plan } from './plan';
import { reminders } from './reminders';
import { schedule } from './schedule';
import { settings } from './settings';
import { setup } from './setup';
import { status } from './status';
import type { Feature } from './types';

/** Every feature folder. Listener registration loops over these. */
export const features: Feature[] = [help, home, goal, setup, checkin, milestone, settings, status, schedule, evaluate, barrier, plan, learn, exportFeature, reminders];

/** What each of the 18 subcommands does (the compiler checks none is missing). */
export const subcommandHandlers: Record<Subcommand, SubcommandHandler> = {
  ...(legacy as Record<Subcommand, SubcommandHandler>),
  ...help.subcommands,
  ...goal.subcommands,
  ...setup.subcommands,
  ...checkin.subcommands,
  ...milestone.subcommands,
  ...settings.subcommands,
  ...status.subcommands,
  ...schedule.subcommands,
  ...evaluate.subcommands,
  ...barrier.subcommands,
  ...plan.subcommands,
  ...learn.subcommands,
  ...exportFeature.subcommands,
};

/** Runs a subcommand as if typed, optionally about one person (`value` of a button): menu, Home, reminders. */
export async function runSubcommand(ctx: AppContext, inv: Invocation, sub: string | undefined, userId?: string): Promise<unknown> {
  if (!sub || !(SUBCOMMANDS as readonly string[]).includes(sub)) return;
  return subcommandHandlers[sub as Subcommand](ctx, userId === undefined ? inv : { ...inv, userIds: userIdsFrom(userId) });
}
