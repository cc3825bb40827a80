import type { AllMiddlewareArgs, BlockAction, ButtonAction, OverflowAction, SlackActionMiddlewareArgs, StaticSelectAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { NotFoundError } from '../domain/errors';
import { hasEvents, publish } from '../domain/events';
import type { Actor } from '../domain/people';
import { RECORD_ID, SLACK_USER_ID } from '../domain/vocabulary';
import { translator, type Translate } from '../i18n';
import { textMessage, type Message } from './blocks';
import { SUBCOMMANDS, type Subcommand } from './commandText';
import type { AppContext } from './context';
import { dm } from './notify';
import { failureOf } from './errors';

/**
 * One request to do something, however it arrived: a slash command, the menu, an App Home
 * button or a reminder's button. Subcommand handlers take this, so every path behaves the same.
 */
export interface Invocation {
  actor: Actor;
  tr: Translate;
  /** trigger_id for views.open (valid 3 s, once). */
  triggerId: string;
  userIds: string[];
  channelIds: string[];
  rest: string;
  /** Answers the person privately where they asked (ephemeral, or a DM from App Home). */
  reply(message: Message): Promise<void>;
}

/**
 * What a subcommand, button or menu choice does. It may return a result that carries domain
 * events (`{ events }`); the runner publishes them — no handler publishes by hand.
 */
export type SubcommandHandler = (ctx: AppContext, inv: Invocation) => Promise<unknown>;

/** What each subcommand does (built by src/slack/features from every feature's `subcommands`). */
export type Subcommands = Readonly<Record<Subcommand, SubcommandHandler>>;

/**
 * What the `/followup` command runs, passed in at registration (the shared Slack layer imports no
 * feature): each subcommand, the menu of `/followup` alone, the help for a word that is none.
 */
export interface Commands {
  subcommands: Subcommands;
  menu: SubcommandHandler;
  unknown(ctx: AppContext, inv: Invocation, word: string): Promise<unknown>;
}

/** Runs a subcommand as if typed, optionally about one person (`value` of a button): menu, Home, reminders. */
export async function runSubcommand(subcommands: Subcommands, ctx: AppContext, inv: Invocation, sub: string | undefined, userId?: string): Promise<unknown> {
  if (!sub || !(SUBCOMMANDS as readonly string[]).includes(sub)) return;
  return subcommands[sub as Subcommand](ctx, userId === undefined ? inv : { ...inv, userIds: userIdsFrom(userId) });
}

export interface InvocationRequest {
  teamId: string;
  userId: string;
  triggerId: string;
  userIds: string[];
  channelIds: string[];
  rest: string;
  reply(message: Message): Promise<void>;
  run(inv: Invocation): Promise<unknown>;
}

/** The team an event came from; an event without one is refused (never an empty team id). */
export function teamOf(body: unknown): string | null {
  const b = body as { team_id?: string; authorizations?: { team_id?: string }[] };
  return b.team_id || b.authorizations?.[0]?.team_id || null;
}

/** The context of one request: Web API calls go out with the client Bolt authorised for its workspace. */
export function forRequest(ctx: AppContext, client: WebClient | undefined): AppContext {
  return client ? { ...ctx, web: client } : ctx;
}

/** Publishes the events a result carries; a failure is logged (the reconciler repairs the plan). */
export async function publishEventsOf(ctx: AppContext, result: unknown): Promise<void> {
  if (!hasEvents(result) || result.events.length === 0) return;
  await publish(ctx.events, result.events).catch((err) => ctx.logger.error({ err }, 'publishing domain events failed'));
}

/**
 * Resolves the person (language, zone), runs the handler, publishes the events it caused, and turns
 * failures into a message the person understands: no access, gone, or "something went wrong".
 */
export async function runInvocation(ctx: AppContext, req: InvocationRequest): Promise<void> {
  let locale = ctx.config.defaultLocale;
  if (!req.teamId) {
    ctx.logger.warn({ userId: req.userId }, 'request without a team id refused');
    await req.reply(textMessage(translator(locale)('common.error_no_team'))).catch(() => undefined);
    return;
  }
  try {
    const actor = await ctx.services.people.resolve(req.teamId, req.userId);
    locale = actor.locale;
    const inv: Invocation = {
      actor,
      tr: translator(actor.locale),
      triggerId: req.triggerId,
      userIds: req.userIds,
      channelIds: req.channelIds,
      rest: req.rest,
      reply: req.reply,
    };
    await publishEventsOf(ctx, await req.run(inv));
  } catch (err) {
    const tr = translator(locale);
    const failure = failureOf(err);
    if (failure.cause === 'unavailable') ctx.logger.warn({ err: String(err), teamId: req.teamId }, 'database unavailable: the person was told to try again');
    else if (failure.cause === 'ours') ctx.logger.error({ err, teamId: req.teamId, userId: req.userId }, 'request failed');
    if (failure.fields) {
      const first = Object.values(failure.fields)[0];
      await req.reply(textMessage(first ? tr(first.key, first.vars) : tr(failure.key))).catch(() => undefined);
      return;
    }
    await req.reply(textMessage(tr(failure.key))).catch((e) => ctx.logger.error({ err: e }, 'could not tell the user about a failure'));
  }
}

type AnyAction = ButtonAction | StaticSelectAction | OverflowAction;
export type ActionArgs<A extends AnyAction> = SlackActionMiddlewareArgs<BlockAction<A>> & AllMiddlewareArgs;

/**
 * A button or menu: acks, then runs `run` as the person who clicked (with the workspace's client),
 * replying by ephemeral response when possible, else by DM.
 */
export function fromAction<A extends AnyAction>(ctx: AppContext, run: (inv: Invocation, action: A, rctx: AppContext) => Promise<unknown>) {
  return async ({ ack, body, action, respond, client }: ActionArgs<A>): Promise<void> => {
    await ack();
    const rctx = forRequest(ctx, client);
    const teamId = body.team?.id ?? body.user.team_id ?? '';  // none: refused by runInvocation
    const reply = async (message: Message) => {
      if (body.response_url) await respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks as never });
      else await dm(rctx, body.user.id, message);
    };
    await runInvocation(rctx, {
      teamId,
      userId: body.user.id,
      triggerId: body.trigger_id,
      userIds: [],
      channelIds: [],
      rest: '',
      reply,
      run: (inv) => run(inv, action, rctx),
    });
  };
}

/** A record id from a button value; anything else (forged, truncated) is "not found". */
export function idFrom(action: { value?: string }): string {
  const value = action.value ?? '';
  if (!RECORD_ID.test(value)) throw new NotFoundError('button value');
  return value;
}

/** A Slack user id from a button value, or none. */
export function userIdsFrom(value: string | undefined): string[] {
  return value && SLACK_USER_ID.test(value) ? [value] : [];
}
