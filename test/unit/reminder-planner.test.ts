import { DateTime } from 'luxon';
import { planDigest, planFollowUp, type FollowUpFacts, type Recipient } from '../../src/domain/reminders/planner';

const week = [1, 2, 3, 4, 5];
const person = (id: string, zone: string, hour = 9): Recipient => ({ id, schedule: { zone, hour, minute: 0, workingDays: week } });
const opts = (nowIso: string) => ({ now: DateTime.fromISO(nowIso, { setZone: true }).toUTC(), graceHours: 12, evaluationLeadDays: 3 });
const local = (iso: DateTime, zone: string) => iso.setZone(zone).toFormat('yyyy-MM-dd HH:mm');

function facts(over: Partial<FollowUpFacts> = {}): FollowUpFacts {
  return {
    id: 'fu1',
    active: true,
    startDay: '2027-03-01',
    oneToOneCadence: 'NONE',
    reflectionCadence: 'NONE',
    nextEvaluationOn: null,
    senior: person('sen', 'Europe/Oslo'),
    leader: person('lea', 'Europe/Oslo'),
    lastConversationDay: null,
    actions: [],
    ...over,
  };
}

describe('reminder planner', () => {
  it('plans the evaluation 3 days before and on the morning, to each person in their own zone', () => {
    const plan = planFollowUp(
      facts({ nextEvaluationOn: '2027-04-15', senior: person('sen', 'Pacific/Chatham'), leader: person('lea', 'Asia/Kolkata', 8) }),
      opts('2027-04-01T12:00:00Z'),
    );
    const evals = plan.filter((r) => r.kind === 'evaluation');
    expect(evals.map((r) => [r.recipientId, r.payload.phase, local(r.dueAt, r.recipientId === 'sen' ? 'Pacific/Chatham' : 'Asia/Kolkata')]).sort()).toEqual([
      ['lea', 'before', '2027-04-12 08:00'],
      ['lea', 'day', '2027-04-15 08:00'],
      ['sen', 'before', '2027-04-12 09:00'],
      ['sen', 'day', '2027-04-15 09:00'],
    ]);
    // Chatham is ahead of UTC: its 09:00 on the 12th is still the 11th in UTC.
    expect(evals.find((r) => r.recipientId === 'sen' && r.payload.phase === 'before')!.dueAt.toISO()).toBe('2027-04-11T20:15:00.000Z');
    expect(evals.every((r) => !r.key.includes(':'))).toBe(true);
  });

  it('gives the same keys when planned twice, and moves the instant (same key) when the person changes zone', () => {
    const f = facts({ nextEvaluationOn: '2027-04-15' });
    const a = planFollowUp(f, opts('2027-04-01T12:00:00Z'));
    const b = planFollowUp(f, opts('2027-04-01T12:05:00Z'));
    expect(a.map((r) => r.key)).toEqual(b.map((r) => r.key));
    const moved = planFollowUp({ ...f, leader: person('lea', 'America/New_York') }, opts('2027-04-01T12:00:00Z'));
    const before = a.find((r) => r.recipientId === 'lea' && r.payload.phase === 'day')!;
    const after = moved.find((r) => r.recipientId === 'lea' && r.payload.phase === 'day')!;
    expect(after.key).toBe(before.key);
    expect(local(after.dueAt, 'America/New_York')).toBe('2027-04-15 09:00');
    expect(after.dueAt.toISO()).toBe('2027-04-15T13:00:00.000Z');
  });

  it('nudges the senior leader the first working day after the cadence passed, and moves when a conversation is logged', () => {
    // Weekly from Friday 2027-03-19 → the period ends Friday 26th → Monday 29th.
    const plan = planFollowUp(facts({ startDay: '2027-03-19', oneToOneCadence: 'WEEKLY' }), opts('2027-03-27T10:00:00Z'));
    const nudge = plan.filter((r) => r.kind === 'nudge');
    expect(nudge.map((r) => local(r.dueAt, 'Europe/Oslo'))).toEqual(['2027-03-29 09:00']);
    expect(nudge[0].recipientId).toBe('sen');
    const after = planFollowUp(facts({ startDay: '2027-03-19', oneToOneCadence: 'WEEKLY', lastConversationDay: '2027-03-25' }), opts('2027-03-27T10:00:00Z'));
    expect(after.filter((r) => r.kind === 'nudge').map((r) => local(r.dueAt, 'Europe/Oslo'))).toEqual(['2027-04-02 09:00']);
  });

  it('prompts the leader to reflect on the cadence, on a working day', () => {
    // Biweekly from Sunday 2027-03-14: the 28th is a Sunday → Monday 29th (spring-forward weekend).
    const plan = planFollowUp(facts({ startDay: '2027-03-14', reflectionCadence: 'BIWEEKLY' }), opts('2027-03-20T10:00:00Z'));
    expect(plan.filter((r) => r.kind === 'reflection').map((r) => [r.recipientId, local(r.dueAt, 'Europe/Oslo')])).toEqual([['lea', '2027-03-29 09:00']]);
  });

  it('reminds the owner of an action on the due date, the next working day if still open, then weekly; snoozing moves it', () => {
    const owner = person('own', 'America/New_York');
    const action = { id: 'a1', owner, dueDay: '2027-03-26', snoozedUntil: null as string | null, createdAt: DateTime.fromISO('2027-03-01T00:00:00Z') };
    const at = (now: string, a = action) => planFollowUp(facts({ actions: [a] }), opts(now)).filter((r) => r.kind === 'action').map((r) => local(r.dueAt, 'America/New_York'));
    expect(at('2027-03-20T12:00:00Z')).toEqual(['2027-03-26 09:00']); // Friday
    // Just after it was sent: the one in the grace window and the next (Monday).
    expect(at('2027-03-26T14:00:00Z')).toEqual(['2027-03-26 09:00', '2027-03-29 09:00']);
    expect(at('2027-03-30T12:00:00Z')).toEqual(['2027-04-05 09:00']); // then weekly
    expect(at('2027-03-26T14:00:00Z', { ...action, snoozedUntil: '2027-03-27' })).toEqual(['2027-03-27 09:00']);
  });

  it('plans nothing for an ended follow-up', () => {
    expect(planFollowUp(facts({ active: false, nextEvaluationOn: '2027-04-15', oneToOneCadence: 'WEEKLY' }), opts('2027-04-01T12:00:00Z'))).toEqual([]);
  });

  it('plans the weekly digest on Monday 08:00 in the senior leader\'s zone', () => {
    const plan = planDigest(person('sen', 'America/New_York'), true, opts('2027-03-31T12:00:00Z'));
    expect(plan.map((r) => local(r.dueAt, 'America/New_York'))).toEqual(['2027-04-05 08:00']);
    expect(planDigest(person('sen', 'America/New_York'), false, opts('2027-03-31T12:00:00Z'))).toEqual([]);
  });
});
