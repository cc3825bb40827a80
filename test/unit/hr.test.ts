import { DateTime } from 'luxon';
import type { HrNumbers } from '../../src/data/hr';
import { composeOverview, effectiveThreshold, HrService, suppressBreakdown, thresholdError, type Figure } from '../../src/domain/hr';

/** The HR overview's anonymity rules (issue 21 §1): counts and shares only, nothing from fewer than the threshold. */
const today = DateTime.fromISO('2027-03-01', { zone: 'utc' });
const shown = (value: number): Figure => ({ shown: true, value });
const hidden: Figure = { shown: false };

function numbers(partial: Partial<HrNumbers> & { activeCount?: number }): HrNumbers {
  const activeCount = partial.activeCount ?? 0;
  return {
    statuses: partial.statuses ?? [{ status: 'ACTIVE', followUps: activeCount }],
    active:
      partial.active ??
      Array.from({ length: activeCount }, (_, i) => ({
        cadence: 'WEEKLY',
        startDate: new Date('2026-10-01'),
        evaluationEveryWeeks: 6,
        // Half of them held a one-to-one every week of the 90 days.
        conversations: i % 2 === 0 ? 13 : 2,
        lastEvaluation: i % 2 === 0 ? new Date('2027-02-15') : null,
      })),
    goals: partial.goals ?? [],
    barriers: partial.barriers ?? [],
    milestones: partial.milestones ?? { milestones: 0, followUps: 0 },
    months: partial.months ?? [],
  };
}

describe('the threshold', () => {
  test('defaults to 5 and is never below 3', () => {
    expect(effectiveThreshold(null)).toBe(5);
    expect(effectiveThreshold(2)).toBe(3);
    expect(effectiveThreshold(7)).toBe(7);
    expect(thresholdError(2)).toBe('too_low');
    expect(thresholdError(3)).toBeNull();
    expect(thresholdError(4.5)).toBe('not_whole');
    expect(HrService.check({ threshold: 2 })).toEqual({ hrThreshold: { key: 'settings.error_hr_threshold', vars: { min: 3, max: 50 } } });
    expect(HrService.check({ partners: ['not-a-user'] })).toHaveProperty('hrPartners');
  });
});

describe('4 and 5 follow-ups with the default threshold 5', () => {
  test('4 follow-ups: every figure is too few to show', () => {
    const o = composeOverview('T1', numbers({ activeCount: 4, milestones: { milestones: 9, followUps: 4 } }), 5, today);
    expect(o.followUps.total).toEqual(hidden);
    expect(o.followUps.byStatus).toEqual({ ACTIVE: hidden, PENDING: hidden, ENDED: hidden });
    expect(o.oneToOnesOnCadence).toEqual(hidden);
    expect(o.evaluationsOnTime).toEqual(hidden);
    expect(o.milestonesCelebrated).toEqual(hidden);
    expect(JSON.stringify(o)).not.toContain('"value"');
  });

  test('5 follow-ups: the figures are shown', () => {
    const o = composeOverview('T1', numbers({ activeCount: 5, milestones: { milestones: 9, followUps: 5 } }), 5, today);
    expect(o.followUps.total).toEqual(shown(5));
    expect(o.followUps.byStatus).toEqual({ ACTIVE: shown(5), PENDING: shown(0), ENDED: shown(0) });
    // Follow-ups 0, 2, 4 held 13 one-to-ones in 90 days (12 were due); 1 and 3 held 2.
    expect(o.oneToOnesOnCadence).toEqual(shown(3 / 5));
    expect(o.evaluationsOnTime).toEqual(shown(3 / 5));
    expect(o.milestonesCelebrated).toEqual(shown(9));
  });

  test('a threshold of 3 shows 4 follow-ups', () => {
    expect(composeOverview('T1', numbers({ activeCount: 4 }), 3, today).followUps.total).toEqual(shown(4));
  });
});

describe('breakdowns: small cells hidden, and their complement too', () => {
  test('2 pending of 20: pending is hidden, and so is the next smallest status (else 20 − 14 − 4 = 2)', () => {
    const o = composeOverview(
      'T1',
      numbers({ statuses: [{ status: 'ACTIVE', followUps: 14 }, { status: 'PENDING', followUps: 2 }, { status: 'ENDED', followUps: 4 }], active: [] }),
      5,
      today,
    );
    expect(o.followUps.total).toEqual(shown(20));
    expect(o.followUps.byStatus).toEqual({ ACTIVE: shown(14), PENDING: hidden, ENDED: hidden });
  });

  test('a barrier kind from 1 follow-up is hidden, with the next smallest kind; a zero stays', () => {
    const figures = suppressBreakdown(
      [
        { key: 'PERSONAL', value: 1, followUps: 1 },
        { key: 'ORGANISATIONAL', value: 12, followUps: 9 },
        { key: 'RESOURCE', value: 0, followUps: 0 },
      ],
      5,
      true,
    );
    expect(figures).toEqual({ PERSONAL: hidden, ORGANISATIONAL: hidden, RESOURCE: shown(0) });
  });

  test('two small cells hide each other; large cells stay', () => {
    const figures = suppressBreakdown(
      [
        { key: 'a', value: 3, followUps: 2 },
        { key: 'b', value: 4, followUps: 3 },
        { key: 'c', value: 40, followUps: 30 },
      ],
      5,
      true,
    );
    expect(figures).toEqual({ a: hidden, b: hidden, c: shown(40) });
  });

  test('goal counts are judged by the follow-ups they come from, not by how many goals', () => {
    const o = composeOverview(
      'T1',
      numbers({
        activeCount: 10,
        goals: [
          { status: 'ACTIVE', goals: 30, followUps: 10, progress: 0.42, progressFollowUps: 8 },
          // 6 achieved goals, all from 2 follow-ups: hidden.
          { status: 'ACHIEVED', goals: 6, followUps: 2, progress: null, progressFollowUps: 0 },
          { status: 'DROPPED', goals: 5, followUps: 5, progress: null, progressFollowUps: 0 },
        ],
      }),
      5,
      today,
    );
    expect(o.goals.byStatus).toEqual({ ACTIVE: shown(30), ACHIEVED: hidden, ADJUSTED: shown(0), DROPPED: hidden });
    expect(o.goals.averageProgress).toEqual(shown(0.42));
  });

  test('a month of the trend from fewer follow-ups than the threshold is hidden', () => {
    const o = composeOverview(
      'T1',
      numbers({
        activeCount: 10,
        months: [
          { month: new Date('2027-02-01'), followUps: 4, withOneToOne: 4 },
          { month: new Date('2027-03-01'), followUps: 10, withOneToOne: 7 },
        ],
      }),
      5,
      today,
    );
    expect(o.trend).toEqual([
      { month: '2027-02', share: hidden },
      { month: '2027-03', share: shown(0.7) },
    ]);
  });
});
