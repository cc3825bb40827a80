import type { Logger } from 'pino';
import type { Repositories } from '../../data';
import type { PrismaClient } from '../../data/prisma';
import type { Clock } from '../../time/clock';
import { ValidationError, type FieldError } from '../errors';
import type { Actor, PeopleService } from '../people';

export interface RetentionOptions {
  /** Days after app_uninstalled before a workspace's data is purged (RETENTION_DAYS_AFTER_UNINSTALL). */
  daysAfterUninstall: number;
  /** Only these workspaces (a worker pool dedicated to some workspaces, or a test); all when absent. */
  workspaces?: string[];
}

export interface RetentionResult {
  /** Workspaces purged (uninstalled longer than the retention period). */
  workspaces: string[];
  /** Ended follow-ups purged under their workspace's setting. */
  followUps: number;
}

/** Longest a workspace may keep ended follow-ups before purging (ten years). */
export const MAX_RETENTION_DAYS = 3650;

/** The rule of the "purge ended follow-ups after N days" setting: a whole number 1…3650, or null (off). */
export function retentionDaysError(days: number | null): FieldError | null {
  if (days === null || (Number.isInteger(days) && days >= 1 && days <= MAX_RETENTION_DAYS)) return null;
  return { key: 'settings.error_retention_days', vars: { max: MAX_RETENTION_DAYS } };
}

/**
 * Data retention, run as a scheduled job: a workspace uninstalled for longer than the retention
 * period is purged entirely; a workspace may purge its ended follow-ups N days after they ended
 * (off by default). Every purge is logged (ids and counts, never content).
 */
export class RetentionService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: RetentionOptions,
    private readonly people?: Pick<PeopleService, 'confirmAdmin'>,
  ) {}

  /** Erases a workspace's data now, installed or not (the local trial workspace's reset). Logged. */
  async eraseWorkspace(workspaceId: string): Promise<void> {
    const counts = await this.repos.retention.purgeWorkspace(this.prisma, workspaceId, null);
    this.logger.info({ workspaceId, ...(counts ?? {}) }, 'workspace erased on request');
  }

  async run(): Promise<RetentionResult> {
    const now = this.clock.now();
    const result: RetentionResult = { workspaces: [], followUps: 0 };
    const cutoff = now.minus({ days: this.options.daysAfterUninstall }).toJSDate();
    const mine = (id: string) => !this.options.workspaces || this.options.workspaces.includes(id);
    for (const ws of (await this.repos.retention.uninstalledBefore(cutoff)).filter((w) => mine(w.id))) {
      const counts = await this.repos.retention.purgeWorkspace(this.prisma, ws.id, cutoff);
      if (!counts) continue;
      result.workspaces.push(ws.id);
      this.logger.info({ workspaceId: ws.id, uninstalledAt: ws.uninstalledAt.toISOString(), days: this.options.daysAfterUninstall, ...counts }, 'retention: purged an uninstalled workspace');
    }
    for (const rule of (await this.repos.retention.endedFollowUpRules()).filter((r) => mine(r.id))) {
      const before = now.minus({ days: rule.days }).toJSDate();
      for (const id of await this.repos.retention.endedBefore(rule.id, before)) {
        const counts = await this.repos.retention.purgeFollowUp(this.prisma, id);
        if (!counts) continue;
        result.followUps++;
        this.logger.info({ workspaceId: rule.id, followUpId: id, days: rule.days, ...counts }, 'retention: purged an ended follow-up');
      }
    }
    this.logger.info({ workspaces: result.workspaces.length, followUps: result.followUps }, 'retention run done');
    return result;
  }

  /**
   * The workspace setting (admins only, confirmed with Slack): purge ended follow-ups `days`
   * after they ended, or never (null, the default).
   */
  async setEndedFollowUpRetention(actor: Actor, days: number | null): Promise<void> {
    if (this.people) await this.people.confirmAdmin(actor);
    const error = retentionDaysError(days);
    if (error) throw new ValidationError({ purgeEndedAfterDays: error });
    await this.repos.retention.setEndedFollowUpRetention(actor.teamId, days);
    this.logger.info({ workspaceId: actor.teamId, by: actor.person.id, days }, 'retention of ended follow-ups changed');
  }
}
