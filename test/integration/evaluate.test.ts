import { evaluateForm } from '../../src/slack/features/evaluate/fields';
import { FixedClock, Harness, randomId, visibleText } from '../support/harness';
import { dmTo, followUp, goal, openedView, settle } from '../support/seed';
import { spyOnEvent } from '../support/steps';

/** Evaluation (step 4), end to end: command → modal → validation → DB → DMs → App Home. */
describe('/followup evaluate', () => {
  let h: Harness;
  const clock = new FixedClock('2026-03-10T10:00:00Z');
  beforeAll(async () => {
    h = await Harness.start({ clock });
  });
  afterAll(async () => {
    await settle(h);
    await h.close();
  });

  const radio = (v: string) => ({ type: 'radio_buttons', selected_option: { value: v } });
  const text = (v: string) => ({ type: 'plain_text_input', value: v });
  const date = (v: string | null) => ({ type: 'datepicker', selected_date: v });

  it('records assessments, an adjustment with its revision, an achieved goal and the next date (English senior, Norwegian leader)', async () => {
    const senior = h.user('UEVSEN01', { locale: 'en-GB', tz: 'Europe/London' });
    const leader = h.user('UEVLEA01', { locale: 'nb-NO', tz: 'Europe/Oslo' });
    const f = await followUp(h, senior, leader, { channel: 'C0TEAM01', nextEvaluationOn: '2026-03-10' });
    const g0 = await goal(h, f, 'Raise staff satisfaction 🚀', { baseline: 60, target: 80, current: 70, unit: '%' });
    const g1 = await goal(h, f, 'Weekly team meeting with an agenda');
    await goal(h, f, 'Old dropped goal', { status: 'DROPPED' });
    const events = h.app.ctx.events;
    const achieved = spyOnEvent(events, 'goalAchieved');
    const changed = spyOnEvent(events, 'subjectChanged');

    await h.command(senior, `evaluate <@${leader}|ola>`);
    const view = await openedView(h, 1);
    const shown = visibleText(view);
    expect(view.title).toMatchObject({ text: 'Evaluation' });
    expect(shown).toContain('Raise staff satisfaction 🚀');
    expect(shown).toContain('50 %');
    expect(shown).toContain('Weekly team meeting with an agenda');
    expect(shown).not.toContain('Old dropped goal');
    expect(shown).toContain('On track');
    // default next evaluation: today + 6 weeks
    const next = view.blocks.find((b) => b.block_id === evaluateForm.ids.next.block) as { element: { initial_date: string } };
    expect(next.element.initial_date).toBe('2026-04-21');
    expect(JSON.parse(view.private_metadata!)).toEqual({ f: f.id, g: [g0.id, g1.id] });

    // Wrong input: no assessment, target = baseline with no reason, "abc", date in the past, reason without a change.
    const bad = await h.submitView(senior, view, {
      [evaluateForm.ids.assessment0.block]: { [evaluateForm.ids.assessment0.action]: radio('AT_RISK') },
      [evaluateForm.ids.comment0.block]: { [evaluateForm.ids.comment0.action]: text('Good progress, ærlig talt — 进展') },
      [evaluateForm.ids.target0.block]: { [evaluateForm.ids.target0.action]: text('60') },
      [evaluateForm.ids.date0.block]: { [evaluateForm.ids.date0.action]: date('2026-02-01') },
      [evaluateForm.ids.reason0.block]: { [evaluateForm.ids.reason0.action]: text('') },
      [evaluateForm.ids.assessment1.block]: { [evaluateForm.ids.assessment1.action]: radio('ON_TRACK') },
      [evaluateForm.ids.reason1.block]: { [evaluateForm.ids.reason1.action]: text('no change really') },
      [evaluateForm.ids.next.block]: { [evaluateForm.ids.next.action]: date('2026-03-10') },
    });
    expect(bad.status).toBe(200);
    const errors = bad.json<{ response_action: string; errors: Record<string, string> }>();
    expect(errors.response_action).toBe('errors');
    expect(errors.errors[evaluateForm.ids.target0.block]).toContain('must differ from the baseline');
    expect(errors.errors[evaluateForm.ids.reason0.block]).toBe('Please say why the goal is adjusted.');
    expect(errors.errors[evaluateForm.ids.date0.block]).toBe('Please choose today or a later date.');
    expect(errors.errors[evaluateForm.ids.reason1.block]).toContain('clear the reason');
    expect(errors.errors[evaluateForm.ids.next.block]).toBe('The next evaluation must be after today.');

    const notNumber = await h.submitView(senior, view, {
      [evaluateForm.ids.assessment0.block]: { [evaluateForm.ids.assessment0.action]: radio('AT_RISK') },
      [evaluateForm.ids.target0.block]: { [evaluateForm.ids.target0.action]: text('abc') },
      [evaluateForm.ids.comment1.block]: { [evaluateForm.ids.comment1.action]: text('x'.repeat(3001)) },
      [evaluateForm.ids.next.block]: { [evaluateForm.ids.next.action]: date('2026-04-21') },
    });
    const e2 = notNumber.json<{ errors: Record<string, string> }>().errors;
    expect(e2[evaluateForm.ids.target0.block]).toBe('Please enter a number, e.g. 42 or 3.5.');
    expect(e2[evaluateForm.ids.assessment1.block]).toBe('Please fill in this field.');
    expect(e2[evaluateForm.ids.comment1.block]).toContain('under 1000 characters (it is 3001 now)');
    expect(await h.prisma.evaluation.count({ where: { followUpId: f.id } })).toBe(0);

    const good = {
      [evaluateForm.ids.assessment0.block]: { [evaluateForm.ids.assessment0.action]: radio('AT_RISK') },
      [evaluateForm.ids.comment0.block]: { [evaluateForm.ids.comment0.action]: text('Good progress, ærlig talt — 进展') },
      [evaluateForm.ids.target0.block]: { [evaluateForm.ids.target0.action]: text('75,5') },
      [evaluateForm.ids.date0.block]: { [evaluateForm.ids.date0.action]: date('2026-09-01') },
      [evaluateForm.ids.reason0.block]: { [evaluateForm.ids.reason0.action]: text('Reorganisation halved the team') },
      [evaluateForm.ids.assessment1.block]: { [evaluateForm.ids.assessment1.action]: radio('ACHIEVED') },
      [evaluateForm.ids.next.block]: { [evaluateForm.ids.next.action]: date('2026-05-05') },
      [evaluateForm.ids.summary.block]: { [evaluateForm.ids.summary.action]: text('Keep going') },
    };
    const viewId = randomId('V');
    const ok = await h.submitView(senior, { ...view, id: viewId }, good);
    expect(ok.status).toBe(200);
    expect(ok.body).toBe('');
    // A retry of the same submission (same view id) stores nothing twice.
    const retry = await h.submitView(senior, { ...view, id: viewId }, good);
    expect(retry.status).toBe(200);

    await dmTo(h, senior, 'Evaluation of 2 goals');
    const leaderDm = await dmTo(h, leader, 'evaluering av de 2 målene dine');
    expect(visibleText(leaderDm.blocks)).toContain('Nådd: *Weekly team meeting with an agenda*');
    expect(visibleText(leaderDm.blocks)).toContain('ny målverdi 75,5');
    expect(visibleText(leaderDm.blocks)).toContain('• *Raise staff satisfaction 🚀* – I fare: Good progress, ærlig talt — 进展');

    const evaluations = await h.prisma.evaluation.findMany({ where: { followUpId: f.id }, include: { items: true } });
    expect(evaluations).toHaveLength(1);
    expect(evaluations[0].sourceKey).toBe(`view-${h.teamId}-${viewId}`);
    expect(evaluations[0].items.map((i) => [i.goalId, i.assessment, i.comment]).sort()).toEqual(
      [
        [g0.id, 'AT_RISK', 'Good progress, ærlig talt — 进展'],
        [g1.id, 'ACHIEVED', null],
      ].sort(),
    );
    const adjusted = await h.prisma.goal.findUniqueOrThrow({ where: { id: g0.id }, include: { revisions: { orderBy: { number: 'asc' } } } });
    expect(adjusted.status).toBe('ADJUSTED');
    expect(adjusted.target).toBe(75.5);
    expect(adjusted.targetDate?.toISOString().slice(0, 10)).toBe('2026-09-01');
    expect(adjusted.revisions.map((r) => r.reason)).toEqual(['created', 'adjusted after evaluation: Reorganisation halved the team']);
    expect(adjusted.revisions[1].authorId).toBe(f.seniorId);
    const done = await h.prisma.goal.findUniqueOrThrow({ where: { id: g1.id } });
    expect(done.status).toBe('ACHIEVED');
    expect(done.achievedAt?.toISOString()).toBe('2026-03-10T10:00:00.000Z');
    const fu = await h.prisma.followUp.findUniqueOrThrow({ where: { id: f.id } });
    expect(fu.nextEvaluationOn?.toISOString().slice(0, 10)).toBe('2026-05-05');
    expect(achieved.mock.calls).toEqual([[g1.id]]);
    expect(changed.mock.calls).toEqual(expect.arrayContaining([['evaluation', f.id], ['goal', g0.id]]));
    expect(changed.mock.calls.filter((c) => c[0] === 'evaluation')).toHaveLength(1);

    // App Home of both was refreshed, each in their own language.
    await h.slack.waitFor(() => h.slack.callsOf('views.publish').some((c) => c.args.user_id === leader), 5000, 'leader home');
    const leaderHome = h.slack.callsOf('views.publish').filter((c) => c.args.user_id === leader).pop()!;
    expect(visibleText(leaderHome.args.view)).toContain('Neste evaluering');
    expect(visibleText(leaderHome.args.view)).toContain('_justert_');
    achieved.mockRestore();
    changed.mockRestore();
  });

  it('answers in bokmål, refuses the leader and a stranger, and handles a goal deleted since the modal opened', async () => {
    const senior = h.user('UEVSEN02', { locale: 'nb-NO' });
    const leader = h.user('UEVLEA02', { locale: 'nb-NO' });
    const stranger = h.user('UEVSTR02', { locale: 'en-US' });
    const f = await followUp(h, senior, leader);
    const g0 = await goal(h, f, 'Målet');
    const g1 = await goal(h, f, 'Blir slettet');

    let n = h.slack.responses.length;
    await h.command(leader, `evaluering <@${leader}>`);
    expect(visibleText((await h.slack.waitForResponse(n + 1)).blocks)).toContain('Bare den overordnede lederen');
    n = h.slack.responses.length;
    await h.command(stranger, `evaluate <@${leader}>`);
    expect(visibleText((await h.slack.waitForResponse(n + 1)).blocks)).toContain('Only the senior leader who follows up this leader');

    const opened = h.slack.callsOf('views.open').length;
    await h.command(senior, 'evaluering');
    const view = await openedView(h, opened + 1);
    expect(view.title).toMatchObject({ text: 'Evaluering' });
    expect(visibleText(view)).toContain('I rute');

    // A forged private_metadata pointing at this follow-up, submitted by a stranger: refused.
    const forged = await h.submitView(stranger, view, {
      [evaluateForm.ids.assessment0.block]: { [evaluateForm.ids.assessment0.action]: radio('ON_TRACK') },
      [evaluateForm.ids.assessment1.block]: { [evaluateForm.ids.assessment1.action]: radio('ON_TRACK') },
      [evaluateForm.ids.next.block]: { [evaluateForm.ids.next.action]: date('2026-05-05') },
    });
    expect(forged.json<{ errors: Record<string, string> }>().errors[evaluateForm.ids.next.block]).toBe('You do not have access to this.');

    await h.prisma.goal.delete({ where: { id: g1.id } });
    const gone = await h.submitView(senior, view, {
      [evaluateForm.ids.assessment0.block]: { [evaluateForm.ids.assessment0.action]: radio('ON_TRACK') },
      [evaluateForm.ids.assessment1.block]: { [evaluateForm.ids.assessment1.action]: radio('ACHIEVED') },
      [evaluateForm.ids.next.block]: { [evaluateForm.ids.next.action]: date('2026-05-05') },
    });
    expect(gone.json<{ errors: Record<string, string> }>().errors[evaluateForm.ids.assessment1.block]).toContain('finnes ikke lenger');
    expect(await h.prisma.evaluation.count({ where: { followUpId: f.id } })).toBe(0);
    expect((await h.prisma.goal.findUniqueOrThrow({ where: { id: g0.id } })).status).toBe('ACTIVE');
  });

  it('fits 20 goals in one modal within 100 blocks and says how many did not fit', async () => {
    const senior = h.user('UEVSEN03', { locale: 'en-GB' });
    const leader = h.user('UEVLEA03', { locale: 'en-GB' });
    const f = await followUp(h, senior, leader);
    for (let i = 0; i < 20; i++) await goal(h, f, `Goal ${i + 1}`, { baseline: 0, target: 10 });
    const opened = h.slack.callsOf('views.open').length;
    await h.command(senior, `evaluate <@${leader}>`);
    const view = await openedView(h, opened + 1);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(visibleText(view)).toContain('Only the first 15 goals fit in one evaluation; 5 more');
  });
});
