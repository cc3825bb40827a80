/**
 * What a use case caused, as data: one union, and one handler per event type (`EventHandlers`,
 * implemented once by the scheduler, src/domain/reminders `SchedulerEvents`). A new event here is a
 * compile error there until it is handled. Services return these with their result; the Slack
 * side's runners publish them after answering Slack (`ack()`), so a slow or absent queue never
 * delays an answer and no listener publishes by hand. Handling must be idempotent: the same event
 * may be reported twice (Slack retries, two buttons at once).
 */
export type DomainEvent =
  /** A milestone was marked done: it is celebrated in the team channel. */
  | { type: 'milestoneDone'; id: string }
  /** A goal was achieved: it is celebrated, and what was planned about it is cancelled. */
  | { type: 'goalAchieved'; id: string }
  /** A follow-up was created, edited or ended: its cadence reminders change. */
  | { type: 'followUpChanged'; id: string }
  /** A goal, evaluation date or action item changed: reschedule or cancel its reminders. */
  | { type: 'subjectChanged'; kind: 'goal' | 'evaluation' | 'action' | 'conversation' | 'reflection'; id: string }
  /** A person's zone, language or reminder hour changed: move their pending reminders. */
  | { type: 'personChanged'; id: string }
  /**
   * A person left (deactivated in Slack, found gone by a post, or erased) and these follow-ups
   * ended: cancel, and send the notices planned for the other person of each.
   */
  | { type: 'personLeft'; id: string; ended: { followUpId: string; otherPersonId: string }[] }
  /** An uninstalled workspace is active again (reinstall): re-plan all its reminders. */
  | { type: 'workspaceReactivated'; id: string };

export type DomainEventType = DomainEvent['type'];
export type EventOf<T extends DomainEventType> = Extract<DomainEvent, { type: T }>;

/** One handler per event type: the compiler asks for a new one. */
export type EventHandlers = { [T in DomainEventType]: (event: EventOf<T>) => Promise<unknown> };

/** Calls the handler of the event's type. */
export async function handleWith(handlers: EventHandlers, event: DomainEvent): Promise<void> {
  await (handlers[event.type] as (e: DomainEvent) => Promise<unknown>)(event);
}

/**
 * Where events go: the scheduler in a process that has the queues (web or worker), nothing in unit
 * tests, a recorder in tests that look at them.
 */
export interface DomainEvents {
  handle(event: DomainEvent): Promise<void>;
}

export const noDomainEvents: DomainEvents = { handle: async () => undefined };

/** A result that carries the events it caused. */
export interface Eventful {
  events: DomainEvent[];
}

export function hasEvents(value: unknown): value is Eventful {
  return typeof value === 'object' && value !== null && Array.isArray((value as Eventful).events);
}

/** Sends each event to the sink, in order. */
export async function publish(sink: DomainEvents, events: readonly DomainEvent[]): Promise<void> {
  for (const e of events) await sink.handle(e);
}

/** A DomainEvents that keeps what it was told, for tests. */
export class EventRecorder implements DomainEvents {
  readonly events: DomainEvent[] = [];
  handle = async (event: DomainEvent): Promise<void> => void this.events.push(event);
}
