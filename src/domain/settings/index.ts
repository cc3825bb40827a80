import { IANAZone } from 'luxon';
import type { PeopleService, Actor } from '../people';
import type { Clock } from '../../time/clock';
import type { Repositories } from '../../data';
import type { Person, Workspace } from '../../data/prisma';
import { NotAllowedError, ValidationError, type FieldError } from '../errors';
import type { DomainEvent, Eventful } from '../events';
import { LOCALES } from '../vocabulary';
import { isKnownCountry } from '../../time/holidays';
import { retentionDaysError } from '../retention';
import { HrService, type HrSettingsInput } from '../hr';

/** A language setting: one of the app's languages, or Slack's (automatic). */
export const LOCALE_CHOICES = ['auto', ...LOCALES] as const;
export type LocaleChoice = (typeof LOCALE_CHOICES)[number];
/** Reminder hours a person or workspace may choose: 0–23, local time. */
export const HOURS = Array.from({ length: 24 }, (_, h) => h);

export interface PersonalSettingsInput {
  locale: LocaleChoice;
  /** IANA zone, or null for "automatic from Slack". */
  timezone: string | null;
  /** Local hour 0–23, or null for the workspace default. */
  reminderHour: number | null;
  /**
   * Country whose public holidays the reminders skip (ISO 3166-1 alpha-2, e.g. NO, SE, GB), or
   * null for the workspace default. Absent = unchanged (a form without the field).
   */
  holidayCountry?: string | null;
}

export interface WorkspaceSettingsInput {
  locale: LocaleChoice;
  timezone: string | null;
  reminderHour: number;
  /** Default holiday country for everyone without their own; null = Norway. Absent = unchanged. */
  holidayCountry?: string | null;
  /** Purge ended follow-ups this many days after they ended; null = never. Absent = unchanged. */
  purgeEndedAfterDays?: number | null;
  /** Follow-ups an admin sets up start without the leader's consent. Absent = unchanged. */
  adminSetupSkipsConsent?: boolean;
  /** HR partners and the HR overview's anonymity threshold. Absent = unchanged. */
  hr?: HrSettingsInput;
  /** Team channels shared with another organisation may be chosen. Absent = unchanged. */
  allowSharedTeamChannels?: boolean;
}

/** "no", " gb " → "NO", "GB"; null for an unknown country. */
export function normaliseCountry(text: string): string | null {
  const code = text.trim().toUpperCase();
  return isKnownCountry(code) ? code : null;
}

export interface SettingsInput {
  personal: PersonalSettingsInput;
  /** Present only when the form had the admin section. */
  workspace: WorkspaceSettingsInput | null;
}

export interface SettingsView {
  person: Person;
  workspace: Workspace | null;
  isAdmin: boolean;
}

/** Finds the canonical spelling of an IANA zone typed in any case ("europe/oslo" → "Europe/Oslo"). */
export function normaliseZone(text: string): string | null {
  const trimmed = text.trim().replace(/\s+/g, '_');
  if (!trimmed) return null;
  if (!/^[A-Za-z_+\-/0-9]+$/.test(trimmed) || !IANAZone.isValidZone(trimmed)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: trimmed }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export interface SavedSettings extends Eventful {
  person: Person;
  workspaceChanged: boolean;
}

export interface CheckedSettings {
  errors: Record<string, FieldError>;
  zone: string | null;
  workspaceZone: string | null;
  country: string | null;
  workspaceCountry: string | null;
}

/** Zones and countries read, and the errors of the settings form that need no data (known zones and countries, hours 0–23). */
export function checkSettings(input: SettingsInput): CheckedSettings {
  const errors: Record<string, FieldError> = {};
  const zone = input.personal.timezone === null ? null : normaliseZone(input.personal.timezone);
  if (input.personal.timezone !== null && zone === null) errors.timezone = { key: 'settings.error_timezone' };
  if (input.personal.reminderHour !== null && !validHour(input.personal.reminderHour)) errors.reminderHour = { key: 'common.error_invalid_option' };
  const country = input.personal.holidayCountry ? normaliseCountry(input.personal.holidayCountry) : null;
  if (input.personal.holidayCountry && country === null) errors.holidayCountry = { key: 'settings.error_country' };
  let workspaceZone: string | null = null;
  let workspaceCountry: string | null = null;
  if (input.workspace) {
    workspaceZone = input.workspace.timezone === null ? null : normaliseZone(input.workspace.timezone);
    if (input.workspace.timezone !== null && workspaceZone === null) errors.workspaceTimezone = { key: 'settings.error_timezone' };
    if (!validHour(input.workspace.reminderHour)) errors.workspaceReminderHour = { key: 'common.error_invalid_option' };
    workspaceCountry = input.workspace.holidayCountry ? normaliseCountry(input.workspace.holidayCountry) : null;
    if (input.workspace.holidayCountry && workspaceCountry === null) errors.workspaceHolidayCountry = { key: 'settings.error_country' };
    const retention = input.workspace.purgeEndedAfterDays === undefined ? null : retentionDaysError(input.workspace.purgeEndedAfterDays);
    if (retention) errors.purgeEndedAfterDays = retention;
    if (input.workspace.hr) Object.assign(errors, HrService.check(input.workspace.hr));
  }
  return { errors, zone, workspaceZone, country, workspaceCountry };
}

/** The workspace settings whose every change is audited (before → after). */
export const AUDITED_WORKSPACE_FIELDS = [
  'defaultLocale',
  'defaultTimezone',
  'defaultReminderHour',
  'defaultHolidayCountry',
  'adminSetupSkipsConsent',
  'allowSharedTeamChannels',
  'purgeEndedFollowUpsAfterDays',
] as const;

export class SettingsService {
  constructor(
    private readonly repos: Repositories,
    /** Confirms admin status with Slack for the workspace part (fails closed). */
    private readonly people: Pick<PeopleService, 'confirmAdmin'> | undefined,
    private readonly clock: Clock,
    /** Saves the HR partners (audited) and the threshold. */
    private readonly hr?: Pick<HrService, 'save'>,
  ) {}

  async load(actor: Actor): Promise<SettingsView> {
    const workspace = await this.repos.workspaces.find(actor.teamId);
    return { person: actor.person, workspace, isAdmin: actor.person.isAdmin };
  }

  /**
   * Saves the actor's own settings and, for a workspace admin, the workspace defaults. The
   * admin right is read from the stored profile (refreshed from Slack), never from the form.
   */
  async save(actor: Actor, input: SettingsInput): Promise<SavedSettings> {
    const { errors, zone, workspaceZone, country, workspaceCountry } = checkSettings(input);
    let admin = actor;
    if (input.workspace) {
      if (this.people) admin = await this.people.confirmAdmin(actor);
      else if (!(await this.repos.people.findById(actor.person.id))?.isAdmin) throw new NotAllowedError('workspace settings (admins only)');
    }
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);

    const person = await this.repos.people.saveSettings(actor.person.id, {
      localeOverride: input.personal.locale === 'auto' ? null : input.personal.locale,
      tzOverride: zone,
      reminderHour: input.personal.reminderHour,
      ...(input.personal.holidayCountry !== undefined ? { holidayCountry: country } : {}),
    });
    // The person's reminders move to their new zone and hour.
    const events: DomainEvent[] = [{ type: 'personChanged', id: person.id }];
    if (!input.workspace) return { person, workspaceChanged: false, events };
    const before = await this.repos.workspaces.find(actor.teamId);
    const saved = await this.repos.workspaces.saveDefaults(actor.teamId, {
      defaultLocale: input.workspace.locale === 'auto' ? null : input.workspace.locale,
      defaultTimezone: workspaceZone,
      defaultReminderHour: input.workspace.reminderHour,
      ...(input.workspace.holidayCountry !== undefined ? { defaultHolidayCountry: workspaceCountry } : {}),
      ...(input.workspace.adminSetupSkipsConsent !== undefined ? { adminSetupSkipsConsent: input.workspace.adminSetupSkipsConsent } : {}),
      ...(input.workspace.allowSharedTeamChannels !== undefined ? { allowSharedTeamChannels: input.workspace.allowSharedTeamChannels } : {}),
    });
    if (input.workspace.purgeEndedAfterDays !== undefined) await this.repos.retention.setEndedFollowUpRetention(actor.teamId, input.workspace.purgeEndedAfterDays);
    if (input.workspace.hr && this.hr) await this.hr.save(admin, input.workspace.hr);
    // Every change of a workspace setting is audited: who, when, each field before and after.
    const after = { ...saved, ...(input.workspace.purgeEndedAfterDays !== undefined ? { purgeEndedFollowUpsAfterDays: input.workspace.purgeEndedAfterDays } : {}) };
    const changes = AUDITED_WORKSPACE_FIELDS.filter((f) => String(before?.[f] ?? null) !== String(after[f] ?? null)).map((f) => ({ field: f, before: before?.[f] ?? null, after: after[f] ?? null }));
    if (changes.length > 0) {
      await this.repos.audit.record({ workspaceId: actor.teamId, action: 'settings', actorUserId: actor.person.slackUserId, subjectUserId: null, details: { changes }, at: this.clock.now().toJSDate() });
    }
    // Defaults apply to everyone without their own setting: let the scheduler move their reminders.
    for (const id of await this.repos.people.idsInWorkspace(actor.teamId)) {
      if (id !== person.id) events.push({ type: 'personChanged', id: id });
    }
    return { person, workspaceChanged: true, events };
  }
}

function validHour(h: number): boolean {
  return Number.isInteger(h) && h >= 0 && h <= 23;
}
