import type { Subcommand } from '../commandText';
import type { Commands, SubcommandHandler, Subcommands } from '../invocation';
import { barrier } from './barrier';
import { checkin } from './checkin';
import { consent } from './consent';
import { conversation } from './conversation';
import { develop } from './develop';
import { evaluate } from './evaluate';
import { exportFeature } from './export';
import { feedback } from './feedback';
import { goal } from './goal';
import { help, menu, unknownSubcommand } from './help';
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
import type { Feature } from '../feature';

/** Every feature folder: listener registration loops over these, and their subcommands make the map below. */
export const features = [
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
] as const satisfies readonly Feature[];

type SubcommandsOf<F> = F extends { subcommands: infer S } ? keyof S : never;
/** A subcommand no feature answers: a compile error naming it (`SUBCOMMANDS` in commandText.ts). */
type Unanswered = Exclude<Subcommand, SubcommandsOf<(typeof features)[number]>>;
const everySubcommandAnswered: [Unanswered] extends [never] ? true : Unanswered = true;
void everySubcommandAnswered;

/** What each of the 20 subcommands does, from the features' own `subcommands`. */
export const subcommandHandlers: Subcommands = Object.assign({}, ...features.map((f: Feature) => f.subcommands ?? {})) as Record<Subcommand, SubcommandHandler>;

/** What `/followup` runs: passed to the listeners at registration (src/app.ts). */
export const commands: Commands = { subcommands: subcommandHandlers, menu, unknown: unknownSubcommand };
