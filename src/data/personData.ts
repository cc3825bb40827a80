import type { Db, Prisma } from './prisma';

/** A message the app posted that carries a person's content: deleted with chat.delete on erasure. */
export interface PostedMessage {
  channelId: string;
  ts: string;
  kind: 'feedback' | 'learning' | 'celebration' | 'dm';
}

/** What a person wrote and what was shared with them, as stored (internal ids still in). */
export interface RawPersonData {
  person: Prisma.JsonObject;
  followUps: Prisma.JsonArray;
  feedback: Prisma.JsonArray;
  reminders: Prisma.JsonArray;
  agendaPicks: Prisma.JsonArray;
  questions: Prisma.JsonArray;
  /** Internal person id → Slack user id, for every person the records name. */
  people: Record<string, string>;
}

const json = <T>(v: T) => JSON.parse(JSON.stringify(v)) as never;

/** Everything stored about one person, for export (GDPR access) and erasure. */
export class PersonDataRepository {
  constructor(private readonly db: Db) {}

  /**
   * What the person may have: their own records, and in their follow-ups what both people share.
   * Never another person's unshared learning or private reflection: a learning is in it when the
   * person wrote it or it was shared to the team channel; a reflection when the person wrote it
   * or (as that follow-up's senior leader) it was shared with them.
   */
  async collect(personId: string): Promise<RawPersonData | null> {
    const person = await this.db.person.findUnique({
      where: { id: personId },
      select: {
        slackUserId: true,
        displayName: true,
        realName: true,
        slackTz: true,
        tzOverride: true,
        slackLocale: true,
        localeOverride: true,
        reminderHour: true,
        reminderMinute: true,
        workingDays: true,
        holidayCountry: true,
        createdAt: true,
      },
    });
    if (!person) return null;
    const followUps = await this.db.followUp.findMany({
      where: { OR: [{ seniorId: personId }, { leaderId: personId }] },
      select: {
        seniorId: true,
        leaderId: true,
        teamChannelId: true,
        oneToOneCadence: true,
        evaluationEveryWeeks: true,
        reflectionCadence: true,
        startDate: true,
        nextEvaluationOn: true,
        status: true,
        endedAt: true,
        createdAt: true,
        goals: { include: { milestones: true, checkIns: true, revisions: true } },
        conversations: true,
        developments: true,
        evaluations: { include: { items: true } },
        barriers: true,
        actions: true,
        learnings: { where: { OR: [{ authorId: personId }, { sharedToChannel: true }] } },
        reflections: { where: { OR: [{ authorId: personId }, { sharedWithSenior: true, followUp: { seniorId: personId } }] } },
      },
    });
    const feedback = await this.db.feedback.findMany({ where: { OR: [{ giverId: personId }, { receiverId: personId }] } });
    const reminders = await this.db.reminder.findMany({ where: { recipientId: personId }, select: { kind: true, dueAt: true, status: true } });
    const agendaPicks = await this.db.agendaPick.findMany({ where: { personId }, select: { questionKey: true, createdAt: true } });
    const questions = await this.db.question.findMany({ where: { createdById: personId }, select: { step: true, text: true, locale: true, active: true, createdAt: true } });
    const data = { person: json(person), followUps: json(followUps), feedback: json(feedback), reminders: json(reminders), agendaPicks: json(agendaPicks), questions: json(questions) };
    const ids = new Set<string>([personId]);
    collectPersonIds(data, ids);
    const rows = await this.db.person.findMany({ where: { id: { in: [...ids] } }, select: { id: true, slackUserId: true } });
    return { ...data, people: Object.fromEntries(rows.map((r) => [r.id, r.slackUserId])) };
  }

  /** Counts what erasing the person ends (their active follow-ups), to say so before it is done. */
  async countFollowUps(personId: string): Promise<number> {
    return this.db.followUp.count({ where: { OR: [{ seniorId: personId }, { leaderId: personId }] } });
  }

  /**
   * Messages the app posted that carry the person's content or name them: feedback DMs they gave
   * or received, learnings they shared, celebrations of their goals and milestones, and the DMs
   * the app sent them on its own.
   */
  async postedMessages(personId: string, celebrationKeys: string[]): Promise<PostedMessage[]> {
    const out: PostedMessage[] = [];
    const feedback = await this.db.feedback.findMany({ where: { OR: [{ giverId: personId }, { receiverId: personId }], messageTs: { not: null } } });
    const receivers = await this.db.person.findMany({ where: { id: { in: feedback.map((f) => f.receiverId) } }, select: { id: true, dmChannelId: true } });
    for (const f of feedback) {
      const channelId = f.messageChannelId ?? receivers.find((r) => r.id === f.receiverId)?.dmChannelId;
      if (channelId && f.messageTs) out.push({ channelId, ts: f.messageTs, kind: 'feedback' });
    }
    const learnings = await this.db.learning.findMany({ where: { authorId: personId, sharedTs: { not: null } }, include: { followUp: { select: { teamChannelId: true } } } });
    for (const l of learnings) {
      const channelId = l.sharedChannelId ?? l.followUp.teamChannelId;
      if (channelId && l.sharedTs) out.push({ channelId, ts: l.sharedTs, kind: 'learning' });
    }
    const celebrations = await this.db.delivery.findMany({ where: { key: { in: celebrationKeys }, messageTs: { not: null } } });
    for (const d of celebrations) if (d.channelId && d.messageTs) out.push({ channelId: d.channelId, ts: d.messageTs, kind: 'celebration' });
    const dms = await this.db.delivery.findMany({ where: { recipientId: personId, messageTs: { not: null }, NOT: { kind: { startsWith: 'celebration' } } } });
    for (const d of dms) if (d.channelId && d.messageTs) out.push({ channelId: d.channelId, ts: d.messageTs, kind: 'dm' });
    return out;
  }

  /** The goals (and their milestones) of the follow-ups where the person is the leader. */
  goalsLedBy(personId: string): Promise<{ id: string; milestones: { id: string }[] }[]> {
    return this.db.goal.findMany({ where: { followUp: { leaderId: personId } }, select: { id: true, milestones: { select: { id: true } } } });
  }

  /**
   * Erases the person: deletes what they wrote (and, as a leader, their goals), and removes them
   * from other people's records without deleting those people's own data. Follow-ups stay (the
   * caller ended them) so the other person keeps their history; the person's row becomes an
   * anonymous placeholder with no name, Slack id, zone or language.
   */
  async erase(personId: string, celebrationKeys: string[]): Promise<void> {
    // An HR partner who is erased is no longer one (the row names them by Slack user id).
    const who = await this.db.person.findUnique({ where: { id: personId }, select: { workspaceId: true, slackUserId: true } });
    if (who) await this.db.hrPartner.deleteMany({ where: { workspaceId: who.workspaceId, slackUserId: who.slackUserId } });
    await this.db.feedback.deleteMany({ where: { OR: [{ giverId: personId }, { receiverId: personId }] } });
    await this.db.reminder.deleteMany({ where: { OR: [{ recipientId: personId }, { subjectId: personId }] } });
    await this.db.delivery.deleteMany({ where: { OR: [{ recipientId: personId, NOT: { kind: { startsWith: 'celebration' } } }, { key: { in: celebrationKeys } }] } });
    await this.db.agendaPick.deleteMany({ where: { personId } });
    await this.db.question.deleteMany({ where: { createdById: personId } });
    // A leader's goals are theirs, whoever typed them in (milestones, check-ins, revisions go with them).
    await this.db.goal.deleteMany({ where: { followUp: { leaderId: personId } } });
    await this.db.checkIn.deleteMany({ where: { authorId: personId } });
    await this.db.conversation.deleteMany({ where: { loggedById: personId } });
    await this.db.reflection.deleteMany({ where: { authorId: personId } });
    await this.db.developmentActivity.deleteMany({ where: { createdById: personId } });
    await this.db.evaluation.deleteMany({ where: { authorId: personId } });
    await this.db.actionItem.deleteMany({ where: { createdById: personId } });
    await this.db.barrier.deleteMany({ where: { createdById: personId } });
    await this.db.learning.deleteMany({ where: { authorId: personId } });
    await this.db.milestone.updateMany({ where: { doneById: personId }, data: { doneById: null } });
    await this.db.goalRevision.updateMany({ where: { authorId: personId }, data: { reason: null } });
    await this.db.person.update({
      where: { id: personId },
      data: {
        slackUserId: `erased-${personId}`,
        displayName: null,
        realName: null,
        slackTz: null,
        tzOverride: null,
        slackLocale: null,
        localeOverride: null,
        reminderHour: null,
        holidayCountry: null,
        dmChannelId: null,
        profileFetchedAt: null,
        isAdmin: false,
        deleted: true,
      },
    });
  }
}

/** Fields that hold an internal person id. */
const PERSON_ID_FIELDS = new Set(['seniorId', 'leaderId', 'authorId', 'createdById', 'giverId', 'receiverId', 'ownerId', 'doneById', 'loggedById', 'recipientId', 'personId']);

function collectPersonIds(value: unknown, ids: Set<string>): void {
  if (Array.isArray(value)) for (const v of value) collectPersonIds(v, ids);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (PERSON_ID_FIELDS.has(k) && typeof v === 'string') ids.add(v);
      else collectPersonIds(v, ids);
    }
  }
}
