import { EventRecorder, type DomainEvent, type DomainEvents } from '../../src/domain/events';
import { DateTime } from 'luxon';
import type { Actor } from '../../src/domain/people';
import type { Harness, RecordedCall } from './harnessTypes';

/** Helpers shared by the step tests; the fixtures themselves live in seed.ts. */
export async function actorOf(h: Harness, userId: string): Promise<Actor> {
  return h.app.services.people.resolve(h.teamId, userId);
}

export { seedFollowUp, seedGoal } from './seed';

/** The domain events the app publishes from now on, as `[type, ...args]` (the harness records them). */
export function recordEvents(h: Harness): { readonly calls: [string, ...string[]][] } {
  const rec = h.app.ctx.events;
  if (!(rec instanceof EventRecorder)) throw new Error('recordEvents: this harness was started with its own events sink');
  const from = rec.events.length;
  return {
    get calls() {
      return rec.events.slice(from).map(callOf);
    },
  };
}

/** An event as `[type, ...args]`: the arguments the scheduler's handler reads from it. */
function callOf(e: DomainEvent): [string, ...string[]] {
  return e.type === 'subjectChanged' ? [e.type, e.kind, e.id] : e.type === 'personLeft' ? [e.type, e.id, ...e.ended.map((x) => x.followUpId)] : [e.type, e.id];
}

type Tap = (e: DomainEvent) => void;
const taps = new WeakMap<DomainEvents, { original: DomainEvents['handle']; taps: Set<Tap> }>();

/**
 * A jest mock called with the arguments of each event of one type handed to `sink` from now on
 * (`[id]`, `[kind, id]`); the events still reach the sink. `mockRestore()` stops it.
 */
export function spyOnEvent(sink: DomainEvents, type: DomainEvent['type']): jest.Mock<void, string[]> {
  let entry = taps.get(sink);
  if (!entry) {
    const created = { original: sink.handle, taps: new Set<Tap>() };
    sink.handle = async (e: DomainEvent) => {
      for (const tap of created.taps) tap(e);
      return created.original.call(sink, e);
    };
    taps.set(sink, created);
    entry = created;
  }
  const fn = jest.fn<void, string[]>();
  const tap: Tap = (e) => {
    if (e.type === type) fn(...callOf(e).slice(1));
  };
  const current = entry;
  current.taps.add(tap);
  fn.mockRestore = () => {
    current.taps.delete(tap);
    if (current.taps.size === 0) {
      sink.handle = current.original;
      taps.delete(sink);
    }
  };
  return fn;
}

/** Runs a command and returns the modal it opened. */
export { openModal } from './flows';

/** Runs a command that answers in place and returns the ephemeral answer. */
export async function commandReply(h: Harness, userId: string, text: string): Promise<Record<string, unknown>> {
  const n = h.slack.responses.length;
  const res = await h.command(userId, text);
  expect(res.status).toBe(200);
  return h.slack.waitForResponse(n + 1);
}

/** Direct messages (chat.postMessage to a user id) recorded so far for a user. */
export function dmsTo(h: Harness, userId: string): RecordedCall[] {
  return h.slack.callsOf('chat.postMessage').filter((c) => c.args.channel === userId);
}

export async function waitForDm(h: Harness, userId: string, n = 1): Promise<RecordedCall> {
  await h.slack.waitFor(() => dmsTo(h, userId).length >= n, 5000, `${n} DM(s) to ${userId}`);
  return dmsTo(h, userId)[n - 1];
}

export const text = (value: string | null) => ({ type: 'plain_text_input', value });
export const date = (selected_date: string | null) => ({ type: 'datepicker', selected_date });
export const select = (value: string | null) => ({ type: 'static_select', selected_option: value === null ? null : { value } });
export const radio = (value: string | null) => ({ type: 'radio_buttons', selected_option: value === null ? null : { value } });
export const user = (selected_user: string | null) => ({ type: 'users_select', selected_user });
export const users = (selected_users: string[]) => ({ type: 'multi_users_select', selected_users });
export const checks = (values: string[]) => ({ type: 'checkboxes', selected_options: values.map((value) => ({ value })) });

/** Submits a view and returns the field errors of a `response_action: errors` answer (empty when accepted). */
export async function submit(
  h: Harness,
  userId: string,
  view: Record<string, unknown>,
  values: Record<string, Record<string, unknown>>,
  opts: { viewId?: string } = {},
): Promise<Record<string, string>> {
  const res = await h.submitView(userId, view, values, opts);
  expect(res.status).toBe(200);
  if (!res.body) return {};
  const body = res.json<{ response_action?: string; errors?: Record<string, string> }>();
  return body.response_action === 'errors' ? (body.errors ?? {}) : {};
}

export function isoDayIn(zone: string, plusDays: number): string {
  return DateTime.utc().setZone(zone).plus({ days: plusDays }).toISODate()!;
}

export const LONG_TEXT = 'Ærlig 👍 مرحبا '.repeat(250); // > 3,000 characters, mixed scripts and emoji
export const MIXED = 'Ærlig 👍 مرحبا — 进展 ok';

/** Polls until `predicate` holds (for effects that make no Slack call, e.g. domain events). */
export async function eventually(predicate: () => boolean | Promise<boolean>, what = 'condition', timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Waits until the app has made no Slack call for a while (its after-ack work is done). */
export { settle } from './seed';
