import type { Logger } from 'pino';
import type { Repositories } from '../../data';
import { createOnce } from '../../data/createOnce';
import type { FollowUpWithPeople } from '../../data/followups';
import type { Person } from '../../data/prisma';
import type { Clock } from '../../time/clock';
import { publish, type DomainEvents } from '../events';
import { LEFT_NOTICE_KIND } from '../reminders/kinds';


/** Why a person is treated as gone. */
export type LeaveSource = 'user_change' | 'account_inactive' | 'user_not_found' | 'user_disabled';

/** Slack errors from a post that mean the person is gone from the workspace. */
export const PERSON_GONE_ERRORS = new Set<string>(['account_inactive', 'user_not_found', 'user_disabled']);

/** A follow-up a departure ended, and the other person of it. */
export interface EndedByLeaving {
  followUpId: string;
  otherPersonId: string;
}

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
   * the app was reinstalled. Marks it active; its reminders are re-planned just after (the
   * `workspaceReactivated` event, handed over without holding up the request). Lifecycle use cases
   * are called from Slack's own events, the startup check and the workers, where no runner
   * publishes: they hand their events to the sink themselves. True on the call that reactivated it.
   */
  async reactivate(workspaceId: string): Promise<boolean> {
    if (!workspaceId) return false;
    if (!(await this.repos.workspaces.markActive(workspaceId))) return false;
    this.logger.info({ workspaceId }, 'workspace active again (reinstalled): re-planning its reminders');
    setImmediate(() => void publish(this.events, [{ type: 'workspaceReactivated', id: workspaceId }]).catch((err) => this.logger.error({ err, workspaceId }, 'could not re-plan a reactivated workspace')));
    return true;
  }

  /** The app was uninstalled from a workspace (or an org-wide install removed): stop delivering there. */
  async uninstalled(workspaceId: string): Promise<void> {
    await this.repos.workspaces.markUninstalled(workspaceId, this.clock.now().toJSDate());
  }

  /** The workspace revoked the app's tokens: stop using them. */
  async tokensRevoked(workspaceId: string): Promise<void> {
    await this.repos.workspaces.markTokensRevoked(workspaceId, this.clock.now().toJSDate());
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
   * other person; then hands `personLeft` to the scheduler. Safe to call again: a second call changes
   * nothing and plans nothing new. Returns the follow-ups it ended.
   */
  async personLeft(workspaceId: string, slackUserId: string, source: LeaveSource): Promise<EndedByLeaving[]> {
    const person = await this.repos.people.find(workspaceId, slackUserId);
    if (!person) return [];
    const now = this.clock.now();
    await this.repos.people.markDeleted(person.id, now.toJSDate());
    const ended = await this.endFollowUpsOf(person, 'person_left');
    const cancelled = await this.repos.reminders.cancelForRecipient(person.id);
    const notices: EndedByLeaving[] = [];
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
    await publish(this.events, [{ type: 'personLeft', id: person.id, ended: notices }]);
    return notices;
  }
}
