import { Writable } from 'node:stream';
import pino from 'pino';
import { NotAllowedError, ValidationError } from '../../src/domain/errors';
import { t } from '../../src/i18n';
import { ShiftedClock } from '../../src/time/clock';
import { dayToDate } from '../../src/time/dates';
import { randomId } from '../support/harness';
import { ScheduledHarness } from '../support/scheduler';

/** Retention as a scheduled job: uninstalled workspaces purged after the period; ended follow-ups after the workspace's setting. */
const NOW = '2027-06-01T12:00:00+02:00';
const DAY = 24 * 3600_000;

describe('retention', () => {
  let s: ScheduledHarness;
  const logLines: Record<string, unknown>[] = [];
  const now = new Date(NOW).getTime();
  const ago = (days: number) => new Date(now - days * DAY);

  /** A workspace with two people, a follow-up with a goal, a reminder, a ledger row and feedback. */
  async function workspace(id: string, fields: { uninstalledAt?: Date | null; purgeEndedFollowUpsAfterDays?: number | null } = {}) {
    const { prisma } = s.h;
    await prisma.workspace.create({ data: { id, ...fields } });
    const senior = await prisma.person.create({ data: { workspaceId: id, slackUserId: randomId('U') } });
    const leader = await prisma.person.create({ data: { workspaceId: id, slackUserId: randomId('U') } });
    return { senior, leader };
  }

  async function followUp(workspaceId: string, seniorId: string, leaderId: string, ended: Date | null) {
    const { prisma } = s.h;
    const f = await prisma.followUp.create({
      data: { workspaceId, seniorId, leaderId, startDate: dayToDate('2027-01-04'), status: ended ? 'ENDED' : 'ACTIVE', endedAt: ended, endedReason: ended ? 'ended' : null },
    });
    await prisma.goal.create({ data: { followUpId: f.id, kind: 'PROFESSIONAL', title: 'Lead the merger', createdById: seniorId } });
    const key = `nudge-${f.id}-${leaderId}-20270101`;
    await prisma.reminder.create({ data: { key, workspaceId, kind: 'nudge', recipientId: leaderId, subjectId: f.id, followUpId: f.id, dueAt: ago(200), status: 'DONE' } });
    await prisma.delivery.create({ data: { key, workspaceId, kind: 'nudge', recipientId: leaderId, status: 'SENT' } });
    return f.id;
  }

  beforeAll(async () => {
    s = await ScheduledHarness.start({ clock: new ShiftedClock(NOW), config: { retentionDaysAfterUninstall: 30 } });
  });
  afterAll(async () => {
    await s.close();
    await s.h.prisma.$disconnect().catch(() => undefined);
  });

  it('purges a workspace uninstalled longer than RETENTION_DAYS_AFTER_UNINSTALL, keeps a recent one; purges ended follow-ups per the workspace setting; logs each purge', async () => {
    const { prisma } = s.h;
    const gone = randomId('T');
    const recent = randomId('T');
    const setting = randomId('T');
    const off = randomId('T');
    const a = await workspace(gone, { uninstalledAt: ago(31) });
    const fGone = await followUp(gone, a.senior.id, a.leader.id, null);
    await prisma.feedback.create({ data: { workspaceId: gone, giverId: a.senior.id, receiverId: a.leader.id, works: 'w', improve: 'i', advice: 'a' } });
    const b = await workspace(recent, { uninstalledAt: ago(29) });
    const fRecent = await followUp(recent, b.senior.id, b.leader.id, null);
    const c = await workspace(setting, { purgeEndedFollowUpsAfterDays: 10 });
    const other = await prisma.person.create({ data: { workspaceId: setting, slackUserId: randomId('U') } });
    const third = await prisma.person.create({ data: { workspaceId: setting, slackUserId: randomId('U') } });
    const endedLong = await followUp(setting, c.senior.id, c.leader.id, ago(11));
    const endedRecently = await followUp(setting, c.senior.id, other.id, ago(9));
    const active = await followUp(setting, c.senior.id, third.id, null);
    const d = await workspace(off);
    const endedKept = await followUp(off, d.senior.id, d.leader.id, ago(400));

    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
        done();
      },
    });
    const { startWorkers } = await import('../../workflows');
    const { TEST_TUNING } = await import('../support/scheduler');
    const workers = await startWorkers({
      config: s.h.config,
      prisma: s.h.prisma,
      redis: s.h.redis,
      clock: s.h.clock,
      logger: pino({ level: 'info' }, sink),
      tuning: { ...TEST_TUNING, retentionEveryMs: 60_000, workspaces: [gone, recent, setting, off] },
    });
    try {
      // The job scheduler runs the first retention at once.
      for (let i = 0; i < 100 && !logLines.some((l) => l.msg === 'retention run done'); i++) await new Promise((r) => setTimeout(r, 100));
      expect(logLines.some((l) => l.msg === 'retention run done')).toBe(true);
    } finally {
      await workers.close();
    }

    expect(await prisma.workspace.count({ where: { id: gone } })).toBe(0);
    expect(await prisma.person.count({ where: { workspaceId: gone } })).toBe(0);
    expect(await prisma.followUp.count({ where: { id: fGone } })).toBe(0);
    expect(await prisma.reminder.count({ where: { workspaceId: gone } })).toBe(0);
    expect(await prisma.delivery.count({ where: { workspaceId: gone } })).toBe(0);
    expect(await prisma.feedback.count({ where: { workspaceId: gone } })).toBe(0);

    expect(await prisma.followUp.count({ where: { id: fRecent } })).toBe(1);
    expect(await prisma.followUp.count({ where: { id: endedLong } })).toBe(0);
    expect(await prisma.goal.count({ where: { followUpId: endedLong } })).toBe(0);
    expect(await prisma.reminder.count({ where: { followUpId: endedLong } })).toBe(0);
    expect(await prisma.followUp.count({ where: { id: { in: [endedRecently, active, endedKept] } } })).toBe(3);
    expect(await prisma.goal.count({ where: { followUpId: { in: [endedRecently, active, endedKept] } } })).toBe(3);

    const purgedWs = logLines.filter((l) => l.msg === 'retention: purged an uninstalled workspace');
    expect(purgedWs.map((l) => l.workspaceId)).toEqual([gone]);
    expect(purgedWs[0]).toMatchObject({ days: 30, people: 2, followUps: 1, reminders: 1, deliveries: 1, feedback: 1 });
    const purgedF = logLines.filter((l) => l.msg === 'retention: purged an ended follow-up');
    expect(purgedF.map((l) => l.followUpId)).toEqual([endedLong]);
    expect(purgedF[0]).toMatchObject({ workspaceId: setting, days: 10, reminders: 1, deliveries: 1 });
    // Only ids and counts are logged, never what people wrote.
    expect(JSON.stringify(logLines)).not.toContain('Lead the merger');
  }, 30000);

  it.each([
    ['en', 'Enter a whole number of days from 1 to 3650, or leave it empty to keep ended follow-ups.'],
    ['nb', 'Skriv et helt antall dager fra 1 til 3650, eller la feltet stå tomt for å beholde avsluttede oppfølginger.'],
  ] as const)('the workspace setting (admins, confirmed with Slack) refuses a bad number of days with a clear message (%s), and is off by default', async (locale, message) => {
    const admin = s.h.user(randomId('UADM'), { is_admin: true, locale: locale === 'nb' ? 'nb-NO' : 'en-GB' });
    const actor = await s.h.app.services.people.resolve(s.h.teamId, admin);
    expect((await s.h.prisma.workspace.findUniqueOrThrow({ where: { id: s.h.teamId } })).purgeEndedFollowUpsAfterDays).toBeNull();
    for (const bad of [0, -3, 2.5, 4000]) {
      const err = await s.h.app.services.retention.setEndedFollowUpRetention(actor, bad).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ValidationError);
      const field = (err as ValidationError).fields.purgeEndedAfterDays;
      expect(t(actor.locale, field.key, field.vars)).toBe(message);
    }
    const member = await s.h.app.services.people.resolve(s.h.teamId, s.h.user(randomId('UMEM'), { locale: 'en-GB' }));
    await expect(s.h.app.services.retention.setEndedFollowUpRetention(member, 90)).rejects.toBeInstanceOf(NotAllowedError);
    await s.h.app.services.retention.setEndedFollowUpRetention(actor, 90);
    expect((await s.h.prisma.workspace.findUniqueOrThrow({ where: { id: s.h.teamId } })).purgeEndedFollowUpsAfterDays).toBe(90);
    await s.h.app.services.retention.setEndedFollowUpRetention(actor, null);
    expect((await s.h.prisma.workspace.findUniqueOrThrow({ where: { id: s.h.teamId } })).purgeEndedFollowUpsAfterDays).toBeNull();
  });
});
