import { DateTime } from 'luxon';
import type { Logger } from 'pino';
import type { Repositories } from '../../data';
import type { Person, Workspace } from '../../data/prisma';
import { type Locale, localeFromSlack } from '../../i18n';
import type { Clock } from '../../time/clock';
import { safeZone } from '../../time/dates';
import { AdminUnconfirmedError, NotAllowedError } from '../errors';
import type { LifecycleService } from '../lifecycle';
import type { SlackGateway } from '../ports';

/** A person as the app addresses them: their record, language and time zone. */
export interface Actor {
  person: Person;
  teamId: string;
  locale: Locale;
  zone: string;
}

export interface Defaults {
  locale: Locale;
  timezone: string;
}

/** Profiles are refreshed from Slack when older than this. */
const PROFILE_MAX_AGE_HOURS = 12;

export class PeopleService {
  constructor(
    private readonly repos: Repositories,
    private readonly slack: SlackGateway,
    private readonly clock: Clock,
    private readonly defaults: Defaults,
    private readonly logger: Logger,
    private readonly lifecycle?: LifecycleService,
    /** A Slack team → the workspace its data lives in (Grid org-wide installs: the enterprise). */
    private readonly workspaceOf: (teamId: string) => string = (teamId) => teamId,
  ) {}

  /** The person's own choice, else Slack's locale, else the workspace default, else the app's. */
  localeOf(person: Person, workspace?: Pick<Workspace, 'defaultLocale'> | null): Locale {
    if (person.localeOverride) return person.localeOverride;
    return localeFromSlack(person.slackLocale, workspace?.defaultLocale ?? this.defaults.locale);
  }

  /** The person's override, else Slack's zone, else the workspace default, else the app's. */
  zoneOf(person: Person, workspace?: Pick<Workspace, 'defaultTimezone'> | null): string {
    return safeZone(person.tzOverride ?? person.slackTz, safeZone(workspace?.defaultTimezone, this.defaults.timezone));
  }

  toActor(person: Person, workspace?: Pick<Workspace, 'defaultLocale' | 'defaultTimezone'> | null): Actor {
    return { person, teamId: person.workspaceId, locale: this.localeOf(person, workspace), zone: this.zoneOf(person, workspace) };
  }

  /**
   * The person behind a Slack user id, created on first sight, with a profile (zone, language,
   * admin, bot) refreshed from users.info when stale. If Slack cannot be reached, the cached
   * profile is used.
   */
  async resolve(
    teamId: string,
    slackUserId: string,
    options: { refresh?: 'if-stale' | 'always' | 'never'; /** give up on Slack after this long (before an ack) */ budgetMs?: number } = {},
  ): Promise<Actor> {
    teamId = this.workspaceOf(teamId);
    const refresh = options.refresh ?? 'if-stale';
    // A request must name its workspace: never fall back to an empty team id.
    if (!teamId || !slackUserId) throw new NotAllowedError('a request without a team or user');
    // One read on the hot path; the two inserts only on first sight of a person.
    const known = await this.repos.people.findWithWorkspace(teamId, slackUserId);
    const workspace = known ? known.workspace : await this.repos.workspaces.ensure(teamId);
    if ((workspace.uninstalledAt || workspace.tokensRevokedAt) && this.lifecycle) {
      // An authorised request from a workspace marked uninstalled: the app was reinstalled.
      // Re-planning its reminders does not hold up the request.
      await this.lifecycle.reactivate(teamId);
      workspace.uninstalledAt = null;
      workspace.tokensRevokedAt = null;
    }
    let person: Person = known ?? (await this.repos.people.ensure(teamId, slackUserId));
    const now = this.clock.now();
    const stale =
      !person.profileFetchedAt || now.diff(DateTime.fromJSDate(person.profileFetchedAt), 'hours').hours >= PROFILE_MAX_AGE_HOURS;
    if (refresh === 'always' || (refresh === 'if-stale' && stale)) {
      try {
        const lookup = this.slack.userInfo(slackUserId);
        const profile =
          options.budgetMs === undefined
            ? await lookup
            : await Promise.race([
                lookup,
                new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`users.info took over ${options.budgetMs} ms`)), options.budgetMs).unref()),
              ]);
        if (profile) {
          person = await this.repos.people.saveProfile(
            person.id,
            {
              displayName: profile.displayName,
              realName: profile.realName,
              slackTz: profile.tz,
              slackLocale: profile.locale,
              isAdmin: profile.isAdmin,
              isBot: profile.isBot,
              deleted: profile.deleted,
            },
            now.toJSDate(),
          );
        } else {
          person = await this.repos.people.saveProfile(person.id, { deleted: true }, now.toJSDate());
        }
      } catch (err) {
        this.logger.warn({ err, slackUserId }, 'users.info failed; using cached profile');
      }
    }
    return this.toActor(person, workspace);
  }

  /**
   * For admin-only actions: asks Slack now whether the person is a workspace admin, and fails
   * closed — no cached flag, and no answer from Slack (error or slower than `budgetMs`) is a no.
   */
  async confirmAdmin(actor: Actor, budgetMs = 2000, opts: { subjectUserId?: string } = {}): Promise<Actor> {
    const lookUp = async (userId: string) => {
      try {
        return await Promise.race([
          this.slack.userInfo(userId),
          new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`users.info took over ${budgetMs} ms`)), budgetMs).unref()),
        ]);
      } catch (err) {
        this.logger.warn({ err, slackUserId: userId }, 'users.info failed: admin status not confirmed');
        throw new AdminUnconfirmedError();
      }
    };
    const subject = opts.subjectUserId && opts.subjectUserId !== actor.person.slackUserId ? lookUp(opts.subjectUserId) : null;
    subject?.catch(() => undefined);
    const profile = await lookUp(actor.person.slackUserId);
    if (!profile) throw new NotAllowedError('admins only');
    const person = await this.repos.people.saveProfile(
      actor.person.id,
      { displayName: profile.displayName, realName: profile.realName, slackTz: profile.tz, slackLocale: profile.locale, isAdmin: profile.isAdmin, isBot: profile.isBot, deleted: profile.deleted },
      this.clock.now().toJSDate(),
    );
    const enterprise = profile.enterprise ?? null;
    // Grid, org-wide install: the data is the whole organisation's. Its admins and owners act on
    // everyone; a workspace admin only on people of their own workspaces, and never on org-wide settings.
    const orgData = enterprise !== null && enterprise.id === actor.teamId;
    if (orgData && enterprise.isAdminOrOwner && !profile.deleted) return { ...actor, person };
    if (!profile.isAdmin || profile.deleted) throw new NotAllowedError('admins only');
    if (orgData) {
      const other = subject ? await subject : null;
      const shared = other?.enterprise?.teams.some((t) => enterprise.teams.includes(t)) ?? false;
      if (!other || !shared) throw new NotAllowedError('org admins only');
    }
    return { ...actor, person };
  }
}
