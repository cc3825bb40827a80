import { DateTime } from 'luxon';
import type { Logger } from 'pino';
import type { Repositories } from '../../data';
import type { ReminderScope } from '../../data/reminders';
import type { PlanningFollowUp } from '../../data/schedule';
import { isUniqueViolation, type Person, type Reminder, type Workspace } from '../../data/prisma';
import type { Clock } from '../../time/clock';
import { dateToDay, isIsoDay, safeZone, type IsoDay } from '../../time/dates';
import { DEFAULT_HOLIDAY_COUNTRY, isKnownCountry } from '../../time/holidays';
import { DEFAULT_WORKING_DAYS, type LocalSchedule } from '../../time/rules';
import type { JobScheduler } from '../ports';
import { DEFAULT_PLAN_OPTIONS, planDigest, planFollowUp, type PlannedReminder, type Recipient } from './planner';

export interface SchedulingDefaults {
  timezone: string;
}

/**
 * A person's reminder schedule: their zone, hour (or the workspace's), minute and working days,
 * less the public holidays of their country (their own, else the workspace's, else Norway).
 */
export function scheduleOf(
  person: Person,
  workspace: (Pick<Workspace, 'defaultReminderHour' | 'defaultTimezone'> & Partial<Pick<Workspace, 'defaultHolidayCountry'>>) | null,
  defaults: SchedulingDefaults,
): LocalSchedule {
  const fallbackZone = safeZone(workspace?.defaultTimezone, defaults.timezone);
  return {
    zone: safeZone(person.tzOverride ?? person.slackTz, fallbackZone),
    hour: person.reminderHour ?? workspace?.defaultReminderHour ?? 9,
    minute: person.reminderMinute ?? 0,
    workingDays: person.workingDays.length > 0 ? person.workingDays : DEFAULT_WORKING_DAYS,
    holidayCountry: holidayCountryOf(person, workspace),
  };
}

/** Whose public holidays a person's reminders skip: theirs, else the workspace default, else Norway. */
export function holidayCountryOf(person: Pick<Person, 'holidayCountry'>, workspace: Partial<Pick<Workspace, 'defaultHolidayCountry'>> | null): string {
  for (const c of [person.holidayCountry, workspace?.defaultHolidayCountry]) if (c && isKnownCountry(c)) return c.toUpperCase();
  return DEFAULT_HOLIDAY_COUNTRY;
}

export interface SyncResult {
  scheduled: number;
  moved: number;
  cancelled: number;
}

/**
 * Keeps the Reminder table (the source of truth of what is planned) in step with the database,
 * and Redis in step with the Reminder table. Safe to run any number of times, concurrently.
 */
export class ReminderService {
  constructor(
    private readonly repos: Repositories,
    private readonly jobs: JobScheduler,
    private readonly clock: Clock,
    private readonly defaults: SchedulingDefaults,
    private readonly logger: Logger,
  ) {}

  private recipient(person: Person, workspace: Workspace): Recipient {
    return { id: person.id, schedule: scheduleOf(person, workspace, this.defaults) };
  }

  /** Plans every reminder of a follow-up (cancelling them all when it ended or is gone). */
  async syncFollowUp(followUpId: string): Promise<SyncResult> {
    const f = await this.repos.schedule.followUp(followUpId);
    const planned = f ? await this.planFor(f) : [];
    const result = await this.apply({ followUpId }, f?.workspaceId ?? '', planned);
    this.logger.debug({ followUpId, ...result }, 'follow-up reminders planned');
    return result;
  }

  private async planFor(f: PlanningFollowUp): Promise<PlannedReminder[]> {
    const [lastConversation, actions] = await Promise.all([this.repos.schedule.lastConversationDay(f.id), this.repos.schedule.openActions(f.id)]);
    const ownerIds = [...new Set(actions.map((a) => a.ownerId))].filter((id) => id !== f.seniorId && id !== f.leaderId);
    const others = ownerIds.length > 0 ? await this.repos.schedule.people(ownerIds) : [];
    const people = new Map<string, Person>([[f.senior.id, f.senior], [f.leader.id, f.leader], ...others.map((p) => [p.id, p] as [string, Person])]);
    const active = f.status === 'ACTIVE' && !f.workspace.uninstalledAt;
    return planFollowUp(
      {
        id: f.id,
        active,
        startDay: dateToDay(f.startDate),
        oneToOneCadence: f.oneToOneCadence,
        reflectionCadence: f.reflectionCadence,
        nextEvaluationOn: f.nextEvaluationOn ? dateToDay(f.nextEvaluationOn) : null,
        senior: this.recipient(f.senior, f.workspace),
        leader: this.recipient(f.leader, f.workspace),
        lastConversationDay: lastConversation ? dateToDay(lastConversation) : null,
        actions: actions.flatMap((a) => {
          const owner = people.get(a.ownerId);
          if (!owner || owner.deleted) return [];
          return [{
            id: a.id,
            owner: this.recipient(owner, f.workspace),
            dueDay: a.dueDate ? dateToDay(a.dueDate) : null,
            snoozedUntil: a.snoozedUntil ? dateToDay(a.snoozedUntil) : null,
            createdAt: DateTime.fromJSDate(a.createdAt),
          }];
        }),
      },
      { now: this.clock.now(), ...DEFAULT_PLAN_OPTIONS },
    ).filter((r) => !people.get(r.recipientId)?.deleted);
  }

  /** Plans a senior leader's weekly digest. */
  async syncDigest(seniorId: string): Promise<SyncResult> {
    const senior = await this.repos.schedule.person(seniorId);
    let planned: PlannedReminder[] = [];
    if (senior && !senior.deleted && !senior.workspace.uninstalledAt) {
      const active = await this.repos.schedule.activeAsSenior(seniorId);
      planned = planDigest(this.recipient(senior, senior.workspace), active.length > 0, { now: this.clock.now(), ...DEFAULT_PLAN_OPTIONS });
    }
    return this.apply({ digestOf: seniorId }, senior?.workspaceId ?? '', planned);
  }

  /** Every follow-up a person takes part in, and their digest (zone, hour or working days changed). */
  async syncPerson(personId: string): Promise<void> {
    const followUps = await this.repos.followUps.listForPerson(personId);
    for (const f of followUps) await this.syncFollowUp(f.id);
    await this.syncDigest(personId);
  }

  /** Every active follow-up of a workspace and its senior leaders' digests (after a reinstall). */
  async syncWorkspace(workspaceId: string): Promise<number> {
    const seniors = new Set<string>();
    let after: string | undefined;
    let n = 0;
    for (;;) {
      const page = await this.repos.schedule.activeFollowUpIds(after, 200, [workspaceId]);
      if (page.length === 0) break;
      for (const f of page) {
        await this.syncFollowUp(f.id);
        seniors.add(f.seniorId);
        n++;
      }
      after = page[page.length - 1].id;
    }
    for (const id of seniors) await this.syncDigest(id);
    return n;
  }

  /** Queues the jobs of reminders already planned in the table (one kind, about one subject). */
  async queuePlanned(kind: string, subjectId: string): Promise<number> {
    const rows = await this.repos.reminders.scheduledAbout(kind, subjectId);
    for (const r of rows) await this.jobs.scheduleReminder(r.key, r.dueAt, false, r);
    return rows.length;
  }

  /**
   * The Reminder table first (the plan, in PostgreSQL), then Redis: when Redis is away the whole
   * plan is still written, the queue calls fail fast, and the reconciler queues what is missing
   * when Redis is back.
   */
  private async apply(scope: ReminderScope, workspaceId: string, planned: PlannedReminder[]): Promise<SyncResult> {
    const result: SyncResult = { scheduled: 0, moved: 0, cancelled: 0 };
    const queue: (() => Promise<void>)[] = [];
    const existing = await this.repos.reminders.findByKeys(planned.map((p) => p.key));
    const byKey = new Map(existing.map((r) => [r.key, r]));
    // Unchanged reminders only need their job to exist: one pipelined check for all of them.
    const unchanged = planned.filter((p) => {
      const row = byKey.get(p.key);
      return row?.status === 'SCHEDULED' && row.dueAt.getTime() === p.dueAt.toMillis() && row.recipientId === p.recipientId;
    });
    // Redis away: the table is still written below, and the reconciler queues the jobs when it is back.
    const missing: Set<string> | null = await this.jobs
      .missingReminderJobs(unchanged.map((p) => p.key))
      .then((keys) => new Set(keys), () => null);
    for (const p of planned) {
      const row = byKey.get(p.key);
      const dueAt = p.dueAt.toJSDate();
      if (!row) {
        try {
          await this.repos.reminders.create({
            key: p.key,
            workspaceId,
            kind: p.kind,
            recipientId: p.recipientId,
            subjectId: p.subjectId,
            followUpId: p.followUpId,
            dueAt,
            payload: p.payload,
          });
        } catch (err) {
          // Planned concurrently by another process: theirs is the same row.
          if (!isUniqueViolation(err)) throw err;
        }
        queue.push(() => this.jobs.scheduleReminder(p.key, dueAt, false, { workspaceId, recipientId: p.recipientId }));
        result.scheduled++;
      } else if (row.status === 'SCHEDULED') {
        if (row.dueAt.getTime() !== dueAt.getTime() || row.recipientId !== p.recipientId) {
          if (await this.repos.reminders.reschedule(p.key, { dueAt, recipientId: p.recipientId, payload: p.payload })) {
            queue.push(() => this.jobs.scheduleReminder(p.key, dueAt, true, { workspaceId, recipientId: p.recipientId }));
            result.moved++;
          }
        } else if (missing === null || missing.has(p.key)) {
          queue.push(() => this.jobs.scheduleReminder(p.key, dueAt, false, { workspaceId, recipientId: p.recipientId }));
        }
      } else if (row.status === 'CANCELLED') {
        if (await this.repos.reminders.revive(p.key, { dueAt, recipientId: p.recipientId, payload: p.payload })) {
          queue.push(() => this.jobs.scheduleReminder(p.key, dueAt, true, { workspaceId, recipientId: p.recipientId }));
          result.scheduled++;
        }
      }
    }
    const plannedKeys = new Set(planned.map((p) => p.key));
    const stale = (await this.repos.reminders.scheduledIn(scope)).filter((r) => !plannedKeys.has(r.key)).map((r) => r.key);
    if (stale.length > 0) {
      result.cancelled = await this.repos.reminders.cancel(stale);
      // A cancelled reminder's job that stays in Redis finds its row cancelled and stops.
      for (const key of stale) queue.push(() => this.jobs.unscheduleReminder(key));
    }
    let failed: unknown = null;
    for (const op of queue) {
      try {
        await op();
      } catch (err) {
        failed = err;
        break; // Redis is away: the rest would fail the same way; the reconciler queues them
      }
    }
    if (failed) throw failed;
    return result;
  }

  /** What could not be delivered in a senior leader's follow-ups, and why (newest first). */
  async failedFor(seniorId: string, workspaceId: string): Promise<{ kind: string; channelId: string | null; userId: string | null; reason: string }[]> {
    const followUps = await this.repos.schedule.activeAsSenior(seniorId);
    const ids = [seniorId, ...followUps.map((f) => f.leaderId)];
    const failed = await this.repos.deliveries.failedFor(workspaceId, ids);
    const people = new Map((await this.repos.schedule.people(ids)).map((p) => [p.id, p]));
    return failed.map((d) => {
      const isChannel = d.kind.startsWith('celebration');
      return {
        kind: d.kind,
        channelId: isChannel ? d.channelId : null,
        userId: !isChannel && d.recipientId ? (people.get(d.recipientId)?.slackUserId ?? null) : null,
        reason: d.error ?? 'unknown',
      };
    });
  }

  /**
   * A closed subject (a goal achieved or dropped) is no longer reminded of: what was planned
   * about it is cancelled, its jobs removed (a job left in Redis finds its row cancelled).
   */
  async cancelAbout(subjectId: string): Promise<number> {
    const keys = await this.repos.reminders.cancelAbout(subjectId);
    for (const key of keys) await this.jobs.unscheduleReminder(key);
    return keys.length;
  }

  /** A person's upcoming reminders (for /followup schedule). */
  upcomingFor(personId: string, take = 20): Promise<Reminder[]> {
    return this.repos.reminders.upcomingFor(personId, this.clock.now().toJSDate(), take);
  }
}

/**
 * Why a planned reminder is not on its usual day: it was moved off a public holiday of the
 * recipient's country (the planner writes `movedFrom` and `holiday` in its payload). `/followup
 * schedule` shows it as "(flyttet fra 17. mai: Grunnlovsdagen)" (key `schedule.moved`).
 */
export function holidayMove(reminder: Pick<Reminder, 'payload'>): { movedFrom: IsoDay; holiday: string } | null {
  const p = reminder.payload as Record<string, unknown> | null;
  if (!p || typeof p.movedFrom !== 'string' || typeof p.holiday !== 'string' || !isIsoDay(p.movedFrom)) return null;
  return { movedFrom: p.movedFrom, holiday: p.holiday };
}
