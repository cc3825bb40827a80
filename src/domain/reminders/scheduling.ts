import type { Logger } from 'pino';
import type { Repositories } from '../../data';
import { handleWith, type DomainEvent, type DomainEvents, type EventHandlers } from '../events';
import type { JobScheduler } from '../ports';
import { INVITE_EXPIRY_KIND, LEFT_NOTICE_KIND } from './kinds';
import type { ReminderService } from '.';

/** A goal in these states is closed: nothing more is planned about it. */
const CLOSED_GOAL = new Set<string>(['ACHIEVED', 'DROPPED']);

/**
 * DomainEvents on top of the scheduler: reminders are re-planned at once (a few queries and
 * idempotent Redis adds), celebrations are queued with a job id derived from the subject so two
 * clicks at once make one job. Failures are logged: the reconciler repairs what was missed.
 */
export class SchedulerEvents implements DomainEvents {
  constructor(
    private readonly reminders: ReminderService,
    private readonly repos: Repositories,
    private readonly jobs: JobScheduler,
    private readonly logger: Logger,
  ) {}

  private async guard(what: string, work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (err) {
      this.logger.error({ err, what }, 'scheduling after a change failed; the reconciler will repair it');
    }
  }

  /** The one handler of each domain event (events.ts): a new event is a compile error here. */
  private readonly handlers: EventHandlers = {
    milestoneDone: (e) => this.jobs.scheduleCelebration('milestone', e.id),
    goalAchieved: async (e) => {
      await this.jobs.scheduleCelebration('goal', e.id);
      await this.reminders.cancelAbout(e.id);
    },
    followUpChanged: async (e) => {
      // Each step writes its plan to PostgreSQL before it queues jobs: when Redis is away the first
      // one's failure must not keep the digest from being planned (the reconciler queues the jobs).
      let failed: unknown = null;
      const step = (work: () => Promise<unknown>) => work().catch((err) => void (failed ??= err));
      await step(() => this.reminders.syncFollowUp(e.id));
      const f = await this.repos.followUps.findById(e.id);
      if (f) await step(() => this.reminders.syncDigest(f.seniorId));
      // A pending follow-up: its invitation's expiry (a Reminder row planned by the setup).
      if (f?.status === 'PENDING') await step(() => this.reminders.queuePlanned(INVITE_EXPIRY_KIND, e.id));
      if (failed) throw failed;
    },
    subjectChanged: async (e) => {
      if (e.kind === 'goal') {
        const goal = await this.repos.schedule.goal(e.id);
        if (goal && CLOSED_GOAL.has(goal.status)) await this.reminders.cancelAbout(goal.id);
      }
      const followUpId = await this.followUpOf(e.kind, e.id);
      if (followUpId) await this.reminders.syncFollowUp(followUpId);
    },
    personChanged: (e) => this.reminders.syncPerson(e.id),
    personLeft: async (e) => {
      for (const { followUpId } of e.ended) {
        await this.reminders.syncFollowUp(followUpId);
        const f = await this.repos.followUps.findById(followUpId);
        if (f && f.seniorId !== e.id) await this.reminders.syncDigest(f.seniorId);
      }
      await this.reminders.syncPerson(e.id);
      await this.reminders.queuePlanned(LEFT_NOTICE_KIND, e.id);
    },
    workspaceReactivated: (e) => this.reminders.syncWorkspace(e.id),
  };

  handle(event: DomainEvent): Promise<void> {
    const what = event.type === 'subjectChanged' ? `subjectChanged ${event.kind}` : event.type;
    return this.guard(what, () => handleWith(this.handlers, event));
  }

  /** Subjects are identified by their own id; a follow-up id is accepted as well. */
  private async followUpOf(kind: string, subjectId: string): Promise<string | null> {
    if (kind === 'action') {
      const a = await this.repos.actions.findById(subjectId);
      if (a) return a.followUpId;
    }
    if (kind === 'goal') {
      const g = await this.repos.schedule.goal(subjectId);
      if (g) return g.followUpId;
    }
    const f = await this.repos.followUps.findById(subjectId);
    if (f) return f.id;
    return this.repos.schedule.followUpIdOf(kind, subjectId);
  }
}



/**
 * DomainEvents that never hold up a request: each call returns at once and the work runs just
 * after (so after the ack that follows). With Redis away the work fails fast and is logged; the
 * Reminder table already holds the plan and the reconciler queues it when Redis is back.
 */
export class DeferredEvents implements DomainEvents {
  private pending = new Set<Promise<void>>();

  constructor(
    private readonly inner: DomainEvents,
    private readonly logger: Logger,
  ) {}

  private later(what: string, work: () => Promise<void>): Promise<void> {
    const p: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
      .then(work)
      .catch((err) => this.logger.error({ err, what }, 'scheduling after a change failed; the reconciler will repair it'))
      .finally(() => this.pending.delete(p));
    this.pending.add(p);
    return Promise.resolve();
  }

  /** Resolves when every deferred call has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  handle(event: DomainEvent): Promise<void> {
    return this.later(event.type, () => this.inner.handle(event));
  }
}
