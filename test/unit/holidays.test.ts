import { DateTime } from 'luxon';
import { holidayCountryOf, holidayMove } from '../../src/domain/reminders';
import { planFollowUp, type FollowUpFacts, type Recipient } from '../../src/domain/reminders/planner';
import { normaliseCountry } from '../../src/domain/settings';
import { isKnownCountry, isPublicHoliday, publicHoliday } from '../../src/time/holidays';
import { isWorkingDay, nextWorkingDay, onOrNextWorkingDay } from '../../src/time/rules';

const week = [1, 2, 3, 4, 5];
const NORWAY = { workingDays: week, holidayCountry: 'NO' };
const person = (id: string, zone: string, holidayCountry: string | null = 'NO'): Recipient => ({ id, schedule: { zone, hour: 9, minute: 0, workingDays: week, holidayCountry } });
const opts = (nowIso: string) => ({ now: DateTime.fromISO(nowIso, { setZone: true }).toUTC(), graceHours: 12, evaluationLeadDays: 3 });
const local = (d: DateTime, zone: string) => d.setZone(zone).toFormat('yyyy-MM-dd HH:mm');

function facts(over: Partial<FollowUpFacts> = {}): FollowUpFacts {
  return {
    id: 'fu1',
    active: true,
    startDay: '2027-01-04',
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

describe("Norway's public holidays (date-holidays)", () => {
  test.each([
    ['2027-03-25', 'Skjærtorsdag'],
    ['2027-03-26', 'Langfredag'],
    ['2027-03-29', 'Andre påskedag'],
    ['2027-05-06', 'Kristi himmelfartsdag'],
    ['2027-05-17', 'Grunnlovsdagen'], // and 2. pinsedag, the same day in 2027
    ['2027-12-25', 'Første juledag'],
    ['2027-12-26', 'Andre juledag'],
    ['2028-04-13', 'Skjærtorsdag'],
    ['2028-04-14', 'Langfredag'],
    ['2028-04-17', 'Andre påskedag'],
    ['2028-05-25', 'Kristi himmelfartsdag'],
    ['2028-06-05', 'Andre pinsedag'],
    ['2028-05-17', 'Grunnlovsdagen'],
    ['2028-12-25', 'Første juledag'],
    ['2028-12-26', 'Andre juledag'],
  ])('%s is %s', (day, name) => {
    expect(publicHoliday(day, 'NO')).toBe(name);
    expect(isWorkingDay(day, NORWAY)).toBe(false);
  });

  test('ordinary days, and Julaften (not a public holiday), are working days', () => {
    for (const day of ['2027-03-24', '2027-03-30', '2027-05-18', '2028-04-12', '2028-04-18', '2028-12-27', '2027-12-24']) {
      expect({ day, holiday: isPublicHoliday(day, 'NO') }).toEqual({ day, holiday: false });
    }
    expect(isWorkingDay('2027-12-24', NORWAY)).toBe(true); // a Friday
  });

  test('the next working day skips Easter, a weekend and 2. påskedag in one go', () => {
    expect(onOrNextWorkingDay('2027-03-25', NORWAY)).toBe('2027-03-30');
    expect(nextWorkingDay('2028-04-12', NORWAY)).toBe('2028-04-18');
    expect(onOrNextWorkingDay('2028-12-25', NORWAY)).toBe('2028-12-27');
    // Without a country only weekends count.
    expect(onOrNextWorkingDay('2027-03-25', week)).toBe('2027-03-25');
  });

  test('countries are ISO codes date-holidays knows', () => {
    expect(isKnownCountry('NO')).toBe(true);
    expect(isKnownCountry('gb')).toBe(true);
    expect(isKnownCountry('XX')).toBe(false);
    expect(isKnownCountry('Norway')).toBe(false);
    expect(normaliseCountry(' se ')).toBe('SE');
    expect(normaliseCountry('Sverige')).toBeNull();
  });

  test("a person's country: their own, else the workspace's, else Norway", () => {
    expect(holidayCountryOf({ holidayCountry: null }, null)).toBe('NO');
    expect(holidayCountryOf({ holidayCountry: null }, { defaultHolidayCountry: 'se' })).toBe('SE');
    expect(holidayCountryOf({ holidayCountry: 'GB' }, { defaultHolidayCountry: 'SE' })).toBe('GB');
    expect(holidayCountryOf({ holidayCountry: 'XX' }, { defaultHolidayCountry: null })).toBe('NO');
  });
});

describe('reminders skip the recipient’s public holidays', () => {
  test('an action due on Skjærtorsdag 2027 is reminded on Tuesday after Easter, at 09:00 after the DST change', () => {
    const action = { id: 'a1', owner: person('lea', 'Europe/Oslo'), dueDay: '2027-03-25', snoozedUntil: null, createdAt: DateTime.fromISO('2027-03-01T00:00:00Z') };
    const plan = planFollowUp(facts({ actions: [action] }), opts('2027-03-20T12:00:00Z')).filter((r) => r.kind === 'action');
    expect(plan.map((r) => local(r.dueAt, 'Europe/Oslo'))).toEqual(['2027-03-30 09:00']);
    // Oslo is on summer time (UTC+2) by then: 09:00 local is 07:00 UTC.
    expect(plan[0].dueAt.toISO()).toBe('2027-03-30T07:00:00.000Z');
    expect(plan[0].payload).toEqual({ day: '2027-03-30', movedFrom: '2027-03-25', holiday: 'Skjærtorsdag' });
  });

  test('an action not done on Wednesday before Easter 2028 is reminded again on the Tuesday after', () => {
    const action = { id: 'a1', owner: person('lea', 'Europe/Oslo'), dueDay: '2028-04-12', snoozedUntil: null, createdAt: DateTime.fromISO('2028-04-01T00:00:00Z') };
    const plan = planFollowUp(facts({ actions: [action] }), opts('2028-04-12T10:00:00Z')).filter((r) => r.kind === 'action');
    expect(plan.map((r) => local(r.dueAt, 'Europe/Oslo'))).toEqual(['2028-04-12 09:00', '2028-04-18 09:00']);
    expect(plan[1].payload.movedFrom).toBe('2028-04-13');
  });

  test.each([
    ['2027-05-10', '2027-05-18', '2027-05-17'], // 17. mai and 2. pinsedag
    ['2027-04-29', '2027-05-07', '2027-05-06'], // Kristi himmelfartsdag 2027
    ['2028-05-18', '2028-05-26', '2028-05-25'], // Kristi himmelfartsdag 2028
    ['2028-05-29', '2028-06-06', '2028-06-05'], // 2. pinsedag 2028
    ['2028-12-18', '2028-12-27', '2028-12-25'], // 1. and 2. juledag
    ['2027-03-22', '2027-03-30', '2027-03-29'], // weekly from a Monday: 2. påskedag 2027
  ])('a weekly reflection started %s comes on %s, not on %s', (start, expected, holiday) => {
    const plan = planFollowUp(facts({ startDay: start, reflectionCadence: 'WEEKLY' }), opts(`${start}T12:00:00Z`)).filter((r) => r.kind === 'reflection');
    expect(local(plan[0].dueAt, 'Europe/Oslo')).toBe(`${expected} 09:00`);
    expect(plan[0].payload.movedFrom).toBe(holiday);
  });

  test('a one-to-one nudge due the day after Skjærtorsdag 2028 waits until Tuesday', () => {
    const plan = planFollowUp(facts({ startDay: '2028-04-06', oneToOneCadence: 'WEEKLY' }), opts('2028-04-06T12:00:00Z')).filter((r) => r.kind === 'nudge');
    expect(local(plan[0].dueAt, 'Europe/Oslo')).toBe('2028-04-18 09:00');
    expect(plan[0].payload).toEqual({ since: '2028-04-06', movedFrom: '2028-04-14', holiday: 'Langfredag' });
  });

  test('an English reader in the United Kingdom gets 17 May but not the Early May bank holiday', () => {
    const leader = person('lea', 'Europe/London', 'GB');
    const may17 = planFollowUp(facts({ startDay: '2027-05-10', reflectionCadence: 'WEEKLY', leader }), opts('2027-05-10T12:00:00Z')).filter((r) => r.kind === 'reflection');
    expect(local(may17[0].dueAt, 'Europe/London')).toBe('2027-05-17 09:00');
    expect(may17[0].payload).toEqual({});
    const bank = planFollowUp(facts({ startDay: '2027-04-26', reflectionCadence: 'WEEKLY', leader }), opts('2027-04-26T12:00:00Z')).filter((r) => r.kind === 'reflection');
    expect(local(bank[0].dueAt, 'Europe/London')).toBe('2027-05-04 09:00');
    expect(bank[0].payload.movedFrom).toBe('2027-05-03');
    // Good Friday is a holiday in both countries; Skjærtorsdag only in Norway.
    const action = { id: 'a1', owner: leader, dueDay: '2027-03-25', snoozedUntil: null, createdAt: DateTime.fromISO('2027-03-01T00:00:00Z') };
    const plan = planFollowUp(facts({ leader, actions: [action] }), opts('2027-03-20T12:00:00Z')).filter((r) => r.kind === 'action');
    expect(plan.map((r) => local(r.dueAt, 'Europe/London'))).toEqual(['2027-03-25 09:00']);
  });

  test('a reader in New York skips Independence Day 2028 (a Tuesday)', () => {
    const leader = person('lea', 'America/New_York', 'US');
    const plan = planFollowUp(facts({ startDay: '2028-06-27', reflectionCadence: 'WEEKLY', leader }), opts('2028-06-27T12:00:00Z')).filter((r) => r.kind === 'reflection');
    expect(local(plan[0].dueAt, 'America/New_York')).toBe('2028-07-05 09:00');
  });

  test('without a holiday country nothing moves', () => {
    const leader = person('lea', 'Europe/Oslo', null);
    const plan = planFollowUp(facts({ startDay: '2027-05-10', reflectionCadence: 'WEEKLY', leader }), opts('2027-05-10T12:00:00Z')).filter((r) => r.kind === 'reflection');
    expect(local(plan[0].dueAt, 'Europe/Oslo')).toBe('2027-05-17 09:00');
  });
});

describe('holidayMove (what /followup schedule shows)', () => {
  test('reads the move the planner wrote, and nothing from other payloads', () => {
    const plan = planFollowUp(facts({ startDay: '2027-05-10', reflectionCadence: 'WEEKLY' }), opts('2027-05-10T12:00:00Z')).filter((r) => r.kind === 'reflection');
    expect(holidayMove({ payload: plan[0].payload })).toEqual({ movedFrom: '2027-05-17', holiday: 'Grunnlovsdagen' });
    expect(holidayMove({ payload: { day: '2027-05-18' } })).toBeNull();
    expect(holidayMove({ payload: null })).toBeNull();
    expect(holidayMove({ payload: { movedFrom: 'yesterday', holiday: 'x' } })).toBeNull();
  });
});
