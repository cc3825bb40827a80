import { LOCALES, SLACK_CHANNEL_ID, SLACK_USER_ID } from '../domain/vocabulary';
import { t, type Locale } from '../i18n';

/** Parses the text after /followup: a subcommand (English, bokmål or nynorsk), then mentions. */
export const SUBCOMMANDS = [
  'setup',
  'goal',
  'checkin',
  'milestone',
  'feedback',
  'reflect',
  'conversation',
  'evaluate',
  'barrier',
  'plan',
  'learn',
  'develop',
  'questions',
  'status',
  'schedule',
  'settings',
  'export',
  'end',
  'hr',
  'help',
] as const;

export type Subcommand = (typeof SUBCOMMANDS)[number];

const ALIASES: Record<string, Subcommand> = {
  oppsett: 'setup',
  start: 'setup',
  'mål': 'goal',
  maal: 'goal',
  goals: 'goal',
  innsjekk: 'checkin',
  'check-in': 'checkin',
  fremdrift: 'checkin',
  progress: 'checkin',
  'delmål': 'milestone',
  delmaal: 'milestone',
  milestones: 'milestone',
  tilbakemelding: 'feedback',
  refleksjon: 'reflect',
  reflekter: 'reflect',
  reflection: 'reflect',
  samtale: 'conversation',
  '1:1': 'conversation',
  one2one: 'conversation',
  evaluering: 'evaluate',
  evaluer: 'evaluate',
  evaluation: 'evaluate',
  hindring: 'barrier',
  hinder: 'barrier',
  tiltak: 'plan',
  action: 'plan',
  'læring': 'learn',
  laering: 'learn',
  learning: 'learn',
  utvikling: 'develop',
  development: 'develop',
  'spørsmål': 'questions',
  sporsmal: 'questions',
  question: 'questions',
  oversikt: 'status',
  'påminnelser': 'schedule',
  paminnelser: 'schedule',
  timeplan: 'schedule',
  innstillinger: 'settings',
  eksport: 'export',
  hjelp: 'help',
  avslutt: 'end',
  'hr-oversikt': 'hr',
  '?': 'help',
};

/** The subcommand's name as a reader of `locale` types it (`mål` in bokmål and nynorsk, `goal` in English; `påminnelser` / `påminningar`). */
export function commandName(locale: Locale, sub: Subcommand): string {
  return t(locale, `command.${sub}`);
}

/** Every name a subcommand answers to: the English name, each language's name, and the aliases. */
const NAMES: ReadonlyMap<string, Subcommand> = new Map<string, Subcommand>([
  ...Object.entries(ALIASES),
  ...LOCALES.flatMap((locale) => SUBCOMMANDS.map((sub): [string, Subcommand] => [commandName(locale, sub).toLowerCase(), sub])),
  ...SUBCOMMANDS.map((sub): [string, Subcommand] => [sub, sub]),
]);

export interface ParsedCommand {
  /** null when the text is empty (open the menu). */
  sub: Subcommand | null;
  /** The word typed when it is not a known subcommand. */
  unknown: string | null;
  userIds: string[];
  channelIds: string[];
  rest: string;
}

/** A user or channel mention as Slack escapes it: `<@U123|name>`, `<#C123|name>` (ids as in domain/vocabulary). */
const mention = (sigil: string, id: RegExp) => new RegExp(`<${sigil}(${id.source.replace(/^\^|\$$/g, '')})(?:\\|[^>]*)?>`, 'g');
const USER = mention('@', SLACK_USER_ID);
const CHANNEL = mention('#', SLACK_CHANNEL_ID);

export function parseCommandText(text: string | undefined): ParsedCommand {
  const trimmed = (text ?? '').trim();
  if (!trimmed) return { sub: null, unknown: null, userIds: [], channelIds: [], rest: '' };
  const [first, ...others] = trimmed.split(/\s+/);
  const word = first.toLowerCase();
  const restText = others.join(' ');
  const userIds = [...restText.matchAll(USER)].map((m) => m[1]);
  const channelIds = [...restText.matchAll(CHANNEL)].map((m) => m[1]);
  const rest = restText.replace(USER, '').replace(CHANNEL, '').trim();
  const sub = NAMES.get(word) ?? null;
  if (!sub) return { sub: null, unknown: first, userIds, channelIds, rest };
  return { sub, unknown: null, userIds, channelIds, rest };
}
