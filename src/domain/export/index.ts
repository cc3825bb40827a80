import type { PrismaClient, Prisma } from '../../data/prisma';
import { inTransaction, type Repositories } from '../../data';
import { PersonDataRepository, type PostedMessage, type RawPersonData } from '../../data/personData';
import type { Clock } from '../../time/clock';
import { celebrationKey } from '../celebrations';
import { DateTime } from 'luxon';
import { dateFormatter } from '../../i18n/dates';
import { NotFoundError, ValidationError } from '../errors';
import type { DomainEvent } from '../events';
import type { LifecycleService } from '../lifecycle';
import type { Actor, PeopleService } from '../people';

export type { PostedMessage };

export interface PersonExport {
  subject: Actor;
  data: Prisma.JsonObject;
}

export interface Erasure {
  /** Messages the app posted with the person's content: the caller deletes them (chat.delete). */
  messages: PostedMessage[];
  /** Follow-ups the erasure ended. */
  endedFollowUps: number;
  events: DomainEvent[];
}

/** What the audit log records: admins' exports and erasures, changes of workspace settings, and HR partners named or removed. */
export const AUDIT_ACTIONS = ['export', 'erase', 'settings', 'hr_partner_named', 'hr_partner_removed'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** A changed setting: its name (a workspace settings field) and its values before and after, as stored. */
export interface AuditChange {
  field: string;
  before: string | null;
  after: string | null;
}

export interface AuditLine {
  action: AuditAction;
  actorUserId: string;
  subjectUserId: string | null;
  at: Date;
  changes: AuditChange[];
}

/** One page of the audit log, newest first. */
export interface AuditPage {
  lines: AuditLine[];
  page: number;
  pages: number;
}

/** Audit entries per page (a message's blocks and text stay within Slack's limits). */
export const AUDIT_PAGE_SIZE = 25;

function changesOf(details: unknown): AuditChange[] {
  const raw = (details as { changes?: unknown } | null)?.changes;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((c) => {
    const o = c as { field?: unknown; before?: unknown; after?: unknown };
    const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
    return typeof o.field === 'string' ? [{ field: o.field, before: str(o.before), after: str(o.after) }] : [];
  });
}

/** Fields holding an internal person id, and the name they get in the export (a Slack user id). */
const PERSON_FIELDS: Record<string, string> = {
  seniorId: 'senior',
  leaderId: 'leader',
  authorId: 'author',
  createdById: 'createdBy',
  giverId: 'giver',
  receiverId: 'receiver',
  ownerId: 'owner',
  doneById: 'doneBy',
  loggedById: 'loggedBy',
  recipientId: 'recipient',
};
/** Internal keys an export leaves out: row ids, links between rows, idempotency keys, message ts. */
const INTERNAL_FIELDS = new Set(['id', 'sourceKey', 'messageTs', 'messageChannelId', 'sharedTs', 'sharedChannelId', 'workspaceId', 'personId']);

/**
 * The export as the person reads it: people as Slack user ids (an erased person as null), no
 * internal ids. Pure.
 */
export function exportDocument(raw: RawPersonData): Prisma.JsonObject {
  const userOf = (id: string) => {
    const u = raw.people[id];
    return u && !u.startsWith('erased-') ? u : null;
  };
  const clean = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(clean);
    if (!value || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k in PERSON_FIELDS) out[PERSON_FIELDS[k]] = typeof v === 'string' ? userOf(v) : null;
      else if (INTERNAL_FIELDS.has(k) || (k.endsWith('Id') && k !== 'teamChannelId' && k !== 'slackUserId')) continue;
      else out[k] = clean(v);
    }
    return out;
  };
  const { person, ...rest } = raw;
  const { slackUserId, displayName, realName, createdAt, ...settings } = person;
  return clean({
    person: { slackUserId, displayName, realName, createdAt },
    settings,
    followUps: rest.followUps,
    feedback: rest.feedback,
    questions: rest.questions,
    agendaPicks: rest.agendaPicks,
    reminders: rest.reminders,
  }) as Prisma.JsonObject;
}

/** A person may export (their own data, or as admin someone's) once per this many minutes. */
export const EXPORT_INTERVAL_MINUTES = 10;

/**
 * Export and erasure of a person's data (PRODUCT.md: admins do this on request, without reading
 * reflections). A person may export their own data; an admin may have anyone's exported, which is
 * delivered to that person, never to the admin. Every admin export and every erasure is audited.
 */
export class ExportService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly repos: Repositories,
    private readonly people: PeopleService,
    private readonly lifecycle: Pick<LifecycleService, 'endFollowUpsOf'>,
    private readonly clock: Clock,
  ) {}

  async exportFor(actor: Actor, targetUserId: string): Promise<PersonExport> {
    const self = targetUserId === actor.person.slackUserId;
    const subject = self ? actor : await this.adminSubject(actor, targetUserId);
    // Each export loads everything and uses the workspace's upload budget: one per person per 10 minutes.
    const now = this.clock.now();
    const held = await this.repos.people.claimExport(actor.person.id, now.toJSDate(), now.minus({ minutes: EXPORT_INTERVAL_MINUTES }).toJSDate());
    if (held) {
      const again = DateTime.fromJSDate(held).plus({ minutes: EXPORT_INTERVAL_MINUTES });
      throw new ValidationError({ export: { key: 'export.error_too_soon', vars: { time: dateFormatter({ locale: actor.locale, zone: actor.zone, now }).time(again) } } });
    }
    const data = new PersonDataRepository(this.prisma);
    const raw = await data.collect(subject.person.id);
    if (!raw) throw new NotFoundError('person');
    if (!self) await this.audit(data, actor, 'export', subject.person.slackUserId);
    return { subject, data: exportDocument(raw) };
  }

  /** How many follow-ups erasing this person would end (admins only). */
  async erasePreview(actor: Actor, targetUserId: string): Promise<{ subject: Actor; followUps: number }> {
    const subject = await this.adminSubject(actor, targetUserId);
    return { subject, followUps: await new PersonDataRepository(this.prisma).countFollowUps(subject.person.id) };
  }

  /**
   * Erases a person (admins, on request): ends their follow-ups (the other person keeps their own
   * goals, reflections and learnings), deletes what they wrote, and hands back the messages the
   * app posted with their content, for the caller to delete in Slack.
   */
  async erase(actor: Actor, targetUserId: string): Promise<Erasure> {
    const subject = await this.adminSubject(actor, targetUserId);
    const personId = subject.person.id;
    const data = new PersonDataRepository(this.prisma);
    const keys = (await data.goalsLedBy(personId)).flatMap((g) => [celebrationKey('goal', g.id), ...g.milestones.map((m) => celebrationKey('milestone', m.id))]);
    const messages = await data.postedMessages(personId, keys);
    const ended = await this.lifecycle.endFollowUpsOf(subject.person, 'erased');
    await inTransaction(this.prisma, (_repos, tx) => new PersonDataRepository(tx).erase(personId, keys));
    await this.audit(data, actor, 'erase', targetUserId);
    return { messages, endedFollowUps: ended.length, events: [{ type: 'personLeft', id: personId, ended: ended.map((f) => ({ followUpId: f.id, otherPersonId: f.seniorId === personId ? f.leaderId : f.seniorId })) }] };
  }

  /** The workspace's audit log of exports and erasures, newest first (admins only). */
  async auditLog(actor: Actor, page = 1): Promise<AuditPage> {
    await this.people.confirmAdmin(actor);
    const pages = Math.max(1, Math.ceil((await this.repos.audit.count(actor.teamId)) / AUDIT_PAGE_SIZE));
    // Any page number may be typed: it is read within the pages there are.
    const current = Math.min(Math.max(1, Number.isInteger(page) ? page : 1), pages);
    const rows = await this.repos.audit.page(actor.teamId, (current - 1) * AUDIT_PAGE_SIZE, AUDIT_PAGE_SIZE);
    const lines = rows.map((r): AuditLine => ({
      action: (AUDIT_ACTIONS as readonly string[]).includes(r.action) ? (r.action as AuditAction) : 'export',
      actorUserId: r.actorUserId,
      subjectUserId: r.subjectUserId,
      at: r.createdAt,
      changes: changesOf(r.details),
    }));
    return { lines, page: current, pages };
  }

  private async audit(_data: PersonDataRepository, actor: Actor, action: 'export' | 'erase', subjectUserId: string): Promise<void> {
    await this.repos.audit.record({ workspaceId: actor.teamId, action, actorUserId: actor.person.slackUserId, subjectUserId, at: this.clock.now().toJSDate() });
  }

  /** The person an admin acts on. Admin status is checked against Slack now, not a cached profile. */
  private async adminSubject(actor: Actor, targetUserId: string): Promise<Actor> {
    await this.people.confirmAdmin(actor, 2000, { subjectUserId: targetUserId });
    const target = await this.repos.people.find(actor.teamId, targetUserId);
    if (!target) throw new NotFoundError('person');
    return this.people.toActor(target);
  }
}
