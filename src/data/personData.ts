import type { Db, Prisma } from './prisma';

/** Everything stored about one person, for export (GDPR access) and erasure. */
export class PersonDataRepository {
  constructor(private readonly db: Db) {}

  async collect(personId: string): Promise<Prisma.JsonObject | null> {
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
        workingDays: true,
        createdAt: true,
      },
    });
    if (!person) return null;
    const followUps = await this.db.followUp.findMany({
      where: { OR: [{ seniorId: personId }, { leaderId: personId }] },
      select: {
        id: true,
        seniorId: true,
        leaderId: true,
        senior: { select: { slackUserId: true } },
        leader: { select: { slackUserId: true } },
        teamChannelId: true,
        oneToOneCadence: true,
        evaluationEveryWeeks: true,
        reflectionCadence: true,
        startDate: true,
        nextEvaluationOn: true,
        status: true,
        createdAt: true,
        goals: { include: { milestones: true, checkIns: true, revisions: true } },
        conversations: true,
        developments: true,
        evaluations: { include: { items: true } },
        barriers: true,
        actions: true,
        learnings: true,
        // A reflection belongs to the leader who wrote it: only theirs are exported.
        reflections: { where: { authorId: personId } },
      },
    });
    const feedback = await this.db.feedback.findMany({ where: { OR: [{ giverId: personId }, { receiverId: personId }] } });
    const reminders = await this.db.reminder.findMany({ where: { recipientId: personId }, select: { kind: true, dueAt: true, status: true } });
    const agendaPicks = await this.db.agendaPick.findMany({ where: { personId }, select: { questionKey: true, createdAt: true } });
    return JSON.parse(JSON.stringify({ person, followUps, feedback, reminders, agendaPicks })) as Prisma.JsonObject;
  }

  /** Counts what erasing the person deletes, to say so before it is done. */
  async countFollowUps(personId: string): Promise<number> {
    return this.db.followUp.count({ where: { OR: [{ seniorId: personId }, { leaderId: personId }] } });
  }

  /**
   * Deletes the person and every record about them: their follow-ups (as leader or senior
   * leader, with everything in them), feedback given or received, reminders and deliveries.
   */
  async erase(personId: string): Promise<void> {
    await this.db.feedback.deleteMany({ where: { OR: [{ giverId: personId }, { receiverId: personId }] } });
    await this.db.reminder.deleteMany({ where: { recipientId: personId } });
    await this.db.delivery.deleteMany({ where: { recipientId: personId } });
    await this.db.agendaPick.deleteMany({ where: { personId } });
    await this.db.person.delete({ where: { id: personId } });
  }
}
