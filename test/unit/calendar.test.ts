import { DateTime } from 'luxon';
import { calendarInvite, type InviteInput } from '../../src/domain/calendar';

/** The unfolded content lines of an .ics text (RFC 5545 folds lines at 75 octets with CRLF + space). */
function lines(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n');
}
/** A property's lines, in the VEVENT for event properties (VTIMEZONE has DTSTARTs of its own). */
function prop(ics: string, name: string): string[] {
  const all = lines(ics);
  const scope = ['METHOD', 'PRODID'].includes(name) ? all : all.slice(all.indexOf('BEGIN:VEVENT'), all.indexOf('END:VEVENT'));
  return scope.filter((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));
}

const base: InviteInput = {
  uid: 'evaluation-f1-0@followup',
  sequence: 0,
  cancelled: false,
  kind: 'evaluation',
  start: DateTime.fromISO('2027-03-29T10:00', { zone: 'Europe/Oslo' }),
  durationMinutes: 60,
  recipient: { locale: 'en', zone: 'Europe/Oslo' },
  seniorName: 'Sam Senior',
  leaderName: 'Åse Ødegård',
  stamp: DateTime.fromISO('2026-11-30T09:00:00Z'),
};

describe('.ics invitations', () => {
  test('a request in the recipient’s zone (TZID with its VTIMEZONE) and language, UTC DTSTAMP, CRLF', () => {
    const { ics, filename } = calendarInvite(base);
    expect(ics).toContain('\r\n');
    expect(ics.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    expect(prop(ics, 'METHOD')).toEqual(['METHOD:REQUEST']);
    expect(prop(ics, 'UID')).toEqual(['UID:evaluation-f1-0@followup']);
    expect(prop(ics, 'SEQUENCE')).toEqual(['SEQUENCE:0']);
    expect(prop(ics, 'DTSTAMP')).toEqual(['DTSTAMP:20261130T090000Z']);
    expect(prop(ics, 'DTSTART')).toEqual(['DTSTART;TZID=Europe/Oslo:20270329T100000']);
    expect(prop(ics, 'DTEND')).toEqual(['DTEND;TZID=Europe/Oslo:20270329T110000']);
    expect(lines(ics)).toContain('TZID:Europe/Oslo');
    expect(lines(ics)).toContain('BEGIN:VTIMEZONE');
    expect(prop(ics, 'SUMMARY')).toEqual(['SUMMARY:Evaluation: Sam Senior and Åse Ødegård']);
    expect(prop(ics, 'STATUS')).toEqual(['STATUS:CONFIRMED']);
    expect(filename).toBe('evaluation-2027-03-29.ics');
  });

  test('in bokmål', () => {
    const { ics, filename } = calendarInvite({ ...base, recipient: { locale: 'nb', zone: 'Europe/Oslo' }, kind: 'one_to_one', uid: 'one-to-one-f1-x@followup' });
    expect(prop(ics, 'SUMMARY')).toEqual(['SUMMARY:1:1-samtale: Sam Senior og Åse Ødegård']);
    expect(prop(ics, 'DESCRIPTION')[0]).toContain('1:1-samtale i oppfølgingen av Åse Ødegård.');
    expect(filename).toBe('1-1-samtale-2027-03-29.ics');
  });

  test('in nynorsk', () => {
    const { ics, filename } = calendarInvite({ ...base, recipient: { locale: 'nn', zone: 'Europe/Oslo' } });
    expect(prop(ics, 'SUMMARY')).toEqual(['SUMMARY:Evalueringssamtale: Sam Senior og Åse Ødegård']);
    expect(prop(ics, 'DESCRIPTION')[0]).toContain('Evalueringssamtale i oppfølginga av Åse Ødegård. Førebu deg ved å sjå på måla');
    expect(prop(ics, 'PRODID')[0]).toContain('//NN');
    expect(filename).toBe('evalueringssamtale-2027-03-29.ics');
  });

  test('one meeting across DST in each reader’s zone: Oslo just after spring-forward, New York already on EDT, Sydney just after autumn-back', () => {
    // 29 March 2027 10:00 in Oslo (CEST, UTC+2) = 08:00 UTC.
    const at = (zone: string) => prop(calendarInvite({ ...base, recipient: { locale: 'en', zone } }).ics, 'DTSTART')[0];
    expect(at('Europe/Oslo')).toBe('DTSTART;TZID=Europe/Oslo:20270329T100000');
    expect(at('America/New_York')).toBe('DTSTART;TZID=America/New_York:20270329T040000');
    expect(at('Australia/Sydney')).toBe('DTSTART;TZID=Australia/Sydney:20270329T190000');
    expect(at('Asia/Kolkata')).toBe('DTSTART;TZID=Asia/Kolkata:20270329T133000');
    // The week before, Oslo was still on CET (UTC+1): the same local 10:00 is 09:00 UTC, 05:00 in New York (EDT).
    const before = calendarInvite({ ...base, start: DateTime.fromISO('2027-03-22T10:00', { zone: 'Europe/Oslo' }), recipient: { locale: 'en', zone: 'America/New_York' } });
    expect(prop(before.ics, 'DTSTART')).toEqual(['DTSTART;TZID=America/New_York:20270322T050000']);
    // Each file carries the VTIMEZONE of its own zone, with its DST rules.
    const ny = lines(calendarInvite({ ...base, recipient: { locale: 'en', zone: 'America/New_York' } }).ics);
    expect(ny).toContain('TZID:America/New_York');
    expect(ny).toContain('TZOFFSETTO:-0400');
    expect(ny).not.toContain('TZID:Europe/Oslo');
  });

  test('a move keeps the UID with a higher SEQUENCE; a cancellation keeps the UID, METHOD:CANCEL, STATUS:CANCELLED', () => {
    const first = calendarInvite(base).ics;
    const moved = calendarInvite({ ...base, sequence: 1, start: DateTime.fromISO('2027-04-05T13:00', { zone: 'Europe/Oslo' }) }).ics;
    const cancel = calendarInvite({ ...base, sequence: 2, cancelled: true, start: DateTime.fromISO('2027-04-05T13:00', { zone: 'Europe/Oslo' }) }).ics;
    expect(prop(moved, 'UID')).toEqual(prop(first, 'UID'));
    expect(prop(cancel, 'UID')).toEqual(prop(first, 'UID'));
    expect(prop(moved, 'SEQUENCE')).toEqual(['SEQUENCE:1']);
    expect(prop(moved, 'DTSTART')).toEqual(['DTSTART;TZID=Europe/Oslo:20270405T130000']);
    expect(prop(cancel, 'METHOD')).toEqual(['METHOD:CANCEL']);
    expect(prop(cancel, 'SEQUENCE')).toEqual(['SEQUENCE:2']);
    expect(prop(cancel, 'STATUS')).toEqual(['STATUS:CANCELLED']);
    expect(prop(cancel, 'SUMMARY')).toEqual(['SUMMARY:Cancelled: Evaluation: Sam Senior and Åse Ødegård']);
  });

  test('the same input gives the same bytes', () => {
    expect(calendarInvite(base).ics).toBe(calendarInvite(base).ics);
  });
});
