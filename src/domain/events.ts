import type { DomainEvents } from './ports';

/**
 * What a use case caused, as data. Services return these with their result; the Slack side's
 * runners publish them after answering Slack (`ack()`), so a slow or absent queue never delays
 * an answer and no listener publishes by hand.
 */
export type DomainEvent =
  | { type: 'milestoneDone'; id: string }
  | { type: 'goalAchieved'; id: string }
  | { type: 'followUpChanged'; id: string }
  | { type: 'subjectChanged'; kind: 'goal' | 'evaluation' | 'action' | 'conversation' | 'reflection'; id: string }
  | { type: 'personChanged'; id: string }
  | { type: 'personLeft'; id: string; endedFollowUpIds: string[] }
  | { type: 'workspaceReactivated'; id: string };

/** A result that carries the events it caused. */
export interface Eventful {
  events: DomainEvent[];
}

export const Events = {
  milestoneDone: (id: string): DomainEvent => ({ type: 'milestoneDone', id }),
  goalAchieved: (id: string): DomainEvent => ({ type: 'goalAchieved', id }),
  followUpChanged: (id: string): DomainEvent => ({ type: 'followUpChanged', id }),
  subjectChanged: (kind: Extract<DomainEvent, { type: 'subjectChanged' }>['kind'], id: string): DomainEvent => ({ type: 'subjectChanged', kind, id }),
  personChanged: (id: string): DomainEvent => ({ type: 'personChanged', id }),
  personLeft: (id: string, endedFollowUpIds: string[]): DomainEvent => ({ type: 'personLeft', id, endedFollowUpIds }),
  workspaceReactivated: (id: string): DomainEvent => ({ type: 'workspaceReactivated', id }),
};

export function hasEvents(value: unknown): value is Eventful {
  return typeof value === 'object' && value !== null && Array.isArray((value as Eventful).events);
}

/** Sends each event to its handler, in order. */
export async function publish(sink: DomainEvents, events: readonly DomainEvent[]): Promise<void> {
  for (const e of events) {
    switch (e.type) {
      case 'milestoneDone':
        await sink.milestoneDone(e.id);
        break;
      case 'goalAchieved':
        await sink.goalAchieved(e.id);
        break;
      case 'followUpChanged':
        await sink.followUpChanged(e.id);
        break;
      case 'subjectChanged':
        await sink.subjectChanged(e.kind, e.id);
        break;
      case 'personChanged':
        await sink.personChanged(e.id);
        break;
      case 'personLeft':
        await sink.personLeft(e.id, e.endedFollowUpIds);
        break;
      case 'workspaceReactivated':
        await sink.workspaceReactivated(e.id);
        break;
    }
  }
}

/** A DomainEvents that keeps what it was told, for tests. */
export class EventRecorder implements DomainEvents {
  readonly events: DomainEvent[] = [];
  milestoneDone = async (id: string) => void this.events.push(Events.milestoneDone(id));
  goalAchieved = async (id: string) => void this.events.push(Events.goalAchieved(id));
  followUpChanged = async (id: string) => void this.events.push(Events.followUpChanged(id));
  subjectChanged = async (kind: Extract<DomainEvent, { type: 'subjectChanged' }>['kind'], id: string) => void this.events.push(Events.subjectChanged(kind, id));
  personChanged = async (id: string) => void this.events.push(Events.personChanged(id));
  personLeft = async (id: string, endedFollowUpIds: string[]) => void this.events.push(Events.personLeft(id, endedFollowUpIds));
  workspaceReactivated = async (id: string) => void this.events.push(Events.workspaceReactivated(id));
}
