import { HomeIds } from '../../src/slack/ids';
import { GoalIds } from '../support/slackIds';
import { barrierForm } from '../../src/slack/features/barrier/fields';
import { evaluateForm } from '../../src/slack/features/evaluate/fields';
import { learnForm } from '../../src/slack/features/learn/fields';
import { BarrierIds } from '../../src/slack/features/barrier/views';
import { EvaluateIds } from '../../src/slack/features/evaluate/views';
import { LearnIds } from '../../src/slack/features/learn/views';
import { dayToDate } from '../../src/time/dates';
import { FixedClock, Harness, randomId, visibleText } from '../support/harness';
import { followUp, goal, person, settle } from '../support/seed';

/**
 * Who sees and changes what (PRODUCT.md, "People and what they may see"), table-driven.
 *
 * One world: follow-up F (senior S ↔ leader L) holding one record of every kind, each with a
 * unique marker text; a second follow-up (S2 ↔ L2); a workspace admin; a stranger. Every role
 * reads through every read path (App Home, `/followup status @L`, the Status button) and tries
 * every write path with forged ids. To add a kind: add a row to KINDS (how to seed it, where its
 * marker may appear) and, when it can be written, a row to WRITES.
 */
type Role = 'senior' | 'leader' | 'otherLeader' | 'otherSenior' | 'admin' | 'hrPartner' | 'stranger';
const ROLES: Role[] = ['senior', 'leader', 'otherLeader', 'otherSenior', 'admin', 'hrPartner', 'stranger'];
/** 'hr': `/followup hr`, the HR overview (counts only: no kind's content for anyone). */
type ReadPath = 'home' | 'status' | 'statusButton' | 'hr';
const READ_PATHS: ReadPath[] = ['home', 'status', 'statusButton', 'hr'];

interface World {
  h: Harness;
  users: Record<Role, string>;
  f: Awaited<ReturnType<typeof followUp>>;
  goalId: string;
}

interface KindRow {
  kind: string;
  /** Creates the record in F; returns the marker text that must not leak. */
  seed(w: World, marker: string): Promise<void>;
  /** Roles that may see the marker, per read path (what the path shows at all; the HR overview shows none). */
  visible: Record<Exclude<ReadPath, 'hr'>, Role[]>;
}

const both: Role[] = ['senior', 'leader'];
const KINDS: KindRow[] = [
  {
    kind: 'goal',
    seed: async (w, m) => void (await goal(w.h, w.f, m, { baseline: 0, target: 10, current: 5 })),
    visible: { home: both, status: both, statusButton: both },
  },
  {
    kind: 'check-in',
    seed: async (w, m) => void (await w.h.prisma.checkIn.create({ data: { goalId: w.goalId, authorId: w.f.leaderId, value: 3, confidence: 4, note: m } })),
    visible: { home: [], status: [], statusButton: [] },
  },
  {
    kind: 'conversation',
    seed: async (w, m) =>
      void (await w.h.prisma.conversation.create({ data: { followUpId: w.f.id, heldOn: dayToDate('2026-03-01'), agenda: [{ text: m }], notes: m, loggedById: w.f.seniorId } })),
    visible: { home: [], status: [], statusButton: [] },
  },
  {
    kind: 'feedback',
    seed: async (w, m) =>
      void (await w.h.prisma.feedback.create({ data: { workspaceId: w.h.teamId, giverId: w.f.seniorId, receiverId: w.f.leaderId, works: m, improve: m, advice: m } })),
    // Giver and receiver only; App Home shows the receiver what they received.
    visible: { home: ['leader'], status: [], statusButton: [] },
  },
  {
    kind: 'reflection (private)',
    seed: async (w, m) =>
      void (await w.h.prisma.reflection.create({ data: { followUpId: w.f.id, authorId: w.f.leaderId, prompts: [], answers: [m], sharedWithSenior: false } })),
    visible: { home: ['leader'], status: [], statusButton: [] },
  },
  {
    kind: 'reflection (shared)',
    seed: async (w, m) =>
      void (await w.h.prisma.reflection.create({ data: { followUpId: w.f.id, authorId: w.f.leaderId, prompts: [], answers: [m], sharedWithSenior: true } })),
    visible: { home: ['leader'], status: [], statusButton: [] },
  },
  {
    kind: 'evaluation',
    seed: async (w, m) =>
      void (await w.h.prisma.evaluation.create({
        data: { followUpId: w.f.id, heldOn: dayToDate('2026-03-01'), authorId: w.f.seniorId, summary: m, items: { create: [{ goalId: w.goalId, assessment: 'AT_RISK', comment: m }] } },
      })),
    visible: { home: [], status: [], statusButton: [] },
  },
  {
    kind: 'barrier',
    seed: async (w, m) => void (await w.h.prisma.barrier.create({ data: { followUpId: w.f.id, kind: 'PERSONAL', description: m, createdById: w.f.leaderId } })),
    visible: { home: both, status: both, statusButton: both },
  },
  {
    kind: 'action',
    seed: async (w, m) =>
      void (await w.h.prisma.actionItem.create({ data: { followUpId: w.f.id, what: m, ownerId: w.f.leaderId, dueDate: dayToDate('2026-03-01'), createdById: w.f.seniorId } })),
    // The leader's plan on Home; overdue actions in status for both.
    visible: { home: ['leader'], status: both, statusButton: both },
  },
  {
    kind: 'learning',
    seed: async (w, m) =>
      void (await w.h.prisma.learning.create({ data: { followUpId: w.f.id, authorId: w.f.leaderId, whatHappened: m, learned: m, sharedToChannel: false } })),
    visible: { home: [], status: [], statusButton: [] },
  },
  {
    kind: 'development activity',
    seed: async (w, m) =>
      void (await w.h.prisma.developmentActivity.create({ data: { followUpId: w.f.id, kind: 'COACHING', title: m, provider: m, createdById: w.f.seniorId } })),
    visible: { home: [], status: [], statusButton: [] },
  },
];

interface WriteRow {
  kind: string;
  /** Roles allowed to make this change. */
  allowed: Role[];
  /** Tries the change as `user`; the forged ids point at F's records. */
  attempt(w: World, user: string): Promise<void>;
  /** A number that grows (or a state that changes) when the write went through. */
  effect(w: World): Promise<number>;
}

const radio = (v: string) => ({ type: 'radio_buttons', selected_option: { value: v } });
const text = (v: string) => ({ type: 'plain_text_input', value: v });
const modal = (callback_id: string, private_metadata = '') => ({ type: 'modal', callback_id, private_metadata, title: { type: 'plain_text', text: 'x' }, blocks: [] });

const WRITES: WriteRow[] = [
  {
    kind: 'evaluation (forged private_metadata)',
    allowed: ['senior'],
    attempt: async (w, user) =>
      void (await w.h.submitView(user, { ...modal(EvaluateIds.view, JSON.stringify({ f: w.f.id, g: [w.goalId] })), id: randomId('V') }, {
        [evaluateForm.ids.assessment0.block]: { [evaluateForm.ids.assessment0.action]: radio('ACHIEVED') },
        [evaluateForm.ids.next.block]: { [evaluateForm.ids.next.action]: { type: 'datepicker', selected_date: '2026-06-01' } },
      })),
    effect: async (w) => w.h.prisma.evaluation.count({ where: { followUpId: w.f.id, summary: null } }),
  },
  {
    kind: 'learning (forged private_metadata)',
    allowed: ['leader'],
    attempt: async (w, user) =>
      void (await w.h.submitView(user, { ...modal(LearnIds.view, JSON.stringify({ f: w.f.id })), id: randomId('V') }, {
        [learnForm.ids.what.block]: { [learnForm.ids.what.action]: text('forged learning') },
        [learnForm.ids.learned.block]: { [learnForm.ids.learned.action]: text('forged') },
      })),
    effect: async (w) => w.h.prisma.learning.count({ where: { followUpId: w.f.id, whatHappened: 'forged learning' } }),
  },
  {
    kind: 'barrier (modal naming the leader)',
    allowed: ['senior', 'leader'],
    attempt: async (w, user) =>
      void (await w.h.submitView(user, { ...modal(BarrierIds.view), id: randomId('V') }, {
        [barrierForm.ids.leaderUserId.block]: { [barrierForm.ids.leaderUserId.action]: { type: 'users_select', selected_user: w.users.leader } },
        [barrierForm.ids.kind.block]: { [barrierForm.ids.kind.action]: radio('RESOURCE') },
        [barrierForm.ids.description.block]: { [barrierForm.ids.description.action]: text(`forged barrier ${user}`) },
        [barrierForm.ids.status.block]: { [barrierForm.ids.status.action]: radio('OPEN') },
      })),
    effect: async (w) => w.h.prisma.barrier.count({ where: { followUpId: w.f.id, description: { startsWith: 'forged barrier' } } }),
  },
  {
    kind: 'barrier status (button with a forged id)',
    allowed: ['senior', 'leader'],
    attempt: async (w, user) => {
      const barrier = await w.h.prisma.barrier.findFirstOrThrow({ where: { followUpId: w.f.id, description: 'target of status changes' } });
      const next = barrier.status === 'OPEN' ? 'IN_PROGRESS' : 'OPEN';
      const replies = w.h.slack.responses.length;
      await w.h.action(user, { action_id: BarrierIds.statusMenu(0), type: 'overflow', selected_option: { value: `${next}|${barrier.id}` } }, { response_url: w.h.newResponseUrl() });
      // the button is acked first: wait for its answer (done or refused) before looking
      await w.h.slack.waitForResponse(replies + 1);
    },
    effect: async (w) => {
      const b = await w.h.prisma.barrier.findFirstOrThrow({ where: { followUpId: w.f.id, description: 'target of status changes' } });
      return b.status === 'OPEN' ? 0 : 1;
    },
  },
  {
    kind: 'goal (modal naming the leader)',
    allowed: ['senior', 'leader'],
    attempt: async (w, user) =>
      void (await w.h.submitView(user, { ...modal(GoalIds.view), id: randomId('V') }, {
        [GoalIds.leaderBlock]: { [GoalIds.leaderInput]: { type: 'users_select', selected_user: w.users.leader } },
        [GoalIds.kindBlock]: { [GoalIds.kindInput]: radio('PERSONAL') },
        [GoalIds.titleBlock]: { [GoalIds.titleInput]: text(`forged goal ${user}`) },
      })),
    effect: async (w) => w.h.prisma.goal.count({ where: { followUpId: w.f.id, title: { startsWith: 'forged goal' } } }),
  },
];

describe('privacy: who sees and changes what', () => {
  let h: Harness;
  let w: World;
  const markers = new Map<string, string>();
  const seen = new Map<string, string>(); // `${role}/${path}` → visible text

  beforeAll(async () => {
    h = await Harness.start({ clock: new FixedClock('2026-03-10T10:00:00Z') });
    const users: Record<Role, string> = {
      senior: h.user('UPRSEN01', { locale: 'en-GB' }),
      leader: h.user('UPRLEA01', { locale: 'en-GB' }),
      otherLeader: h.user('UPRLEA02', { locale: 'en-GB' }),
      otherSenior: h.user('UPRSEN02', { locale: 'en-GB' }),
      admin: h.user('UPRADM01', { locale: 'en-GB', is_admin: true }),
      hrPartner: h.user('UPRHRP01', { locale: 'en-GB' }),
      stranger: h.user('UPRSTR01', { locale: 'en-GB' }),
    };
    const f = await followUp(h, users.senior, users.leader, { channel: 'C0PRIV' });
    await followUp(h, users.otherSenior, users.otherLeader, { channel: 'C0PRIV2' });
    await person(h, users.admin, { isAdmin: true });
    // An HR partner an admin named: may read the HR overview, and nothing else of anyone.
    await h.prisma.hrPartner.create({ data: { workspaceId: h.teamId, slackUserId: users.hrPartner, namedBy: users.admin } });
    const base = await goal(h, f, 'base goal', { baseline: 0, target: 10 });
    w = { h, users, f, goalId: base.id };
    for (const row of KINDS) {
      const marker = `SECRET-${row.kind.replace(/\W+/g, '-')}-${randomId('', 6)}`;
      markers.set(row.kind, marker);
      await row.seed(w, marker);
    }
    await h.prisma.barrier.create({ data: { followUpId: f.id, kind: 'RESOURCE', description: 'target of status changes', createdById: f.leaderId } });

    for (const role of ROLES) {
      const user = users[role];
      seen.set(`${role}/home`, visibleText(await h.openHome(user)));
      const n = h.slack.responses.length;
      await h.command(user, `status <@${users.leader}>`);
      seen.set(`${role}/status`, visibleText((await h.slack.waitForResponse(n + 1)).blocks));
      const dms = h.slack.callsOf('chat.postMessage').length;
      await h.action(user, { action_id: HomeIds.runButton('status', 0), type: 'button', value: users.leader });
      seen.set(`${role}/statusButton`, visibleText((await h.slack.waitForCall('chat.postMessage', dms + 1)).args.blocks));
      const r = h.slack.responses.length;
      await h.command(user, 'hr');
      const hr = await h.slack.waitForResponse(r + 1);
      seen.set(`${role}/hr`, `${String(hr.text)}\n${visibleText(hr.blocks)}`);
    }
  });
  afterAll(async () => {
    await settle(h);
    await h.close();
  });

  const readCases = KINDS.flatMap((row) => READ_PATHS.flatMap((path) => ROLES.map((role) => ({ kind: row.kind, path, role, may: path !== 'hr' && row.visible[path].includes(role) }))));
  it.each(readCases)('$kind via $path: $role sees it = $may', ({ kind, path, role, may }) => {
    const text = seen.get(`${role}/${path}`)!;
    expect(text).toBeDefined();
    if (may) expect(text).toContain(markers.get(kind)!);
    else expect(text).not.toContain(markers.get(kind)!);
  });

  it.each(ROLES.filter((r) => r !== 'senior' && r !== 'leader'))('status of the leader is refused to %s with a clear message', (role) => {
    for (const path of ['status', 'statusButton'] as const) {
      expect(seen.get(`${role}/${path}`)).toBe(`Only the senior leader who follows up <@UPRLEA01>, or <@UPRLEA01> themselves, can see this summary.`);
    }
  });

  it('the HR overview is shown to the admin and the HR partner only, as counts (two follow-ups: too few to show); everyone else is refused', () => {
    for (const role of ['admin', 'hrPartner'] as const) {
      const text = seen.get(`${role}/hr`)!;
      expect(text).toContain('HR overview');
      expect(text).toContain('too few to show');
      // No person is named in it.
      for (const user of Object.values(w.users)) expect(text).not.toContain(user);
    }
    for (const role of ROLES.filter((r) => r !== 'admin' && r !== 'hrPartner')) {
      expect(seen.get(`${role}/hr`)).toContain('Only workspace admins, and the HR partners an admin names in `/followup settings`, can see the HR overview.');
    }
  });

  const writeCases = WRITES.flatMap((row) => ROLES.filter((r) => !row.allowed.includes(r)).map((role) => ({ kind: row.kind, role })));
  it.each(writeCases)('$kind: $role cannot change it', async ({ kind, role }) => {
    const row = WRITES.find((r) => r.kind === kind)!;
    const before = await row.effect(w);
    await row.attempt(w, w.users[role]);
    expect(await row.effect(w)).toBe(before);
  });

  it.each(WRITES.map((r) => ({ kind: r.kind, role: r.allowed[0] })))('$kind: $role (allowed) can change it', async ({ kind, role }) => {
    const row = WRITES.find((r) => r.kind === kind)!;
    const before = await row.effect(w);
    await row.attempt(w, w.users[role]);
    // a modal saves before its ack; a button answers after — poll briefly
    const deadline = Date.now() + 5000;
    let after = await row.effect(w);
    while (after === before && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      after = await row.effect(w);
    }
    expect(after).not.toBe(before);
  });
});

/**
 * Pending and ended follow-ups grant nothing: an inviter whose invitation is not accepted (or
 * was declined, or expired) sees nothing of the leader and can record nothing; records of an
 * ended follow-up are not shown to anyone who did not take part in it.
 */
describe.each(['en-GB', 'nb-NO'] as const)('privacy of pending and ended follow-ups (%s)', (locale) => {
  let h: Harness;
  const users = { leader: '', oldSenior: '', current: '', inviter: '', declined: '' };
  const marker = { ended: '', active: '' };
  let pendingId = '';
  let declinedId = '';

  beforeAll(async () => {
    h = await Harness.start({ clock: new FixedClock('2026-03-10T10:00:00Z') });
    users.leader = h.user(randomId('UPL', 6), { locale });
    users.oldSenior = h.user(randomId('UPO', 6), { locale });
    users.current = h.user(randomId('UPC', 6), { locale });
    users.inviter = h.user(randomId('UPI', 6), { locale });
    users.declined = h.user(randomId('UPD', 6), { locale });
    const ended = await followUp(h, users.oldSenior, users.leader);
    marker.ended = `SECRET-ended-${randomId('', 6)}`;
    await goal(h, ended, marker.ended);
    await h.prisma.followUp.update({ where: { id: ended.id }, data: { status: 'ENDED', endedAt: new Date(), endedReason: 'ended' } });
    const active = await followUp(h, users.current, users.leader);
    marker.active = `SECRET-active-${randomId('', 6)}`;
    await goal(h, active, marker.active);
    await h.prisma.reflection.create({ data: { followUpId: active.id, authorId: active.leaderId, prompts: ['What went well?'], answers: [marker.active], sharedWithSenior: true } });
    const pending = await followUp(h, users.inviter, users.leader);
    await h.prisma.followUp.update({ where: { id: pending.id }, data: { status: 'PENDING', invitedAt: new Date() } });
    pendingId = pending.id;
    const declined = await followUp(h, users.declined, users.leader);
    await h.prisma.followUp.update({ where: { id: declined.id }, data: { status: 'ENDED', endedAt: new Date(), endedReason: 'declined' } });
    declinedId = declined.id;
  });
  afterAll(async () => {
    await settle(h);
    await h.close();
  });

  async function everythingSeenBy(user: string): Promise<string> {
    const home = visibleText(await h.openHome(user));
    const n = h.slack.responses.length;
    await h.command(user, `status <@${users.leader}>`);
    const status = visibleText((await h.slack.waitForResponse(n + 1)).blocks);
    const dms = h.slack.callsOf('chat.postMessage').length;
    await h.action(user, { action_id: HomeIds.runButton('status', 0), type: 'button', value: users.leader });
    const button = visibleText((await h.slack.waitForCall('chat.postMessage', dms + 1)).args.blocks);
    return [home, status, button].join('\n');
  }

  it('an inviter waiting for the answer sees nothing of the leader (no goal, no reflection, no ended history)', async () => {
    const seen = await everythingSeenBy(users.inviter);
    expect(seen).not.toContain(marker.active);
    expect(seen).not.toContain(marker.ended);
  });

  it('an inviter who was declined sees nothing of the leader', async () => {
    const seen = await everythingSeenBy(users.declined);
    expect(seen).not.toContain(marker.active);
    expect(seen).not.toContain(marker.ended);
  });

  it('the current senior leader does not see the ended follow-up of another senior leader', async () => {
    const seen = await everythingSeenBy(users.current);
    expect(seen).toContain(marker.active);
    expect(seen).not.toContain(marker.ended);
  });

  it('the inviter cannot record anything for the leader while the follow-up is pending or after a decline', async () => {
    for (const [user, id] of [[users.inviter, pendingId], [users.declined, declinedId]] as const) {
      const res = await h.submitView(user, { ...modal(GoalIds.view), id: randomId('V') }, {
        [GoalIds.leaderBlock]: { [GoalIds.leaderInput]: { type: 'users_select', selected_user: users.leader } },
        [GoalIds.kindBlock]: { [GoalIds.kindInput]: radio('PERSONAL') },
        [GoalIds.titleBlock]: { [GoalIds.titleInput]: text('forged goal') },
      });
      expect(JSON.parse(res.body).response_action).toBe('errors');
      await h.submitView(user, { ...modal(BarrierIds.view), id: randomId('V') }, {
        [barrierForm.ids.leaderUserId.block]: { [barrierForm.ids.leaderUserId.action]: { type: 'users_select', selected_user: users.leader } },
        [barrierForm.ids.kind.block]: { [barrierForm.ids.kind.action]: radio('RESOURCE') },
        [barrierForm.ids.description.block]: { [barrierForm.ids.description.action]: text('forged barrier') },
        [barrierForm.ids.status.block]: { [barrierForm.ids.status.action]: radio('OPEN') },
      });
      expect(await h.prisma.goal.count({ where: { followUpId: id } })).toBe(0);
      expect(await h.prisma.barrier.count({ where: { followUpId: id } })).toBe(0);
    }
  });
});
