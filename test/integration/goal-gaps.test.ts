import { EditConflictError, ValidationError } from '../../src/domain/errors';
import { reachesTarget } from '../../src/domain/checkins';
import { t } from '../../src/i18n';
import { FixedClock } from '../../src/time/clock';
import { Harness } from '../support/harness';
import { followUp, goal } from '../support/seed';

describe('goal gaps: target reached, mark achieved, edit collisions', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start({ clock: new FixedClock('2026-11-30T09:00:00Z') });
    h.user('USEN', { locale: 'en-GB' });
    h.user('ULED', { locale: 'nb-NO' });
  });
  afterAll(() => h.close());
  const actor = (id: string) => h.app.services.people.resolve(h.teamId, id);

  test('reachesTarget follows the goal’s direction', () => {
    expect(reachesTarget({ baseline: 10, target: 40 }, 40)).toBe(true);
    expect(reachesTarget({ baseline: 10, target: 40 }, 45)).toBe(true);
    expect(reachesTarget({ baseline: 10, target: 40 }, 39.9)).toBe(false);
    expect(reachesTarget({ baseline: 8, target: 5 }, 5)).toBe(true);
    expect(reachesTarget({ baseline: 8, target: 5 }, 4)).toBe(true);
    expect(reachesTarget({ baseline: 8, target: 5 }, 6)).toBe(false);
    expect(reachesTarget({ baseline: null, target: null }, 6)).toBe(false);
  });

  test('a check-in that reaches the target is flagged; mark achieved once, however often it is clicked', async () => {
    const f = await followUp(h, 'USEN', 'ULED');
    const g = await goal(h, f, 'Flere kundemøter', { baseline: 10, target: 40 });
    const leader = await actor('ULED');
    const below = await h.app.services.checkIns.record(leader, { goalId: g.id, value: 30, confidence: 3, note: null }, null);
    expect(below.targetReached).toBe(false);
    const reached = await h.app.services.checkIns.record(leader, { goalId: g.id, value: 41, confidence: 5, note: null }, null);
    expect(reached.targetReached).toBe(true);

    const senior = await actor('USEN');
    const clicks = await Promise.all([h.app.services.goals.markAchieved(leader, g.id), h.app.services.goals.markAchieved(senior, g.id)]);
    expect(clicks.filter((c) => c.changed)).toHaveLength(1);
    const stored = await h.prisma.goal.findUniqueOrThrow({ where: { id: g.id } });
    expect(stored.status).toBe('ACHIEVED');
    expect(stored.achievedAt?.toISOString()).toBe('2026-11-30T09:00:00.000Z');
    const revisions = await h.prisma.goalRevision.findMany({ where: { goalId: g.id }, orderBy: { number: 'asc' } });
    expect(revisions.map((r) => r.reason)).toEqual(['created', 'achieved']);
    expect((await h.app.services.goals.markAchieved(leader, g.id)).changed).toBe(false);
  });

  test('two people editing one goal at once: one saves, the other gets a clear, localised conflict on the reason field', async () => {
    const f = await followUp(h, 'USEN', 'ULED2');
    const g = await goal(h, f, 'Sykefravær', { baseline: 8, target: 5 });
    const senior = await actor('USEN');
    const leader = await actor('ULED2');
    const results = await Promise.allSettled([
      h.app.services.goals.edit(senior, { goalId: g.id, target: 4, targetDate: null, qualitativeCriteria: null, reason: 'ambitiøst', expectedRevision: 1 }),
      h.app.services.goals.edit(leader, { goalId: g.id, target: 6, targetDate: null, qualitativeCriteria: null, reason: 'realistisk', expectedRevision: 1 }),
    ]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    const err = failed[0].reason as EditConflictError;
    expect(err).toBeInstanceOf(EditConflictError);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.fields.reason.key).toBe('goal_edit.error_conflict');
    expect(t('nb', err.fields.reason.key)).toContain('Noen andre endret dette målet');
    expect(t('en', err.fields.reason.key)).toContain('Someone else changed this goal');
    // One change kept, with one new revision.
    const revisions = await h.prisma.goalRevision.findMany({ where: { goalId: g.id }, orderBy: { number: 'asc' } });
    expect(revisions.map((r) => r.number)).toEqual([1, 2]);
    const target = (await h.prisma.goal.findUniqueOrThrow({ where: { id: g.id } })).target;
    expect([4, 6]).toContain(target);
  });

  test('a form opened before someone else saved is refused too; with no revision given, simultaneous saves still conflict', async () => {
    const f = await followUp(h, 'USEN', 'ULED3');
    const g = await goal(h, f, 'Trivsel', { baseline: 60, target: 80 });
    const senior = await actor('USEN');
    const leader = await actor('ULED3');
    const opened = await h.app.services.goals.revisionOf(leader, g.id);
    await h.app.services.goals.edit(senior, { goalId: g.id, target: 85, targetDate: null, qualitativeCriteria: null, reason: 'mer', expectedRevision: opened });
    await expect(
      h.app.services.goals.edit(leader, { goalId: g.id, target: 75, targetDate: null, qualitativeCriteria: null, reason: 'mindre', expectedRevision: opened }),
    ).rejects.toBeInstanceOf(EditConflictError);

    const results = await Promise.allSettled(
      [70, 90, 95].map((target, i) => h.app.services.goals.edit(i % 2 ? senior : leader, { goalId: g.id, target, targetDate: null, qualitativeCriteria: null, reason: `r${i}` })),
    );
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(EditConflictError);
    const revisions = await h.prisma.goalRevision.count({ where: { goalId: g.id } });
    expect(revisions).toBe(2 + results.filter((r) => r.status === 'fulfilled').length);
  });
});

describe('goal edit retries with a revision', () => {
  test('Slack delivering the same save twice is not a conflict', async () => {
    const h = await Harness.start({ clock: new FixedClock('2026-11-30T09:00:00Z') });
    try {
      const f = await followUp(h, 'USEN', 'ULED');
      const g = await goal(h, f, 'Trivsel', { baseline: 60, target: 80 });
      const senior = await h.app.services.people.resolve(h.teamId, 'USEN');
      const input = { goalId: g.id, target: 85, targetDate: null, qualitativeCriteria: null, reason: 'mer', expectedRevision: 1 };
      expect((await h.app.services.goals.edit(senior, input)).changed).toEqual(['target']);
      expect((await h.app.services.goals.edit(senior, input)).changed).toEqual([]);
      expect(await h.prisma.goalRevision.count({ where: { goalId: g.id } })).toBe(2);
    } finally {
      await h.close();
    }
  });
});
