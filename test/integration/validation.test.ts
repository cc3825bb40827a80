import { FixedClock, Harness, randomId } from '../support/harness';
import { goalValues, openModal, setupFollowUp, setupValues, type GoalFields } from '../support/flows';
import { GoalIds } from '../support/slackIds';
import { setupForm } from '../../src/slack/features/setup/fields';

const clock = () => new FixedClock('2026-11-26T09:00:00Z');

type ErrorAnswer = { response_action?: string; errors?: Record<string, string> };

describe('modal validation answers response_action: errors on the right block, in the user\'s language', () => {
  let h: Harness;
  let senior: string;
  let leader: string;
  let seniorNb: string;
  let leaderNb: string;
  beforeAll(async () => {
    h = await Harness.start({ clock: clock() });
    senior = h.user('UVSENIOR', { locale: 'en-GB' });
    leader = h.user('UVLEADER', { locale: 'en-GB' });
    seniorNb = h.user('UVSENINB', { locale: 'nb-NO' });
    leaderNb = h.user('UVLEADNB', { locale: 'nb-NO' });
    h.user('UVBOT001', { is_bot: true, name: 'somebot' });
    h.user('UVGONE01', { deleted: true });
    await setupFollowUp(h, senior, leader);
    await setupFollowUp(h, seniorNb, leaderNb);
  });
  afterAll(async () => {
    await h.close();
  });

  async function submitSetup(user: string, values: Parameters<typeof setupValues>[0]): Promise<ErrorAnswer> {
    const view = await openModal(h, user, 'setup');
    const res = await h.submitView(user, view, setupValues(values));
    expect(res.status).toBe(200);
    return res.body ? res.json<ErrorAnswer>() : {};
  }

  async function submitGoal(user: string, fields: GoalFields): Promise<ErrorAnswer> {
    const view = await openModal(h, user, 'goal');
    const res = await h.submitView(user, view, goalValues(fields), { viewId: randomId('V') });
    expect(res.status).toBe(200);
    return res.body ? res.json<ErrorAnswer>() : {};
  }

  it('setup: a bot as leader', async () => {
    const a = await submitSetup(senior, { leader: 'UVBOT001' });
    expect(a.response_action).toBe('errors');
    expect(a.errors?.[setupForm.ids.leaderUserId.block]).toBe('That is an app, not a person. Please choose a leader.');
  });

  it('setup: yourself as leader, in bokmål', async () => {
    const a = await submitSetup(seniorNb, { leader: seniorNb });
    expect(a.errors?.[setupForm.ids.leaderUserId.block]).toBe('Du kan ikke følge opp deg selv. Velg en av lederne dine.');
  });

  it('setup: a person who left the workspace', async () => {
    const a = await submitSetup(senior, { leader: 'UVGONE01' });
    expect(a.errors?.[setupForm.ids.leaderUserId.block]).toBe('This person is no longer in the workspace.');
  });

  it('setup: missing leader and forged cadence are refused without a 500', async () => {
    const a = await submitSetup(senior, { leader: null, oneToOne: 'HOURLY' });
    expect(a.errors?.[setupForm.ids.leaderUserId.block]).toBe('Please fill in this field.');
    expect(a.errors?.[setupForm.ids.oneToOneCadence.block]).toBe('Please choose one of the options.');
    const b = await submitSetup(senior, { leader, oneToOne: 'NONE' });
    expect(b.errors?.[setupForm.ids.oneToOneCadence.block]).toBe('One-to-ones need a cadence: weekly, every 2 weeks or monthly.');
  });

  it('goal: empty title', async () => {
    const a = await submitGoal(senior, { leader, title: '   ' });
    expect(a.errors?.[GoalIds.titleBlock]).toBe('Please fill in this field.');
  });

  it('goal: target date in the past (in the user\'s zone), in bokmål', async () => {
    const a = await submitGoal(seniorNb, { leader: leaderNb, targetDate: '2026-11-25' });
    expect(a.errors?.[GoalIds.targetDateBlock]).toBe('Velg dagens dato eller en senere dato.');
  });

  it('goal: baseline equal to target, and numbers that are not numbers', async () => {
    const a = await submitGoal(senior, { leader, metric: 'NPS', baseline: '40', target: '40,0' });
    expect(a.errors?.[GoalIds.targetBlock]).toBe('The target must differ from the baseline, or progress cannot be measured.');
    const b = await submitGoal(senior, { leader, metric: 'NPS', baseline: 'forty', target: '50' });
    expect(b.errors?.[GoalIds.baselineBlock]).toBe('Please enter a number, e.g. 42 or 3.5.');
    const c = await submitGoal(seniorNb, { leader: leaderNb, metric: 'NPS', baseline: 'førti', target: '50' });
    expect(c.errors?.[GoalIds.baselineBlock]).toBe('Skriv inn et tall, f.eks. 42 eller 3,5.');
  });

  it('goal: an incomplete quantitative criterion', async () => {
    const a = await submitGoal(senior, { leader, metric: 'NPS', baseline: '40' });
    expect(a.errors?.[GoalIds.targetBlock]).toBe('Fill in metric, baseline and target together (or leave all three empty).');
  });

  it('goal: text longer than the field allows (forged past the client limit), with emoji and mixed scripts', async () => {
    const long = 'Ærlig 👍 مرحبا '.repeat(250); // > 3000 characters
    const a = await submitGoal(senior, { leader, description: long });
    expect(a.errors?.[GoalIds.descriptionBlock]).toMatch(/^Please keep this under 3000 characters \(it is \d+ now\)\.$/);
    const ok = await submitGoal(senior, { leader, title: 'Ærlig 👍 مرحبا — 目標', description: long.slice(0, 2000) });
    expect(ok).toEqual({});
    const saved = await h.prisma.goal.findFirst({ where: { title: 'Ærlig 👍 مرحبا — 目標' } });
    expect(saved?.description).toBe(long.slice(0, 2000).trim());
  });

  it('goal: a bot, yourself without a follow-up, or a leader you do not follow up', async () => {
    const other = h.user('UVOTHER1', { locale: 'en-GB' });
    const a = await submitGoal(senior, { leader: other });
    expect(a.errors?.[GoalIds.leaderBlock]).toBe('You have no follow-up with this person. The senior leader starts one with `/followup setup`.');
    const b = await submitGoal(senior, { leader: senior });
    expect(b.errors?.[GoalIds.leaderBlock]).toBe('You have no follow-up with this person. The senior leader starts one with `/followup setup`.');
    const c = await submitGoal(senior, { leader: 'UVBOT001' });
    expect(c.errors?.[GoalIds.leaderBlock]).toBeDefined();
  });

  it('goal: milestone dates before today, after the target date, or without a name', async () => {
    const a = await submitGoal(senior, {
      leader,
      targetDate: '2027-03-01',
      milestones: [{ title: 'Old', due: '2026-01-01' }, { title: 'Late', due: '2027-05-01' }, { title: null, due: '2027-02-01' }],
    });
    expect(a.errors?.[GoalIds.milestoneDueBlock(1)]).toBe('Please choose today or a later date.');
    expect(a.errors?.[GoalIds.milestoneDueBlock(2)]).toBe('This milestone is due after the goal\'s target date.');
    expect(a.errors?.[GoalIds.milestoneBlock(3)]).toBe('Give this milestone a name, or remove its date.');
  });

  it('stores nothing when the input is wrong', async () => {
    const before = await h.prisma.goal.count({ where: { followUp: { workspaceId: h.teamId } } });
    await submitGoal(senior, { leader, title: '' });
    await submitGoal(senior, { leader, baseline: '1', target: '1', metric: 'x' });
    expect(await h.prisma.goal.count({ where: { followUp: { workspaceId: h.teamId } } })).toBe(before);
  });
});

describe('a slow Slack does not hold a modal past its 3 s window', () => {
  it('saves the follow-up with the cached profile when users.info is slow', async () => {
    const h = await Harness.start({ clock: new FixedClock('2026-11-26T09:00:00Z') });
    try {
      const senior = h.user('USLOWSEN', { locale: 'en-GB' });
      const leader = h.user('USLOWLEA', { locale: 'en-GB' });
      const view = await openModal(h, senior, 'setup');
      h.slack.methodLatencyMs.set('users.info', 4000);
      const started = Date.now();
      const res = await h.submitView(senior, view, setupValues({ leader }));
      const took = Date.now() - started;
      expect(res.status).toBe(200);
      expect(res.body).toBe('');
      expect(took).toBeLessThan(3000);
      expect(await h.prisma.followUp.count({ where: { workspaceId: h.teamId } })).toBe(1);
      h.slack.methodLatencyMs.delete('users.info');
    } finally {
      await h.close();
    }
  });
});
