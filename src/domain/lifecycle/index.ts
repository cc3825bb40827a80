import type { Logger } from 'pino';
import type { Repositories } from '../../data';
import { createOnce } from '../../data/createOnce';
import type { FollowUpWithPeople } from '../../data/followups';
import type { Person } from '../../data/prisma';
import type { Clock } from '../../time/clock';
import type { DomainEvents } from '../ports';
import { LEFT_NOTICE_KIND } from '../reminders/kinds';


/** Why a person is treated as gone. */
export type LeaveSource = 'user_change' | 'account_inactive' | 'user_not_found' | 'user_disabled';

/** Slack errors from a post that mean the person is gone from the workspace. */
export const PERSON_GONE_ERRORS = new Set<string>(['account_inactive', 'user_not_found', 'user_disabled']);

export type LifecycleEvent =
  | { type: 'workspace_reactivated'; workspaceId: string }
  | { type: 'person_left'; personId: string; source: LeaveSource; ended: { followUpId: string; otherPersonId: string }[] };

/** The key of the notice to `recipientId` that `leftId` left (one per follow-up: sent once). */
export function leftNoticeKey(followUpId: string, leftId: string): string {
  return `left-${followUpId}-${leftId}`;
}

/**
 * Slack lifecycle: a workspace that comes back after an uninstall, a person who leaves. Each use
 * case is idempotent (events are retried, a post can fail twice) and returns the events it caused.
 */
export class LifecycleService {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly events: DomainEvents,
    private readonly logger: Logger,
  ) {}

  /**
   * A request authorised for a workspace that was marked uninstalled (or had its tokens revoked):
   * the app was reinstalled. Marks it active and re-plans its reminders (after the caller's ack,
   * through the events). Returns the event once, on the request that reactivated it.
   */
  async reactivate(workspaceId: string): Promise<LifecycleEvent[]> {
    if (!workspaceId) return [];
    if (!(await this.repos.workspaces.markActive(workspaceId))) return [];
    this.logger.info({ workspaceId }, 'workspace active again (reinstalled): re-planning its reminders');
    return [{ type: 'workspace_reactivated', workspaceId }];
  }

  /**
   * Ends every active follow-up of a person (the end flow and a departure share this). Reminders
   * of those follow-ups are cancelled by the `followUpChanged`/`personLeft` events. Returns the
   * follow-ups it ended (none when called again).
   */
  async endFollowUpsOf(person: Pick<Person, 'id'>, reason: string): Promise<FollowUpWithPeople[]> {
    return this.repos.followUps.endAllOf(person.id, this.clock.now().toJSDate(), reason);
  }

  /**
   * A person left (Slack deactivated them, or a post says the account is gone): mark them
   * deleted, end their follow-ups, cancel every reminder to them, and plan one notice to each
   * other person. Safe to call again: a second call changes nothing and plans nothing new.
   */
  async personLeft(workspaceId: string, slackUserId: string, source: LeaveSource): Promise<LifecycleEvent[]> {
    const person = await this.repos.people.find(workspaceId, slackUserId);
    if (!person) return [];
    const now = this.clock.now();
    await this.repos.people.markDeleted(person.id, now.toJSDate());
    const ended = await this.endFollowUpsOf(person, 'person_left');
    const cancelled = await this.repos.reminders.cancelForRecipient(person.id);
    const notices: { followUpId: string; otherPersonId: string }[] = [];
    for (const f of ended) {
      const other = f.seniorId === person.id ? f.leader : f.senior;
      notices.push({ followUpId: f.id, otherPersonId: other.id });
      if (other.deleted || other.isBot) continue;
      const key = leftNoticeKey(f.id, person.id);
      // A Reminder row due now: delivered once through the ledger, and re-queued by the
      // reconciler if Redis is away when it is planned.
      await createOnce(
        () => this.repos.reminders.findByKey(key),
        () =>
          this.repos.reminders.create({
            key,
            workspaceId,
            kind: LEFT_NOTICE_KIND,
            recipientId: other.id,
            subjectId: person.id,
            followUpId: null,
            dueAt: now.toJSDate(),
            payload: { followUpId: f.id, leftUserId: person.slackUserId, leftRole: f.seniorId === person.id ? 'senior' : 'leader' },
          }),
      );
    }
    if (ended.length === 0 && cancelled.length === 0) return [];
    this.logger.info({ workspaceId, personId: person.id, source, ended: ended.length, cancelled: cancelled.length }, 'a person left: follow-ups ended, reminders cancelled');
    return [{ type: 'person_left', personId: person.id, source, ended: notices }];
  }

  /** Hands lifecycle events to the scheduler (call after the ack). */
  async publish(events: LifecycleEvent[]): Promise<void> {
    for (const e of events) {
      if (e.type === 'workspace_reactivated') await this.events.workspaceReactivated(e.workspaceId);
      else await this.events.personLeft(e.personId, e.ended.map((x) => x.followUpId));
    }
  }
}
