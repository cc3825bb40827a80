import type { Cadence, FollowUp, Goal, GoalStatus, Person } from '../../src/data/prisma';
import { dayToDate } from '../../src/time/dates';
import { DateTime } from 'luxon';
import type { FollowUpWithPeople } from '../../src/domain/followups';
import type { GoalWithMilestones } from '../../src/data/goals';
import type { Harness } from './harness';

/**
 * The one fixtures module. `followUp` and `goal` seed rows directly (fast, any state);
 * `seedFollowUp` returns the follow-up with both people as the domain reads it, and `seedGoal`
 * makes a goal through the domain (revisions, milestones) as a senior leader would.
 * (test/support/flows.ts drives the real modals instead, for tests of those paths.)
 * People are created without a fetched profile, so the app reads their zone and language from the
 * fake Slack on first use, as it would in production.
 */
export async function person(h: Harness, slackUserId: string, extra: { isAdmin?: boolean } = {}): Promise<Person> {
  await h.prisma.workspace.upsert({ where: { id: h.teamId }, create: { id: h.teamId }, update: {} });
  return h.prisma.person.upsert({
    where: { workspaceId_slackUserId: { workspaceId: h.teamId, slackUserId } },
    create: { workspaceId: h.teamId, slackUserId, isAdmin: extra.isAdmin ?? false },
    update: {},
  });
}

export async function followUp(
  h: Harness,
  senior: string,
  leader: string,
  opts: { channel?: string | null; startDate?: string; nextEvaluationOn?: string | null; oneToOne?: Cadence; reflection?: Cadence; evaluationEveryWeeks?: number } = {},
): Promise<FollowUp & { senior: Person; leader: Person }> {
  const s = await person(h, senior);
  const l = await person(h, leader);
  const f = await h.prisma.followUp.create({
    data: {
      workspaceId: h.teamId,
      seniorId: s.id,
      leaderId: l.id,
      teamChannelId: opts.channel === undefined ? null : opts.channel,
      startDate: dayToDate(opts.startDate ?? '2026-01-05'),
      nextEvaluationOn: opts.nextEvaluationOn ? dayToDate(opts.nextEvaluationOn) : null,
      oneToOneCadence: opts.oneToOne ?? 'BIWEEKLY',
      reflectionCadence: opts.reflection ?? 'BIWEEKLY',
      evaluationEveryWeeks: opts.evaluationEveryWeeks ?? 6,
    },
  });
  return { ...f, senior: s, leader: l };
}

export async function goal(
  h: Harness,
  f: { id: string; seniorId: string },
  title: string,
  opts: { baseline?: number; target?: number; current?: number; unit?: string; status?: GoalStatus; targetDate?: string } = {},
): Promise<Goal> {
  const g = await h.prisma.goal.create({
    data: {
      followUpId: f.id,
      kind: 'PROFESSIONAL',
      title,
      metricName: opts.baseline !== undefined ? 'metric' : null,
      metricUnit: opts.unit ?? null,
      baseline: opts.baseline ?? null,
      target: opts.target ?? null,
      currentValue: opts.current ?? null,
      status: opts.status ?? 'ACTIVE',
      targetDate: opts.targetDate ? dayToDate(opts.targetDate) : null,
      createdById: f.seniorId,
    },
  });
  await h.prisma.goalRevision.create({ data: { goalId: g.id, number: 1, authorId: f.seniorId, reason: 'created', snapshot: { title } } });
  return g;
}

/** The last views.open call's view, after `n` calls. */
export async function openedView(h: Harness, n: number): Promise<Record<string, unknown> & { blocks: Record<string, unknown>[]; private_metadata?: string; id?: string }> {
  const call = await h.slack.waitForCall('views.open', n);
  return call.args.view as Record<string, unknown> & { blocks: Record<string, unknown>[]; private_metadata?: string };
}

/** Waits for a DM (chat.postMessage to a user id) whose text contains `needle`. */
export async function dmTo(h: Harness, userId: string, needle: string, timeoutMs = 5000): Promise<Record<string, unknown>> {
  const find = () => h.slack.callsOf('chat.postMessage').find((c) => c.args.channel === userId && JSON.stringify(c.args).includes(needle));
  await h.slack.waitFor(() => !!find(), timeoutMs, `a DM to ${userId} containing “${needle}”`);
  return find()!.args;
}

/** Opens App Home as `userId` and returns the newest view published to them. */
export function openHomeOf(h: Harness, userId: string): Promise<Record<string, unknown>> {
  return h.openHome(userId);
}

/** Waits until the app has made no Web API call for `quietMs` (work after an ack has finished). */
export async function settle(h: Harness, quietMs = 300, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  let count = -1;
  while (Date.now() < end) {
    const now = h.slack.calls.length + h.slack.responses.length;
    if (now === count) return;
    count = now;
    await new Promise((r) => setTimeout(r, quietMs));
  }
}

/**
 * A follow-up with its team channel, read back as the domain sees it (both people included). Both
 * people are resolved first, so their Slack profiles (zone, language, deleted) are known.
 */
export async function seedFollowUp(h: Harness, seniorUserId: string, leaderUserId: string): Promise<FollowUpWithPeople> {
  for (const user of [seniorUserId, leaderUserId]) await h.app.services.people.resolve(h.teamId, user);
  const f = await followUp(h, seniorUserId, leaderUserId, { channel: 'CTEAM0001' });
  return (await h.app.services.repos.followUps.findById(f.id))!;
}

/** A goal created through the domain by the senior leader (a metric and milestones by default). */
export async function seedGoal(
  h: Harness,
  seniorUserId: string,
  leaderUserId: string,
  opts: { title?: string; metric?: { name: string; unit: string; baseline: number; target: number } | null; milestones?: string[] } = {},
): Promise<GoalWithMilestones> {
  const senior = await h.app.services.people.resolve(h.teamId, seniorUserId);
  const metric = opts.metric === undefined ? { name: 'Employee satisfaction', unit: 'points', baseline: 2, target: 6 } : opts.metric;
  const created = await h.app.services.goals.create(
    senior,
    {
      leaderUserId,
      kind: 'PROFESSIONAL',
      title: opts.title ?? 'Raise team satisfaction',
      description: null,
      expectations: null,
      qualitativeCriteria: 'Staff say they are heard',
      metricName: metric?.name ?? null,
      metricUnit: metric?.unit ?? null,
      baseline: metric?.baseline ?? null,
      target: metric?.target ?? null,
      targetDate: DateTime.utc().plus({ months: 3 }).toISODate()!,
      milestones: (opts.milestones ?? []).map((title) => ({ title, dueDate: null })),
    },
    null,
  );
  return created.goal;
}
