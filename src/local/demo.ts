import { DateTime } from 'luxon';
import type { Logger } from 'pino';
import type { Services } from '../domain';
import { publish } from '../domain/events';
import type { DomainEvents } from '../domain/ports';
import type { Actor } from '../domain/people';
import { translator, type Locale } from '../i18n';
import { learnForm } from '../slack/features/learn/fields';
import type { MovableClock } from '../time/clock';
import type { IsoDay } from '../time/dates';
import type { TimeTravel } from './timeTravel';
import type { LocalWorkspace } from './workspace';

/**
 * The demo journey: a senior leader (Ingrid) following two leaders (Ola, #team-ola; Sam, #team-sam)
 * through four weeks of a change — goals with criteria and milestones, weekly check-ins, a
 * one-to-one with agreed actions, a barrier, a learning shared with the team, a milestone
 * celebrated. It starts from an empty workspace four weeks back and lives those weeks through the
 * app's own use cases while the clock moves: every reminder, digest and celebration of those weeks
 * is sent at its time, as it would have been. It ends at the real now.
 */
export interface DemoDeps {
  services: Services;
  events: DomainEvents;
  clock: MovableClock;
  travel: TimeTravel;
  workspace: LocalWorkspace;
  teamId: string;
  logger: Logger;
}

export const DEMO_PEOPLE = { senior: 'ULOCALSENIOR', ola: 'ULOCALLEAD1', sam: 'ULOCALLEAD2' } as const;
const DEMO_ZONE = 'Europe/Oslo';

export async function seedDemo(deps: DemoDeps, locale: Locale): Promise<void> {
  const { services, events, clock, travel, teamId } = deps;
  const tr = translator(locale);
  const realNow = DateTime.utc();
  // Monday 09:00 in Oslo, four weeks back: the day the senior leader starts.
  const start = realNow.setZone(DEMO_ZONE).startOf('week').minus({ weeks: 4 }).set({ hour: 9 });
  clock.reset(start);
  const day = (weeks: number, days = 0): IsoDay => start.plus({ weeks, days }).toISODate() as IsoDay;
  const at = (weeks: number, days: number, hour: number) => travel.advanceTo(start.plus({ weeks, days }).set({ hour }));
  const actor = (userId: string): Promise<Actor> => services.people.resolve(teamId, userId, { refresh: 'always' });
  // Idempotency keys: unique in the whole database (a key of another workspace's demo must not match).
  const key = (what: string) => `local-demo-${teamId}-${what}`;
  const send = (result: { events: Parameters<typeof publish>[1] }) => publish(events, result.events);

  const senior = await actor(DEMO_PEOPLE.senior);
  const ola = await actor(DEMO_PEOPLE.ola);
  const sam = await actor(DEMO_PEOPLE.sam);

  // Week 0, Monday: two follow-ups, each accepted by its leader.
  const followUps: Record<'ola' | 'sam', string> = { ola: '', sam: '' };
  for (const [who, leader, channel] of [['ola', ola, 'CLOCALTEAM1'], ['sam', sam, 'CLOCALTEAM2']] as const) {
    const setup = await services.followUps.setup(senior, { leaderUserId: leader.person.slackUserId, teamChannelId: channel, oneToOneCadence: 'BIWEEKLY', evaluationEveryWeeks: 6, reflectionCadence: 'BIWEEKLY', startDate: day(0), teamLocale: locale });
    await send(setup);
    await send(await services.followUps.accept(leader, setup.followUp.id));
    followUps[who] = setup.followUp.id;
  }

  // The goals, with their criteria, a measure and milestones.
  const goal1 = await services.goals.create(senior, {
    leaderUserId: DEMO_PEOPLE.ola,
    kind: 'PROFESSIONAL',
    title: tr('local.demo.goal1_title'),
    description: tr('local.demo.goal1_description'),
    expectations: tr('local.demo.goal1_expectations'),
    qualitativeCriteria: tr('local.demo.goal1_criteria'),
    metricName: tr('local.demo.goal1_metric'),
    metricUnit: tr('local.demo.goal1_unit'),
    baseline: 1,
    target: 6,
    targetDate: day(12),
    milestones: [{ title: tr('local.demo.goal1_milestone1'), dueDate: day(4) }, { title: tr('local.demo.goal1_milestone2'), dueDate: day(8) }],
  }, key('goal-ola'));
  const goal2 = await services.goals.create(senior, {
    leaderUserId: DEMO_PEOPLE.sam,
    kind: 'PROFESSIONAL',
    title: tr('local.demo.goal2_title'),
    description: tr('local.demo.goal2_description'),
    expectations: tr('local.demo.goal2_expectations'),
    qualitativeCriteria: tr('local.demo.goal2_criteria'),
    metricName: tr('local.demo.goal2_metric'),
    metricUnit: '%',
    baseline: 20,
    target: 80,
    targetDate: day(10),
    milestones: [{ title: tr('local.demo.goal2_milestone1'), dueDate: day(3) }, { title: tr('local.demo.goal2_milestone2'), dueDate: day(9) }],
  }, key('goal-sam'));
  for (const id of Object.values(followUps)) await events.handle({ type: 'followUpChanged', id: id });

  // Four weeks of check-ins (Wednesdays and Thursdays), with the reminders of those weeks in between.
  const olaNotes = ['local.demo.checkin1', 'local.demo.checkin2', 'local.demo.checkin3', 'local.demo.checkin4'] as const;
  const samNotes = ['local.demo.checkin_sam1', 'local.demo.checkin_sam2', 'local.demo.checkin_sam3', 'local.demo.checkin_sam3'] as const;
  for (let week = 0; week < 4; week++) {
    await at(week, 2, 10);
    await send(await services.checkIns.record(ola, { goalId: goal1.goal.id, value: [1, 2, 3, 4][week], confidence: [3, 3, 4, 4][week], note: tr(olaNotes[week]) }, key(`checkin-ola-${week}`)));
    await at(week, 3, 14);
    await send(await services.checkIns.record(sam, { goalId: goal2.goal.id, value: [30, 40, 45, 50][week], confidence: [4, 4, 3, 3][week], note: tr(samNotes[week]) }, key(`checkin-sam-${week}`)));

    if (week === 1) {
      // The one-to-one with Ola, and what they agreed.
      await at(week, 4, 13);
      await send(await services.conversations.log(senior, { followUpId: followUps.ola, heldOn: day(week, 4), questionKeys: [], actionItemIds: [], notes: tr('local.demo.conversation_notes'), actions: [{ what: tr('local.demo.action1'), dueDate: day(week + 1, 1) }, { what: tr('local.demo.action2'), dueDate: day(week + 2, 2) }] }, key('conversation')));
    }
    if (week === 2) {
      // Sam meets a barrier.
      await at(week, 4, 11);
      await services.barriers.create(sam, { leaderUserId: DEMO_PEOPLE.sam, kind: 'RESOURCE', description: tr('local.demo.barrier'), status: 'OPEN' }, key('barrier'));
      await events.handle({ type: 'followUpChanged', id: followUps.sam });
    }
  }

  // Week 3, Friday: Ola shares a learning with the team (through the learning modal, as a person would).
  await at(3, 4, 10);
  await shareLearning(deps, DEMO_PEOPLE.ola, tr('local.demo.learning_what'), tr('local.demo.learning_learned'), tr('local.demo.learning_next'));
  // …and marks the first milestone reached: the team channel celebrates it.
  const first = goal1.goal.milestones[0];
  await send(await services.milestones.markDone(ola, first.id));

  // Then on to the real now, with everything due on the way.
  const result = await travel.advanceTo(realNow);
  deps.logger.info({ locale, settled: result.settled }, 'local workspace: demo journey seeded');
}

/** `/followup learn` in the person's DM with the app, the modal filled in and submitted, shared with the team. */
async function shareLearning(deps: DemoDeps, userId: string, what: string, learned: string, next: string): Promise<void> {
  const { workspace } = deps;
  const before = new Set(workspace.slack.modalStack(userId).map((v) => v.id));
  const answer = await workspace.command(userId, '', '/followup learn');
  if (!answer.ok) throw new Error(`the learning command failed: ${String(answer.error)}`);
  let view = null;
  for (let i = 0; i < 100 && !view; i++) {
    view = workspace.slack.modalStack(userId).find((v) => !before.has(v.id) && v.view.callback_id !== undefined && JSON.stringify(v.view.blocks ?? []).includes(learnForm.ids.what.block)) ?? null;
    if (!view) await new Promise((r) => setTimeout(r, 30));
  }
  if (!view) throw new Error('the learning modal did not open');
  const ids = learnForm.ids;
  const submitted = await workspace.submit(userId, view.id, {
    values: {
      [ids.what.block]: { [ids.what.action]: { type: 'plain_text_input', value: what } },
      [ids.learned.block]: { [ids.learned.action]: { type: 'plain_text_input', value: learned } },
      [ids.next.block]: { [ids.next.action]: { type: 'plain_text_input', value: next } },
      [ids.share.block]: { [ids.share.action]: { type: 'checkboxes', selected_options: [{ value: 'share' }] } },
    },
  });
  if (!submitted.ok || submitted.errors) throw new Error(`the learning was not saved: ${JSON.stringify(submitted)}`);
}
