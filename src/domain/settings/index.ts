import { IANAZone } from 'luxon';
import type { PeopleService } from '../people';
import type { Repositories } from '../../data';
import type { Locale, Person, Workspace } from '../../data/prisma';
import { NotAllowedError, ValidationError, type FieldError } from '../errors';
import type { Actor } from '../people';
import type { DomainEvents } from '../ports';

export type LocaleChoice = 'auto' | Locale;

export interface PersonalSettingsInput {
  locale: LocaleChoice;
  /** IANA zone, or null for "automatic from Slack". */
  timezone: string | null;
  /** Local hour 0–23, or null for the workspace default. */
  reminderHour: number | null;
}

export interface WorkspaceSettingsInput {
  locale: LocaleChoice;
  timezone: string | null;
  reminderHour: number;
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

export class SettingsService {
  constructor(
    private readonly repos: Repositories,
    private readonly events: () => DomainEvents,
    /** Confirms admin status with Slack for the workspace part (fails closed). */
    private readonly people?: Pick<PeopleService, 'confirmAdmin'>,
  ) {}

  async load(actor: Actor): Promise<SettingsView> {
    const workspace = await this.repos.workspaces.find(actor.teamId);
    return { person: actor.person, workspace, isAdmin: actor.person.isAdmin };
  }

  /**
   * Saves the actor's own settings and, for a workspace admin, the workspace defaults. The
   * admin right is read from the stored profile (refreshed from Slack), never from the form.
   */
  async save(actor: Actor, input: SettingsInput): Promise<{ person: Person; workspaceChanged: boolean }> {
    const errors: Record<string, FieldError> = {};
    const zone = input.personal.timezone === null ? null : normaliseZone(input.personal.timezone);
    if (input.personal.timezone !== null && zone === null) errors.timezone = { key: 'settings.error_timezone' };
    if (input.personal.reminderHour !== null && !validHour(input.personal.reminderHour)) errors.reminderHour = { key: 'common.error_invalid_option' };
    let workspaceZone: string | null = null;
    if (input.workspace) {
      if (this.people) await this.people.confirmAdmin(actor);
      else if (!(await this.repos.people.findById(actor.person.id))?.isAdmin) throw new NotAllowedError('workspace settings (admins only)');
      workspaceZone = input.workspace.timezone === null ? null : normaliseZone(input.workspace.timezone);
      if (input.workspace.timezone !== null && workspaceZone === null) errors.workspaceTimezone = { key: 'settings.error_timezone' };
      if (!validHour(input.workspace.reminderHour)) errors.workspaceReminderHour = { key: 'common.error_invalid_option' };
    }
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);

    const person = await this.repos.people.saveSettings(actor.person.id, {
      localeOverride: input.personal.locale === 'auto' ? null : input.personal.locale,
      tzOverride: zone,
      reminderHour: input.personal.reminderHour,
    });
    const events = this.events();
    await events.personChanged(person.id);
    if (!input.workspace) return { person, workspaceChanged: false };
    await this.repos.workspaces.saveDefaults(actor.teamId, {
      defaultLocale: input.workspace.locale === 'auto' ? null : input.workspace.locale,
      defaultTimezone: workspaceZone,
      defaultReminderHour: input.workspace.reminderHour,
    });
    // Defaults apply to everyone without their own setting: let the scheduler move their reminders.
    for (const id of await this.repos.people.idsInWorkspace(actor.teamId)) {
      if (id !== person.id) await events.personChanged(id);
    }
    return { person, workspaceChanged: true };
  }
}

function validHour(h: number): boolean {
  return Number.isInteger(h) && h >= 0 && h <= 23;
}
