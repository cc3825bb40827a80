import { FixedClock } from '../../src/time/clock';
import { dayToDate } from '../../src/time/dates';
import { DateTime } from 'luxon';
import { Harness } from '../support/harness';
import { followUp, goal } from '../support/seed';

const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '').split('\r\n');
const event = (ics: string) => {
  const all = unfold(ics);
  return all.slice(all.indexOf('BEGIN:VEVENT'), all.indexOf('END:VEVENT'));
};
const line = (ics: string, name: string) => event(ics).find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));

describe('calendar invitations for both people of a follow-up', () => {
  let h: Harness;
  const clock = new FixedClock('2026-11-30T09:00:00Z');
  beforeAll(async () => {
    h = await Harness.start({ clock });
    h.user('USEN', { locale: 'en-GB', tz: 'Europe/Oslo', real_name: 'Sam Senior' });
    h.user('ULED', { locale: 'nb-NO', tz: 'America/New_York', real_name: 'Åse Ødegård' });
  });
  afterAll(() => h.close());

  test('scheduled, moved, re-sent, held, cancelled: stable UID, rising SEQUENCE, each in their language and zone', async () => {
    // Resolve both so their zones and languages are known.
    await h.app.services.people.resolve(h.teamId, 'USEN');
    await h.app.services.people.resolve(h.teamId, 'ULED');
    const f = await followUp(h, 'USEN', 'ULED', { nextEvaluationOn: '2027-03-29' });

    const scheduled = await h.app.services.calendar.evaluationInvites(f.id);
    expect(scheduled.map((i) => i.slackUserId)).toEqual(['USEN', 'ULED']);
    const [toSenior, toLeader] = scheduled;
    expect(toSenior.uid).toBe(`evaluation-${f.id}-0@followup`);
    expect(toLeader.uid).toBe(toSenior.uid);
    expect(line(toSenior.ics, 'SEQUENCE')).toBe('SEQUENCE:0');
    // 10:00 in Oslo on 29 March 2027 (the day after DST began: UTC+2) is 04:00 in New York (EDT).
    expect(line(toSenior.ics, 'DTSTART')).toBe('DTSTART;TZID=Europe/Oslo:20270329T100000');
    expect(line(toLeader.ics, 'DTSTART')).toBe('DTSTART;TZID=America/New_York:20270329T040000');
    expect(line(toSenior.ics, 'SUMMARY')).toBe('SUMMARY:Evaluation: Sam Senior and Åse Ødegård');
    expect(line(toLeader.ics, 'SUMMARY')).toBe('SUMMARY:Evalueringssamtale: Sam Senior og Åse Ødegård');
    expect(toLeader.filename).toBe('evalueringssamtale-2027-03-29.ics');

    // A retry sends the same event: same sequence.
    const again = await h.app.services.calendar.evaluationInvites(f.id);
    expect(again[0].sequence).toBe(0);

    // Moved: same UID, higher sequence.
    await h.prisma.followUp.update({ where: { id: f.id }, data: { nextEvaluationOn: dayToDate('2027-04-06') } });
    const moved = await h.app.services.calendar.evaluationInvites(f.id);
    expect(moved[0].uid).toBe(toSenior.uid);
    expect(line(moved[1].ics, 'SEQUENCE')).toBe('SEQUENCE:1');
    expect(line(moved[1].ics, 'DTSTART')).toBe('DTSTART;TZID=America/New_York:20270406T040000');

    // Cancelled (the follow-up ended): same UID, higher sequence, METHOD:CANCEL.
    const cancelled = await h.app.services.calendar.evaluationInvites(f.id, { cancelled: true });
    expect(cancelled[0].uid).toBe(toSenior.uid);
    expect(cancelled[0].sequence).toBe(2);
    expect(unfold(cancelled[0].ics)).toContain('METHOD:CANCEL');
    expect(line(cancelled[0].ics, 'STATUS')).toBe('STATUS:CANCELLED');
    expect(line(cancelled[1].ics, 'SUMMARY')).toBe('SUMMARY:Avlyst: Evalueringssamtale: Sam Senior og Åse Ødegård');

    // Held: the next evaluation is a new event with a new UID.
    const g = await goal(h, f, 'Mål', { baseline: 0, target: 10 });
    const senior = await h.app.services.people.resolve(h.teamId, 'USEN');
    await h.app.services.evaluations.record(senior, { followUpId: f.id, nextEvaluationOn: '2027-05-10', summary: null, items: [{ goalId: g.id, assessment: 'ON_TRACK', comment: null, newTarget: null, newTargetDate: null, reason: null }] }, null);
    const next = await h.app.services.calendar.evaluationInvites(f.id);
    expect(next[0].uid).toBe(`evaluation-${f.id}-1@followup`);
    expect(next[0].sequence).toBe(0);
  });

  test('a one-to-one at a chosen time, moved and cancelled under one UID', async () => {
    const f = await followUp(h, 'USEN', 'ULED2');
    const start = DateTime.fromISO('2026-12-03T14:30', { zone: 'Europe/Oslo' });
    const first = await h.app.services.calendar.oneToOneInvites(f.id, 'week49', { startsAt: start });
    expect(first[0].uid).toBe(`one-to-one-${f.id}-week49@followup`);
    expect(line(first[0].ics, 'DTSTART')).toBe('DTSTART;TZID=Europe/Oslo:20261203T143000');
    expect(line(first[0].ics, 'DTEND')).toBe('DTEND;TZID=Europe/Oslo:20261203T153000');
    const moved = await h.app.services.calendar.oneToOneInvites(f.id, 'week49', { startsAt: start.plus({ days: 1 }) });
    expect(moved[0].sequence).toBe(1);
    const cancelled = await h.app.services.calendar.oneToOneInvites(f.id, 'week49', { startsAt: start.plus({ days: 1 }), cancelled: true });
    expect(cancelled[0].sequence).toBe(2);
    expect(unfold(cancelled[0].ics)).toContain('METHOD:CANCEL');
  });
});
