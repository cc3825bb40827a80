import { NotAllowedError, ValidationError } from '../../src/domain/errors';
import { GOAL_HISTORY_PAGE_SIZE } from '../../src/domain/history';
import { FixedClock } from '../../src/time/clock';
import { Harness } from '../support/harness';
import { snapshotOf } from '../../src/data/goals';
import { followUp, goal as seedGoal } from '../support/seed';

describe('history: a goal’s journey, a leader’s past evaluations, barrier ↔ action links', () => {
  let h: Harness;
  const clock = new FixedClock('2026-11-02T09:00:00Z');
  beforeAll(async () => {
    h = await Harness.start({ clock });
    h.user('USEN', { locale: 'en-GB' });
    h.user('ULED', { locale: 'nb-NO' });
    h.user('UOUT', { locale: 'en-GB' });
  });
  afterAll(() => h.close());
  /** A seeded goal whose first revision holds the whole goal, as GoalService.create keeps it. */
  const goal = async (...args: Parameters<typeof seedGoal>) => {
    const g = await seedGoal(...args);
    await h.prisma.goalRevision.updateMany({ where: { goalId: g.id, number: 1 }, data: { snapshot: snapshotOf(g) } });
    return g;
  };
  const actor = (id: string) => h.app.services.people.resolve(h.teamId, id);
  const at = (table: 'checkIn' | 'goalRevision' | 'evaluation', id: string, iso: string) =>
    (h.prisma[table] as unknown as { update: (a: unknown) => Promise<unknown> }).update({ where: { id }, data: { createdAt: new Date(iso) } });

  test('revisions (who, when, what changed, why), check-ins and evaluations, newest first, paginated', async () => {
    const f = await followUp(h, 'USEN', 'ULED');
    const g = await goal(h, f, 'Sykefravær', { baseline: 8, target: 5, targetDate: '2027-06-01' });
    await h.prisma.goalRevision.updateMany({ where: { goalId: g.id }, data: { createdAt: new Date('2026-10-01T09:00:00Z') } });
    const senior = await actor('USEN');
    const leader = await actor('ULED');
    const c1 = await h.app.services.checkIns.record(leader, { goalId: g.id, value: 7.5, confidence: 3, note: 'God start' }, null);
    await at('checkIn', c1.checkIn.id, '2026-10-15T09:00:00Z');
    const edited = await h.app.services.goals.edit(senior, { goalId: g.id, target: 4.5, targetDate: '2027-09-01', qualitativeCriteria: null, reason: 'Mer ambisiøst' });
    expect(edited.changed).toEqual(['target', 'targetDate']);
    const rev2 = await h.prisma.goalRevision.findFirstOrThrow({ where: { goalId: g.id, number: 2 } });
    await at('goalRevision', rev2.id, '2026-10-20T09:00:00Z');
    // (An adjusted goal takes no check-ins today: record the later one now, dated after the evaluation.)
    const c2 = await h.app.services.checkIns.record(leader, { goalId: g.id, value: 6, confidence: 4, note: null }, null);
    await at('checkIn', c2.checkIn.id, '2026-11-10T09:00:00Z');
    const evaluation = await h.app.services.evaluations.record(
      senior,
      { followUpId: f.id, nextEvaluationOn: '2026-12-15', summary: 'Bra fremgang', items: [{ goalId: g.id, assessment: 'AT_RISK', comment: 'Følg med', newTarget: 5, newTargetDate: null, reason: 'Tilbake til 5' }] },
      null,
    );
    await at('evaluation', evaluation.evaluation.id, '2026-11-02T09:00:00Z');
    const rev3 = await h.prisma.goalRevision.findFirstOrThrow({ where: { goalId: g.id, number: 3 } });
    await at('goalRevision', rev3.id, '2026-11-02T09:00:01Z');

    const page = await h.app.services.history.goalHistory(leader, g.id);
    expect(page.total).toBe(6);
    expect(page.hasMore).toBe(false);
    const seen = page.entries.map((e) => (e.kind === 'revision' ? `revision ${e.number}` : e.kind));
    // The evaluation and the revision it made share a moment: the evaluation comes first.
    expect(seen).toEqual(['checkin', 'evaluation', 'revision 3', 'revision 2', 'checkin', 'revision 1']);
    const [latest, evalEntry, rev3e, rev2e, firstCheckIn, created] = page.entries;
    expect(latest).toMatchObject({ kind: 'checkin', value: 6, authorUserId: 'ULED' });
    expect(evalEntry).toMatchObject({ kind: 'evaluation', evaluationId: evaluation.evaluation.id, assessment: 'AT_RISK', comment: 'Følg med', summary: 'Bra fremgang', authorUserId: 'USEN' });
    expect(rev3e).toMatchObject({ kind: 'revision', reason: 'adjusted after evaluation: Tilbake til 5', evaluationId: evaluation.evaluation.id, authorUserId: 'USEN' });
    expect(rev3e.kind === 'revision' && rev3e.changes).toEqual([
      { field: 'target', from: 4.5, to: 5 },
      { field: 'status', from: 'ACTIVE', to: 'ADJUSTED' },
    ]);
    expect(rev2e).toMatchObject({ kind: 'revision', reason: 'Mer ambisiøst', authorUserId: 'USEN', at: new Date('2026-10-20T09:00:00Z') });
    expect(rev2e.kind === 'revision' && rev2e.changes.map((c) => c.field)).toEqual(['target', 'targetDate']);
    expect(firstCheckIn).toMatchObject({ kind: 'checkin', value: 7.5, note: 'God start', confidence: 3 });
    expect(created).toMatchObject({ kind: 'revision', number: 1, reason: 'created', changes: [] });

    // Pages of two: the same order, cut in three.
    const pages = await Promise.all([0, 1, 2].map((p) => h.app.services.history.goalHistory(senior, g.id, p, 2)));
    expect(pages.flatMap((p) => p.entries.map((e) => (e.kind === 'revision' ? `revision ${e.number}` : e.kind)))).toEqual(seen);
    expect(pages.map((p) => p.hasMore)).toEqual([true, true, false]);
    // The revision at the top of page 2 still tells what it changed.
    const p2 = pages[1].entries[0];
    expect(p2.kind === 'revision' && p2.changes.length).toBe(2);

    await expect(h.app.services.history.goalHistory(await actor('UOUT'), g.id)).rejects.toBeInstanceOf(NotAllowedError);
  });

  test('a page fits a modal: at most the page size of entries', async () => {
    const f = await followUp(h, 'USEN', 'ULED4');
    const g = await goal(h, f, 'Mange oppdateringer', { baseline: 0, target: 100 });
    const leader = await actor('ULED4');
    for (let i = 0; i < GOAL_HISTORY_PAGE_SIZE + 3; i += 1) await h.app.services.checkIns.record(leader, { goalId: g.id, value: i, confidence: 3, note: null }, null);
    const first = await h.app.services.history.goalHistory(leader, g.id);
    expect(first.entries).toHaveLength(GOAL_HISTORY_PAGE_SIZE);
    expect(first.hasMore).toBe(true);
    const second = await h.app.services.history.goalHistory(leader, g.id, 1);
    expect(second.entries).toHaveLength(4);
    expect(GOAL_HISTORY_PAGE_SIZE * 3 + 5).toBeLessThanOrEqual(100);
  });

  test('a leader’s past evaluations with assessments and decisions, for their senior leader only', async () => {
    const f = await followUp(h, 'USEN', 'ULED2');
    const a = await goal(h, f, 'Mål A', { baseline: 0, target: 10 });
    const b = await goal(h, f, 'Mål B');
    const senior = await actor('USEN');
    const first = await h.app.services.evaluations.record(
      senior,
      { followUpId: f.id, nextEvaluationOn: '2026-12-01', summary: 'Første', items: [{ goalId: a.id, assessment: 'ON_TRACK', comment: null, newTarget: 12, newTargetDate: null, reason: 'Går bra' }, { goalId: b.id, assessment: 'OFF_TRACK', comment: 'Trenger hjelp', newTarget: null, newTargetDate: null, reason: null }] },
      null,
    );
    await h.prisma.evaluation.update({ where: { id: first.evaluation.id }, data: { heldOn: new Date('2026-10-01') } });
    const second = await h.app.services.evaluations.record(
      senior,
      { followUpId: f.id, nextEvaluationOn: '2026-12-20', summary: 'Andre', items: [{ goalId: a.id, assessment: 'ACHIEVED', comment: 'Nådd!', newTarget: null, newTargetDate: null, reason: null }] },
      null,
    );
    const page = await h.app.services.history.leaderEvaluations(senior, 'ULED2');
    expect(page.total).toBe(2);
    expect(page.entries.map((e) => e.summary)).toEqual(['Andre', 'Første']);
    expect(page.entries[0]).toMatchObject({
      id: second.evaluation.id,
      heldOn: '2026-11-02',
      nextEvaluationOn: '2026-12-20',
      authorUserId: 'USEN',
      assessments: [{ goalTitle: 'Mål A', assessment: 'ACHIEVED', comment: 'Nådd!' }],
      decisions: [{ goalTitle: 'Mål A', reason: 'achieved at evaluation', changes: [{ field: 'status', from: 'ADJUSTED', to: 'ACHIEVED' }] }],
    });
    expect(page.entries[1].assessments.map((x) => `${x.goalTitle} ${x.assessment} ${x.comment ?? ''}`).sort()).toEqual(['Mål A ON_TRACK ', 'Mål B OFF_TRACK Trenger hjelp']);
    expect(page.entries[1].decisions).toEqual([
      { goalId: a.id, goalTitle: 'Mål A', reason: 'adjusted after evaluation: Går bra', changes: [{ field: 'target', from: 10, to: 12 }, { field: 'status', from: 'ACTIVE', to: 'ADJUSTED' }] },
    ]);
    // The leader, and anyone else, are refused alike.
    await expect(h.app.services.history.leaderEvaluations(await actor('ULED2'), 'ULED2')).rejects.toBeInstanceOf(NotAllowedError);
    await expect(h.app.services.history.leaderEvaluations(await actor('UOUT'), 'ULED2')).rejects.toBeInstanceOf(NotAllowedError);
  });

  test('an action is linked to a barrier from either side; the barrier shows its actions', async () => {
    await followUp(h, 'USEN', 'ULED3');
    const other = await followUp(h, 'USEN', 'ULED5');
    const senior = await actor('USEN');
    const leader = await actor('ULED3');
    const { barrier } = await h.app.services.barriers.create(leader, { leaderUserId: 'ULED3', kind: 'RESOURCE', description: 'For lite tid', status: 'OPEN' }, null);
    const one = await h.app.services.plans.create(senior, { leaderUserId: 'ULED3', what: 'Frigjør tid', owner: 'senior', dueDate: null, barrierId: null }, null);
    const two = await h.app.services.plans.create(leader, { leaderUserId: 'ULED3', what: 'Deleger', owner: 'leader', dueDate: null, barrierId: null }, null);
    const foreign = await h.app.services.plans.create(senior, { leaderUserId: 'ULED5', what: 'Annet', owner: 'senior', dueDate: null, barrierId: null }, null);
    expect(other.id).toBe(foreign.followUp.id);

    expect((await h.app.services.barriers.link(senior, barrier.id, one.action.id)).changed).toBe(true);
    expect((await h.app.services.barriers.link(leader, barrier.id, two.action.id)).changed).toBe(true);
    expect((await h.app.services.barriers.link(leader, barrier.id, two.action.id)).changed).toBe(false);
    const card = await h.app.services.barriers.withActions(leader, barrier.id);
    expect(card.actions.map((a) => a.what).sort()).toEqual(['Deleger', 'Frigjør tid']);

    const err = await h.app.services.barriers.link(senior, barrier.id, foreign.action.id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).fields.barrier.key).toBe('barrier.error_link_other_followup');
    await expect(h.app.services.barriers.link(await actor('UOUT'), barrier.id, one.action.id)).rejects.toBeInstanceOf(NotAllowedError);

    expect((await h.app.services.barriers.unlink(leader, one.action.id)).changed).toBe(true);
    expect((await h.app.services.barriers.withActions(senior, barrier.id)).actions.map((a) => a.what)).toEqual(['Deleger']);
  });
});
