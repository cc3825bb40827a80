import { dayToDate } from '../../src/time/dates';
import { FixedClock, Harness, randomId } from '../support/harness';
import { followUp, goal, person, settle } from '../support/seed';

/**
 * What `/followup export` gives each person (PRODUCT.md: what they wrote and what was shared with
 * them), table-driven like privacy.test.ts: every record kind × every role.
 *
 * One world: follow-up F (senior S ↔ leader L) holding one record of every kind with a unique
 * marker; a second follow-up F2 (S2 ↔ O, "other") with O's private records; a workspace admin
 * who wrote a question. Each role exports their own data; the admin also has L's exported (it
 * goes to L, never to the admin).
 */
type Role = 'senior' | 'leader' | 'other' | 'admin';
const ROLES: Role[] = ['senior', 'leader', 'other', 'admin'];

interface World {
  h: Harness;
  f: Awaited<ReturnType<typeof followUp>>;
  f2: Awaited<ReturnType<typeof followUp>>;
  goalId: string;
  adminId: string;
}

interface KindRow {
  kind: string;
  seed(w: World, marker: string): Promise<unknown>;
  /** Roles whose export holds the marker. */
  visible: Role[];
}

const both: Role[] = ['senior', 'leader'];
const KINDS: KindRow[] = [
  { kind: 'goal', seed: (w, m) => goal(w.h, w.f, m), visible: both },
  { kind: 'milestone', seed: (w, m) => w.h.prisma.milestone.create({ data: { goalId: w.goalId, title: m, position: 1 } }), visible: both },
  { kind: 'check-in', seed: (w, m) => w.h.prisma.checkIn.create({ data: { goalId: w.goalId, authorId: w.f.leaderId, value: 3, confidence: 4, note: m } }), visible: both },
  {
    kind: 'conversation',
    seed: (w, m) => w.h.prisma.conversation.create({ data: { followUpId: w.f.id, heldOn: dayToDate('2026-03-01'), agenda: [{ text: m }], notes: m, loggedById: w.f.seniorId } }),
    visible: both,
  },
  {
    kind: 'feedback',
    seed: (w, m) => w.h.prisma.feedback.create({ data: { workspaceId: w.h.teamId, giverId: w.f.seniorId, receiverId: w.f.leaderId, works: m, improve: m, advice: m } }),
    visible: both,
  },
  {
    kind: 'reflection (private)',
    seed: (w, m) => w.h.prisma.reflection.create({ data: { followUpId: w.f.id, authorId: w.f.leaderId, prompts: [], answers: [m], sharedWithSenior: false } }),
    visible: ['leader'],
  },
  {
    kind: 'reflection (shared)',
    seed: (w, m) => w.h.prisma.reflection.create({ data: { followUpId: w.f.id, authorId: w.f.leaderId, prompts: [], answers: [m], sharedWithSenior: true } }),
    visible: both,
  },
  {
    kind: 'evaluation',
    seed: (w, m) =>
      w.h.prisma.evaluation.create({
        data: { followUpId: w.f.id, heldOn: dayToDate('2026-03-01'), authorId: w.f.seniorId, summary: m, items: { create: [{ goalId: w.goalId, assessment: 'AT_RISK', comment: m }] } },
      }),
    visible: both,
  },
  { kind: 'barrier', seed: (w, m) => w.h.prisma.barrier.create({ data: { followUpId: w.f.id, kind: 'PERSONAL', description: m, createdById: w.f.leaderId } }), visible: both },
  {
    kind: 'action',
    seed: (w, m) => w.h.prisma.actionItem.create({ data: { followUpId: w.f.id, what: m, ownerId: w.f.leaderId, dueDate: dayToDate('2026-03-01'), createdById: w.f.seniorId } }),
    visible: both,
  },
  {
    kind: 'learning (unshared)',
    seed: (w, m) => w.h.prisma.learning.create({ data: { followUpId: w.f.id, authorId: w.f.leaderId, whatHappened: m, learned: m, sharedToChannel: false } }),
    visible: ['leader'],
  },
  {
    kind: 'learning (shared to the team)',
    seed: (w, m) => w.h.prisma.learning.create({ data: { followUpId: w.f.id, authorId: w.f.leaderId, whatHappened: m, learned: m, sharedToChannel: true, sharedTs: '1.1' } }),
    visible: both,
  },
  {
    kind: 'development activity',
    seed: (w, m) => w.h.prisma.developmentActivity.create({ data: { followUpId: w.f.id, kind: 'COACHING', title: m, provider: m, createdById: w.f.seniorId } }),
    visible: both,
  },
  {
    kind: 'question (authored)',
    seed: (w, m) => w.h.prisma.question.create({ data: { workspaceId: w.h.teamId, text: m, createdById: w.adminId } }),
    visible: ['admin'],
  },
  {
    kind: "other leader's unshared learning",
    seed: (w, m) => w.h.prisma.learning.create({ data: { followUpId: w.f2.id, authorId: w.f2.leaderId, whatHappened: m, learned: m } }),
    visible: ['other'],
  },
  {
    kind: "other leader's private reflection",
    seed: (w, m) => w.h.prisma.reflection.create({ data: { followUpId: w.f2.id, authorId: w.f2.leaderId, prompts: [], answers: [m] } }),
    visible: ['other'],
  },
];

describe('privacy of /followup export: every record kind × role', () => {
  let h: Harness;
  let w: World;
  const users = {} as Record<Role, string>;
  const markers = new Map<string, string>();
  const exported = new Map<Role | 'adminForLeader', string>();
  const replies = new Map<Role | 'adminForLeader', string>();

  /** Runs the export as `user`; returns the reply and the JSON file the app uploaded. */
  async function runExport(user: string, text: string): Promise<{ reply: string; file: string; channel: string }> {
    const n = h.slack.responses.length;
    const uploads = h.slack.callsOf('files.completeUploadExternal').length;
    await h.command(user, text);
    const reply = await h.slack.waitForResponse(n + 1);
    const complete = await h.slack.waitForCall('files.completeUploadExternal', uploads + 1);
    const fileId = (JSON.parse(String(complete.args.files)) as { id: string }[])[0].id;
    return { reply: String(reply.text), file: h.slack.uploads.get(fileId) ?? '', channel: String(complete.args.channel_id) };
  }

  beforeAll(async () => {
    const clock = new FixedClock('2026-03-10T10:00:00Z');
    h = await Harness.start({ clock });
    users.senior = h.user('UEPSEN01', { locale: 'en-GB' });
    users.leader = h.user('UEPLEA01', { locale: 'nb-NO' });
    users.other = h.user('UEPOTH01', { locale: 'en-GB' });
    users.admin = h.user('UEPADM01', { locale: 'en-GB', is_admin: true });
    const otherSenior = h.user('UEPSEN02', { locale: 'en-GB' });
    const f = await followUp(h, users.senior, users.leader, { channel: 'C0EXPRIV' });
    const f2 = await followUp(h, otherSenior, users.other, { channel: 'C0EXPRIV2' });
    const admin = await person(h, users.admin, { isAdmin: true });
    const base = await goal(h, f, 'base goal');
    w = { h, f, f2, goalId: base.id, adminId: admin.id };
    for (const row of KINDS) {
      const marker = `SECRET-${row.kind.replace(/\W+/g, '-')}-${randomId('', 6)}`;
      markers.set(row.kind, marker);
      await row.seed(w, marker);
    }
    for (const role of ROLES) {
      const { reply, file, channel } = await runExport(users[role], role === 'leader' ? 'eksport' : 'export');
      expect(channel).toBe(`D${users[role].slice(1)}`);
      exported.set(role, file);
      replies.set(role, reply);
    }
    // One export per person per 10 minutes: the admin's export for the leader comes after their own.
    clock.advance({ minutes: 10 });
    const forLeader = await runExport(users.admin, `export <@${users.leader}>`);
    expect(forLeader.channel).toBe(`D${users.leader.slice(1)}`);
    exported.set('adminForLeader', forLeader.file);
    replies.set('adminForLeader', forLeader.reply);
  });
  afterAll(async () => {
    await settle(h);
    await h.close();
  });

  const cases = KINDS.flatMap((row) => ROLES.map((role) => ({ kind: row.kind, role, may: row.visible.includes(role) })));
  it.each(cases)('$kind: $role\'s export holds it = $may', ({ kind, role, may }) => {
    const file = exported.get(role)!;
    expect(file.length).toBeGreaterThan(0);
    if (may) expect(file).toContain(markers.get(kind)!);
    else expect(file).not.toContain(markers.get(kind)!);
  });

  it.each(KINDS.map((row) => ({ kind: row.kind, may: row.visible.includes('leader') })))(
    '$kind: an admin\'s export of the leader (sent to the leader) holds it = $may',
    ({ kind, may }) => {
      const file = exported.get('adminForLeader')!;
      if (may) expect(file).toContain(markers.get(kind)!);
      else expect(file).not.toContain(markers.get(kind)!);
    },
  );

  it('answers in each person\'s language, and tells the admin the file went to the person', () => {
    expect(replies.get('leader')).toBe('Dataene dine er sendt til deg som en fil i direktemeldingene dine med appen.');
    expect(replies.get('senior')).toBe('Your data has been sent to you as a file in your direct messages with the app.');
    expect(replies.get('adminForLeader')).toBe(
      `The data of <@${users.leader}> has been sent to them as a file in their direct messages with the app. You do not receive a copy.`,
    );
  });

  it('carries Slack user ids, never internal ids, and includes the person\'s settings', async () => {
    const internal = [w.f.id, w.f2.id, w.f.seniorId, w.f.leaderId, w.f2.leaderId, w.goalId, w.adminId, h.teamId];
    for (const [who, file] of exported) {
      for (const id of internal) expect({ who, leaks: file.includes(id) }).toEqual({ who, leaks: false });
    }
    const leader = JSON.parse(exported.get('leader')!) as {
      person: { slackUserId: string };
      settings: Record<string, unknown>;
      followUps: { senior: string; leader: string; goals: { createdBy: string; id?: string }[] }[];
      feedback: { giver: string; receiver: string }[];
    };
    expect(leader.person.slackUserId).toBe(users.leader);
    expect(leader.settings).toHaveProperty('workingDays');
    expect(leader.settings).toHaveProperty('reminderHour');
    expect(leader.followUps[0]).toMatchObject({ senior: users.senior, leader: users.leader });
    expect(leader.followUps[0].goals[0].createdBy).toBe(users.senior);
    expect(leader.followUps[0].goals[0].id).toBeUndefined();
    expect(leader.feedback[0]).toMatchObject({ giver: users.senior, receiver: users.leader });
    const admin = JSON.parse(exported.get('admin')!) as { questions: { text: string }[] };
    expect(admin.questions.map((q) => q.text)).toEqual([markers.get('question (authored)')]);
  });

  it('records the admin\'s export of the leader in the audit log (a person\'s own exports are not)', async () => {
    const rows = await h.prisma.auditEntry.findMany({ where: { workspaceId: h.teamId } });
    expect(rows.map((r) => ({ action: r.action, actor: r.actorUserId, subject: r.subjectUserId }))).toEqual([
      { action: 'export', actor: users.admin, subject: users.leader },
    ]);
  });
});
