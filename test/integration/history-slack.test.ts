import { HistoryIds } from '../../src/slack/ids';
import { HistoryViewIds } from '../../src/slack/features/history/views';
import { FixedClock, Harness, visibleText } from '../support/harness';
import { checkView } from '../support/blockKit';
import { followUp, goal, settle } from '../support/seed';
import { snapshotOf } from '../../src/data/goals';

type View = Record<string, unknown> & { blocks: Record<string, unknown>[]; id?: string };

/** App Home's cards: a goal's progress chart and history, a leader's past evaluations — in modals. */
describe('history and progress from App Home', () => {
  let h: Harness;
  const SENIOR = 'UHSSEN01';
  const LEADER = 'UHSLEA01';
  const STRANGER = 'UHSSTR01';
  beforeAll(async () => {
    h = await Harness.start({ clock: new FixedClock('2026-11-30T09:00:00Z') });
    h.user(SENIOR, { locale: 'en-GB', tz: 'Europe/London' });
    h.user(LEADER, { locale: 'nb-NO', tz: 'Europe/Oslo' });
    h.user(STRANGER, { locale: 'en-GB' });
  });
  afterAll(async () => {
    await settle(h);
    await h.close();
  });

  let f: Awaited<ReturnType<typeof followUp>>;
  let metricGoal: { id: string };
  let plainGoal: { id: string };
  const menu = (userId: string, value: string) =>
    h.action(userId, { action_id: HistoryIds.goalMenu(0), type: 'static_select', selected_option: { value } }, { view: { id: 'VHOME', type: 'home' } });
  const buttonIn = (view: View, actionId: string) =>
    view.blocks.flatMap((b) => (b.type === 'actions' ? (b.elements as Record<string, unknown>[]) : [])).find((e) => e.action_id === actionId);
  const lastView = async (method: 'views.open' | 'views.update', n: number): Promise<View> => {
    const call = await h.slack.waitForCall(method, n);
    const view = call.args.view as View;
    expect(checkView(view)).toEqual([]);
    return { ...view, id: (call.args.view_id as string | undefined) ?? view.id };
  };

  it('the card offers the goal menu and, to the senior leader, "Past evaluations"', async () => {
    f = await followUp(h, SENIOR, LEADER);
    const seeded = await goal(h, f, 'Redusere sykefravær', { baseline: 8, target: 5, current: 6.5, unit: '%' });
    await h.prisma.goalRevision.updateMany({ where: { goalId: seeded.id, number: 1 }, data: { snapshot: snapshotOf(seeded) } });
    metricGoal = seeded;
    plainGoal = await goal(h, f, 'Bedre samtaler');
    const senior = await h.openHome(SENIOR);
    expect(checkView(senior)).toEqual([]);
    const text = JSON.stringify(senior);
    expect(text).toContain('Show progress: Redusere sykefravær');
    expect(text).toContain('History: Bedre samtaler');
    expect(text).not.toContain('Show progress: Bedre samtaler'); // no metric, nothing to draw
    expect(text).toContain('Past evaluations');
    const leader = await h.openHome(LEADER);
    const nb = JSON.stringify(leader);
    expect(nb).toContain('Vis fremdrift: Redusere sykefravær');
    expect(nb).toContain('Historikk: Bedre samtaler');
    expect(nb).not.toContain('Tidligere evalueringer');
  });

  it('"Show progress": a loading modal at once, then the chart (slack_file, the numbers in words) in each language', async () => {
    const g = metricGoal;
    const opens = h.slack.callsOf('views.open').length;
    const updates = h.slack.callsOf('views.update').length;
    await menu(SENIOR, `progress|${g.id}`);
    const loading = await lastView('views.open', opens + 1);
    expect(visibleText(loading)).toContain('Drawing the chart…');
    const chart = await lastView('views.update', updates + 1);
    expect(chart.id).toBe((h.slack.callsOf('views.open')[opens].args.view as View).id ?? chart.id);
    const image = chart.blocks.find((b) => b.type === 'image');
    if (!image) throw new Error(JSON.stringify(chart));
    expect(image.slack_file).toEqual({ id: expect.stringMatching(/^F/) });
    expect(image.alt_text).toContain('Chart of the goal “Redusere sykefravær”');

    await menu(LEADER, `progress|${g.id}`);
    const nb = await lastView('views.update', updates + 2);
    expect(String(nb.blocks.find((b) => b.type === 'image')!.alt_text)).toContain('Diagram');
    expect(visibleText(nb)).toContain('Fremdrift');
    // The pictures were uploaded privately (no channel): only the modal shows them.
    for (const c of h.slack.callsOf('files.completeUploadExternal')) expect(c.args.channel_id).toBeUndefined();

    // A goal without a metric, and someone who may not see the goal: the reason, in the modal.
    const plain = plainGoal;
    await menu(LEADER, `progress|${plain.id}`);
    expect(visibleText(await lastView('views.update', updates + 3))).toContain('Dette målet har ikke noe kvantitativt suksesskriterium');
    await menu(STRANGER, `progress|${g.id}`);
    const refused = await lastView('views.update', updates + 4);
    expect(refused.blocks.some((b) => b.type === 'image')).toBe(false);
  });

  it('"History": revisions, check-ins and evaluations newest first, paged with Newer/Older, in both languages', async () => {
    const g = await goal(h, f, 'Flere kundemøter', { baseline: 10, target: 40 });
    // The first revision holds the whole goal, as GoalService.create keeps it.
    await h.prisma.goalRevision.updateMany({ where: { goalId: g.id, number: 1 }, data: { snapshot: snapshotOf(g) } });
    const senior = await h.app.services.people.resolve(h.teamId, SENIOR);
    await h.app.services.goals.edit(senior, { goalId: g.id, target: 45, targetDate: null, qualitativeCriteria: null, reason: 'Mer ambisiøst' });
    await h.prisma.goalRevision.updateMany({ where: { goalId: g.id, number: 1 }, data: { createdAt: new Date('2026-09-01T09:00:00Z') } });
    await h.prisma.goalRevision.updateMany({ where: { goalId: g.id, number: 2 }, data: { createdAt: new Date('2026-10-15T12:00:00Z') } });
    // 30 check-ins: two pages of history (25 a page).
    await h.prisma.checkIn.createMany({
      data: Array.from({ length: 30 }, (_, i) => ({ goalId: g.id, authorId: f.leaderId, value: 10 + i, confidence: 3, createdAt: new Date(Date.UTC(2026, 9, 1 + i, 9)) })),
    });

    const opens = h.slack.callsOf('views.open').length;
    await menu(SENIOR, `history|${g.id}`);
    const first = await lastView('views.open', opens + 1);
    const en = visibleText(first);
    expect(en).toContain('History of *Flere kundemøter*, newest first: 32 entries.');
    expect(en).toContain('*Change 2* by <@UHSSEN01> · <!date^');
    expect(en).toContain('|Thursday 15 October 2026, 13:00>'); // London summer time
    expect(en).toContain('Target: 40 → 45');
    expect(en).toContain('Reason: Mer ambisiøst');
    expect(en).toContain('Page 1 of 2');
    expect(en).not.toContain('*Goal created*');
    expect(buttonIn(first, HistoryViewIds.goalPage)).toBeUndefined();
    const older = buttonIn(first, HistoryViewIds.goalPageOlder)!;
    expect(older.value).toBe(`${g.id}|1`);

    const updates = h.slack.callsOf('views.update').length;
    await h.action(SENIOR, { action_id: HistoryViewIds.goalPageOlder, type: 'button', value: older.value }, { view: { id: 'VHIST1', type: 'modal', callback_id: HistoryViewIds.goalView } });
    const second = await lastView('views.update', updates + 1);
    expect(second.id).toBe('VHIST1');
    expect(visibleText(second)).toContain('*Goal created* by <@UHSSEN01>');
    expect(visibleText(second)).toContain('|Thursday 1 October 2026, 10:00>: 10, confidence 3/5');
    expect(visibleText(second)).toContain('Page 2 of 2');
    expect(buttonIn(second, HistoryViewIds.goalPageOlder)).toBeUndefined();
    expect(buttonIn(second, HistoryViewIds.goalPage)?.value).toBe(`${g.id}|0`);

    await menu(LEADER, `history|${g.id}`);
    const nb = visibleText(await lastView('views.open', opens + 2));
    expect(nb).toContain('Historikken til *Flere kundemøter*, nyeste først: 32 hendelser.');
    expect(nb).toContain('Målverdi: 40 → 45');
    expect(nb).toContain('Begrunnelse: Mer ambisiøst');
    expect(nb).toContain('*Fremdriftsoppdatering* av <@UHSLEA01>');
    expect(nb).toContain('Side 1 av 2');
    expect(nb).toContain('*Endring 2* av <@UHSSEN01> · 15. oktober kl. 14.00'); // Oslo summer time

    // Someone outside the follow-up is refused (a DM, no modal).
    await menu(STRANGER, `history|${g.id}`);
    await h.slack.waitFor(() => h.slack.callsOf('chat.postMessage').some((c) => c.args.channel === STRANGER), 5000, 'refusal');
    expect(h.slack.callsOf('views.open').length).toBe(opens + 2);
  });

  it('"Past evaluations": the senior leader sees each evaluation with its assessments and decisions', async () => {
    const g = metricGoal;
    const senior = await h.app.services.people.resolve(h.teamId, SENIOR);
    const open = await h.prisma.goal.findMany({ where: { followUpId: f.id, status: { in: ['ACTIVE', 'ADJUSTED'] } } });
    await h.app.services.evaluations.record(
      senior,
      {
        followUpId: f.id,
        nextEvaluationOn: '2027-02-15',
        summary: 'Bra fremgang',
        items: open.map((o) => (o.id === g.id ? { goalId: g.id, assessment: 'AT_RISK' as const, comment: 'Følg med', newTarget: 5.5, newTargetDate: null, reason: 'Mer realistisk' } : { goalId: o.id, assessment: 'ON_TRACK' as const, comment: null, newTarget: null, newTargetDate: null, reason: null })),
      },
      null,
    );
    const opens = h.slack.callsOf('views.open').length;
    await h.action(SENIOR, { action_id: HistoryIds.pastEvaluations(0), type: 'button', value: LEADER }, { view: { id: 'VHOME', type: 'home' } });
    const view = await lastView('views.open', opens + 1);
    const en = visibleText(view);
    expect(en).toContain('Evaluations of <@UHSLEA01>, newest first: 1 evaluation.');
    expect(en).toContain('• Redusere sykefravær: At risk — Følg med');
    expect(en).toContain('Decided for Redusere sykefravær: Target: 5 → 5.5');
    expect(en).toContain('Summary: Bra fremgang');
    // The leader may not open them through a forged button.
    await h.action(LEADER, { action_id: HistoryIds.pastEvaluations(0), type: 'button', value: LEADER }, { view: { id: 'VHOME', type: 'home' } });
    await h.slack.waitFor(() => h.slack.callsOf('chat.postMessage').some((c) => c.args.channel === LEADER && /ikke tilgang|tilgang/i.test(visibleText(c.args.blocks) + String(c.args.text))), 5000, 'refusal to the leader');
    expect(h.slack.callsOf('views.open').length).toBe(opens + 1);
  });
});
