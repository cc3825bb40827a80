import { GoalIds } from './slackIds';
import { setupForm } from '../../src/slack/features/setup/fields';
import type { Harness } from './harness';

/** Slack state values for the setup modal. */
export function setupValues(v: {
  leader: string | null;
  channel?: string | null;
  oneToOne?: string;
  evaluation?: string;
  reflection?: string;
  startDate?: string;
}): Record<string, Record<string, unknown>> {
  return {
    [setupForm.ids.leaderUserId.block]: { [setupForm.ids.leaderUserId.action]: { type: 'users_select', selected_user: v.leader } },
    [setupForm.ids.teamChannelId.block]: { [setupForm.ids.teamChannelId.action]: { type: 'conversations_select', selected_conversation: v.channel ?? null } },
    [setupForm.ids.oneToOneCadence.block]: { [setupForm.ids.oneToOneCadence.action]: { type: 'static_select', selected_option: { value: v.oneToOne ?? 'BIWEEKLY' } } },
    [setupForm.ids.evaluationEveryWeeks.block]: { [setupForm.ids.evaluationEveryWeeks.action]: { type: 'static_select', selected_option: { value: v.evaluation ?? '6' } } },
    [setupForm.ids.reflectionCadence.block]: { [setupForm.ids.reflectionCadence.action]: { type: 'static_select', selected_option: { value: v.reflection ?? 'BIWEEKLY' } } },
    [setupForm.ids.startDate.block]: { [setupForm.ids.startDate.action]: { type: 'datepicker', selected_date: v.startDate ?? '2026-11-26' } },
  };
}

export interface GoalFields {
  leader: string | null;
  kind?: string;
  title?: string | null;
  description?: string | null;
  expectations?: string | null;
  qualitative?: string | null;
  metric?: string | null;
  unit?: string | null;
  baseline?: string | null;
  target?: string | null;
  targetDate?: string | null;
  milestones?: { title?: string | null; due?: string | null }[];
}

export function goalValues(v: GoalFields): Record<string, Record<string, unknown>> {
  const text = (block: string, action: string, value: string | null | undefined) => ({ [block]: { [action]: { type: 'plain_text_input', value: value ?? null } } });
  const out: Record<string, Record<string, unknown>> = {
    [GoalIds.leaderBlock]: { [GoalIds.leaderInput]: { type: 'users_select', selected_user: v.leader } },
    [GoalIds.kindBlock]: { [GoalIds.kindInput]: { type: 'radio_buttons', selected_option: { value: v.kind ?? 'PROFESSIONAL' } } },
    ...text(GoalIds.titleBlock, GoalIds.titleInput, v.title === undefined ? 'Build a team that shares problems early' : v.title),
    ...text(GoalIds.descriptionBlock, GoalIds.descriptionInput, v.description),
    ...text(GoalIds.expectationsBlock, GoalIds.expectationsInput, v.expectations),
    ...text(GoalIds.qualitativeBlock, GoalIds.qualitativeInput, v.qualitative),
    ...text(GoalIds.metricBlock, GoalIds.metricInput, v.metric),
    ...text(GoalIds.unitBlock, GoalIds.unitInput, v.unit),
    ...text(GoalIds.baselineBlock, GoalIds.baselineInput, v.baseline),
    ...text(GoalIds.targetBlock, GoalIds.targetInput, v.target),
    [GoalIds.targetDateBlock]: { [GoalIds.targetDateInput]: { type: 'datepicker', selected_date: v.targetDate ?? null } },
  };
  for (let n = 1; n <= 5; n++) {
    const m = v.milestones?.[n - 1];
    Object.assign(out, text(GoalIds.milestoneBlock(n), GoalIds.milestoneInput(n), m?.title));
    out[GoalIds.milestoneDueBlock(n)] = { [GoalIds.milestoneDueInput(n)]: { type: 'datepicker', selected_date: m?.due ?? null } };
  }
  return out;
}

/** Runs `/followup <text>` and returns the modal the app opened. */
export async function openModal(h: Harness, user: string, text: string): Promise<Record<string, unknown>> {
  const n = h.slack.callsOf('views.open').length;
  const res = await h.command(user, text);
  expect(res.status).toBe(200);
  const call = await h.slack.waitForCall('views.open', n + 1);
  return call.args.view as Record<string, unknown>;
}

/** Starts a follow-up of `leader` by `senior` through the setup modal. */
export async function setupFollowUp(h: Harness, senior: string, leader: string, extra: Partial<Parameters<typeof setupValues>[0]> = {}): Promise<void> {
  const view = await openModal(h, senior, `setup <@${leader}>`);
  const res = await h.submitView(senior, view, setupValues({ leader, ...extra }));
  if (res.status !== 200 || res.body) throw new Error(`setup submission failed: ${res.status} ${res.body}`);
  await acceptInvitation(h, senior, leader);
}

/** The leader accepts the pending follow-up `senior` invited them to (the DM's Accept button). */
export async function acceptInvitation(h: Harness, senior: string, leader: string): Promise<void> {
  let f = null;
  // The submission's work runs after its ack: wait for the follow-up (its workspace may be an enterprise's).
  for (let i = 0; i < 100 && !f; i++) {
    const pair = { senior: { slackUserId: senior }, leader: { slackUserId: leader } };
    f =
      (await h.prisma.followUp.findFirst({ where: { workspaceId: h.teamId, ...pair } })) ??
      (await h.prisma.followUp.findFirst({ where: { workspace: { enterpriseId: { not: null } }, ...pair }, orderBy: { updatedAt: 'desc' } }));
    if (!f) await new Promise((r) => setTimeout(r, 50));
  }
  if (!f) throw new Error('no follow-up to accept');
  if (f.status !== 'PENDING') return;
  const seniorHomes = () => h.slack.callsOf('views.publish').filter((c) => c.args.user_id === senior).length;
  const homesBefore = seniorHomes();
  const res = await h.action(leader, { type: 'button', action_id: 'consent_accept', value: f.id });
  if (res.status !== 200) throw new Error(`accepting failed: ${res.status}`);
  for (let i = 0; i < 100; i++) {
    if ((await h.prisma.followUp.findUniqueOrThrow({ where: { id: f.id } })).status === 'ACTIVE') {
      // The accept's work after its ack ends with both Homes refreshed: let it finish, so that this
      // late Home (no goals yet) is not taken for the one a test opens next.
      await h.slack.waitFor(() => seniorHomes() > homesBefore, 5000, 'the Homes refreshed after the accept').catch(() => undefined);
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the invitation was not accepted');
}
