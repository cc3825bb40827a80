import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { t, type Locale } from '../../i18n';

/**
 * An .ics invitation as text (ical-generator; VTIMEZONE from @touch4it/ical-timezones), pure: the
 * same input gives the same bytes. The event's time is written in the recipient's own zone
 * (DTSTART;TZID=…, with that zone's VTIMEZONE), its words in their language. A calendar replaces
 * an event it has when a new one comes with the same UID and a higher SEQUENCE; METHOD:CANCEL with
 * the same UID (and STATUS:CANCELLED) removes it.
 */
export type InviteKind = 'evaluation' | 'one_to_one';

export interface InviteInput {
  /** Stable across updates and the cancellation of one event. */
  uid: string;
  sequence: number;
  cancelled: boolean;
  kind: InviteKind;
  /** The meeting's start, an instant. */
  start: DateTime;
  durationMinutes: number;
  recipient: { locale: Locale; zone: string };
  seniorName: string;
  leaderName: string;
  /** When this invitation was made (DTSTAMP, UTC): the injected clock's now. */
  stamp: DateTime;
}

export interface CalendarFile {
  filename: string;
  /** text/calendar; CRLF line endings as RFC 5545 wants. */
  ics: string;
}

export function calendarInvite(input: InviteInput): CalendarFile {
  const { locale, zone } = input.recipient;
  const start = input.start.setZone(zone);
  const summaryKey = input.kind === 'evaluation' ? 'calendar.evaluation.summary' : 'calendar.one_to_one.summary';
  const descriptionKey = input.kind === 'evaluation' ? 'calendar.evaluation.description' : 'calendar.one_to_one.description';
  const summary = t(locale, summaryKey, { senior: input.seniorName, leader: input.leaderName });
  const calendar = ical({
    prodId: { company: 'followup', product: 'followup-slack', language: locale.toUpperCase() },
    method: input.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    // No calendar-wide zone (it would write DTSTAMP as local time); the generator adds the
    // VTIMEZONE of each event's zone.
    timezone: { name: null, generator: getVtimezoneComponent },
  });
  calendar.createEvent({
    id: input.uid,
    sequence: input.sequence,
    start,
    end: start.plus({ minutes: input.durationMinutes }),
    timezone: zone,
    stamp: input.stamp.toUTC(),
    summary: input.cancelled ? t(locale, 'calendar.cancelled_prefix', { summary }) : summary,
    description: t(locale, descriptionKey, { leader: input.leaderName }),
    status: input.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  const filenameKey = input.kind === 'evaluation' ? 'calendar.filename_evaluation' : 'calendar.filename_one_to_one';
  return { filename: t(locale, filenameKey, { date: start.toISODate() ?? '' }), ics: calendar.toString() };
}
