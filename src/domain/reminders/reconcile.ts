import type { Logger } from 'pino';
import type { Repositories } from '../../data';
import { celebrationKey } from '../celebrations';
import type { Clock } from '../../time/clock';
import type { JobScheduler } from '../ports';
import type { ReminderService } from '.';

export interface ReconcileResult {
  followUps: number;
  /** Reminder jobs re-added because Redis did not hold them. */
  restored: number;
  /** Reminders marked done because the ledger shows them sent. */
  alreadySent: number;
  /** Senior leaders whose weekly digest was planned because none was (e.g. set up while Redis was away). */
  digests: number;
  celebrations: number;
}

export interface ReconcileOptions {
  /** Scheduled reminders due within this many hours get their job checked (and re-added). */
  horizonHours: number;
  /** Milestones/goals done within this many days without a celebration get one. */
  celebrateWithinDays: number;
  /** Only these workspaces; all when absent. */
  workspaces?: string[];
}

const PAGE = 200;
/** Reminders checked against Redis per page (keys and due times only). */
const DUE_PAGE = 1000;

/**
 * Rebuilds Redis from PostgreSQL: re-plans every active follow-up, re-adds any job Redis lost,
 * and never re-sends what the ledger shows as sent. Runs at worker start and periodically.
 */
export class Reconciler {
  constructor(
    private readonly repos: Repositories,
    private readonly reminders: ReminderService,
    private readonly jobs: JobScheduler,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: ReconcileOptions = { horizonHours: 36, celebrateWithinDays: 7 },
  ) {}

  /** `full` also re-plans every active follow-up from the database (at start, and hourly). */
  async run(options: { full: boolean } = { full: true }): Promise<ReconcileResult> {
    const result: ReconcileResult = { followUps: 0, restored: 0, alreadySent: 0, digests: 0, celebrations: 0 };
    const until = this.clock.now().plus({ hours: this.options.horizonHours }).toJSDate();
    // 1. What the ledger shows as sent (or failed for good) is done: never send it again (one statement).
    result.alreadySent = await this.repos.reminders.markDoneWhereSettled(until, this.clock.now().toJSDate(), this.options.workspaces);
    // 2. Re-plan from the database (new subjects, changed zones, ended follow-ups).
    const seniors = new Set<string>();
    let after: string | undefined;
    for (; options.full; ) {
      const page = await this.repos.schedule.activeFollowUpIds(after, PAGE, this.options.workspaces);
      if (page.length === 0) break;
      for (const f of page) {
        await this.reminders.syncFollowUp(f.id);
        seniors.add(f.seniorId);
        result.followUps++;
      }
      after = page[page.length - 1].id;
    }
    for (const id of seniors) await this.reminders.syncDigest(id);
    // The quick reconcile covers digests too: a senior leader with an active follow-up and no digest
    // planned (the follow-up started while Redis was away, and its digest was never planned) gets one.
    const recentSince = this.clock.now().minus({ hours: 1 }).toJSDate();
    for (const id of options.full ? [] : await this.repos.reminders.seniorsWithoutDigest(recentSince, this.options.workspaces)) {
      await this.reminders.syncDigest(id);
      result.digests++;
    }
    // Follow-ups that ended (or vanished) while their reminders were scheduled.
    for (const id of options.full ? await this.repos.reminders.endedWithScheduled(this.options.workspaces) : []) await this.reminders.syncFollowUp(id);

    // 3. Every scheduled reminder due soon must have its job in Redis (one pipelined check per page).
    await this.eachDue(until, async (due) => {
      const missing = new Set(await this.jobs.missingReminderJobs(due.map((r) => r.key)));
      for (const r of due) {
        if (missing.has(r.key)) {
          await this.jobs.scheduleReminder(r.key, r.dueAt, false, r);
          result.restored++;
        }
      }
    });

    // 4. Celebrations that never went out.
    const since = this.clock.now().minus({ days: this.options.celebrateWithinDays }).toJSDate();
    const candidates = await this.repos.schedule.celebrationCandidates(since, this.options.workspaces);
    const keys = [...candidates.milestones.map((id) => celebrationKey('milestone', id)), ...candidates.goals.map((id) => celebrationKey('goal', id))];
    const done = new Set((await this.repos.deliveries.findMany(keys)).filter((d) => d.status !== 'CLAIMED').map((d) => d.key));
    for (const id of candidates.milestones) {
      if (done.has(celebrationKey('milestone', id))) continue;
      await this.jobs.scheduleCelebration('milestone', id);
      result.celebrations++;
    }
    for (const id of candidates.goals) {
      if (done.has(celebrationKey('goal', id))) continue;
      await this.jobs.scheduleCelebration('goal', id);
      result.celebrations++;
    }
    this.logger.info(result, 'reconciled reminders with the database');
    return result;
  }

  /** Pages of scheduled reminders due before `until` (keyset pages: memory bounded by the page). */
  private async eachDue(until: Date, work: (due: { key: string; dueAt: Date; workspaceId: string; recipientId: string }[]) => Promise<void>): Promise<void> {
    let afterKey: string | undefined;
    for (;;) {
      const due = await this.repos.reminders.scheduledKeysBefore(until, DUE_PAGE, afterKey, this.options.workspaces);
      if (due.length === 0) break;
      await work(due);
      afterKey = due[due.length - 1].key;
    }
  }
}
