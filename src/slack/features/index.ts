import { SUBCOMMANDS, type Subcommand } from '../commandText';
import type { AppContext } from '../context';
import { userIdsFrom, type Invocation, type SubcommandHandler } from '../invocation';
import { barrier } from './barrier';
import { checkin } from './checkin';
import { consent } from './consent';
import { conversation } from './conversation';
import { develop } from './develop';
import { evaluate } from './evaluate';
import { exportFeature } from './export';
import { feedback } from './feedback';
import { goal } from './goal';
import { help } from './help';
import { history } from './history';
import { home } from './home';
import { hr } from './hr';
import { learn } from './learn';
import { milestone } from './milestone';
import { plan } from './plan';
import { questions } from './questions';
import { reflect } from './reflect';
import { reminders } from './reminders';
import { schedule } from './schedule';
import { settings } from './settings';
import { setup } from './setup';
import { status } from './status';
import type { Feature } from './types';

/** Every feature folder. Listener registration loops over these. */
export const features: Feature[] = [
  help,
  home,
  setup,
  consent,
  goal,
  checkin,
  milestone,
  feedback,
  conversation,
  develop,
  reflect,
  evaluate,
  barrier,
  plan,
  learn,
  questions,
  status,
  schedule,
  settings,
  exportFeature,
  reminders,
  history,
  hr,
];

/** What each of the 20 subcommands does: the compiler checks that none is missing. */
export const subcommandHandlers: Record<Subcommand, SubcommandHandler> = {
  ...help.subcommands,
  ...setup.subcommands,
  ...consent.subcommands,
  ...goal.subcommands,
  ...checkin.subcommands,
  ...milestone.subcommands,
  ...feedback.subcommands,
  ...conversation.subcommands,
  ...develop.subcommands,
  ...reflect.subcommands,
  ...evaluate.subcommands,
  ...barrier.subcommands,
  ...plan.subcommands,
  ...learn.subcommands,
  ...questions.subcommands,
  ...status.subcommands,
  ...schedule.subcommands,
  ...settings.subcommands,
  ...exportFeature.subcommands,
  ...hr.subcommands,
};

/** Runs a subcommand as if typed, optionally about one person (`value` of a button): menu, Home, reminders. */
export async function runSubcommand(ctx: AppContext, inv: Invocation, sub: string | undefined, userId?: string): Promise<unknown> {
  if (!sub || !(SUBCOMMANDS as readonly string[]).includes(sub)) return;
  return subcommandHandlers[sub as Subcommand](ctx, userId === undefined ? inv : { ...inv, userIds: userIdsFrom(userId) });
}
