import { DateTime } from 'luxon';
import type { Repositories } from '../../data';
import type { FollowUpWithPeople } from '../../data/followups';
import type { Clock } from '../../time/clock';
import { dateToDay, type IsoDay } from '../../time/dates';
import { displayName } from '../charts';
import { NotFoundError } from '../errors';
import type { PeopleService } from '../people';
import { calendarInvite, type InviteKind } from './ics';

export { calendarInvite, type InviteInput, type InviteKind, type CalendarFile } from './ics';

/** An evaluation is scheduled by day; its invitation starts at this local time of the senior leader. */
export const EVALUATION_DEFAULT_TIME = '10:00';
export const DEFAULT_DURATION_MINUTES = 60;

/** One person's invitation: post `ics` as a file named `filename` in their DM. */
export interface InviteDelivery {
  slackUserId: string;
  personId: string;
  uid: string;
  sequence: number;
  cancelled: boolean;
  filename: string;
  ics: string;
}

/**
 * Calendar invitations for both people of a follow-up when an evaluation or a one-to-one is
 * scheduled, moved or cancelled. Each person gets the event in their own language and zone; the
 * UID stays the same for one meeting, the SEQUENCE rises with each change (CalendarInvite table),
 * so Outlook and Google Calendar replace the earlier event, and a cancellation removes it.
 */
export class CalendarService {
  constructor(
    private readonly repos: Repositories,
    private readonly people: PeopleService,
    private readonly clock: Clock,
  ) {}

  /**
   * The invitations for a follow-up's next evaluation as it now stands: call after it was set or
   * moved (EvaluationService.record, setup), or with `cancelled` when the follow-up ended. The UID
   * names the follow-up and how many evaluations were held before it, so the evaluation after
   * the next is a new event. Empty when there is nothing to send (no date, nothing to cancel).
   */
  async evaluationInvites(followUpId: string, opts: { cancelled?: boolean; time?: string; durationMinutes?: number } = {}): Promise<InviteDelivery[]> {
    const followUp = await this.repos.followUps.findById(followUpId);
    if (!followUp) throw new NotFoundError('follow-up');
    // A pending follow-up sends the leader nothing but the invitation (no calendar file before they accepted).
    if (followUp.status === 'PENDING') return [];
    const held = await this.repos.history.countEvaluations(followUp.id);
    const uid = `evaluation-${followUp.id}-${held}@followup`;
    const cancelled = opts.cancelled === true || followUp.status === 'ENDED';
    let start: DateTime;
    if (followUp.nextEvaluationOn && !cancelled) {
      start = this.localStart(dateToDay(followUp.nextEvaluationOn), opts.time ?? EVALUATION_DEFAULT_TIME, this.people.zoneOf(followUp.senior));
    } else {
      const sent = await this.repos.calendarInvites.find(uid);
      if (!sent || !cancelled) return [];
      start = DateTime.fromJSDate(sent.startsAt, { zone: 'utc' });
    }
    return this.deliver(followUp, 'evaluation', uid, start, opts.durationMinutes ?? DEFAULT_DURATION_MINUTES, cancelled);
  }

  /**
   * The invitations for a one-to-one at `startsAt` (scheduled or moved), or its cancellation.
   * `meetingKey` names the meeting (e.g. the id of the planned one-to-one): the same key, the same UID.
   */
  async oneToOneInvites(
    followUpId: string,
    meetingKey: string,
    opts: { startsAt: DateTime; cancelled?: boolean; durationMinutes?: number },
  ): Promise<InviteDelivery[]> {
    const followUp = await this.repos.followUps.findById(followUpId);
    if (!followUp) throw new NotFoundError('follow-up');
    if (followUp.status === 'PENDING') return [];
    const uid = `one-to-one-${followUp.id}-${meetingKey.replace(/[^A-Za-z0-9_-]/g, '')}@followup`;
    return this.deliver(followUp, 'one_to_one', uid, opts.startsAt, opts.durationMinutes ?? DEFAULT_DURATION_MINUTES, opts.cancelled === true);
  }

  private localStart(day: IsoDay, time: string, zone: string): DateTime {
    const [hour, minute] = time.split(':').map(Number);
    return DateTime.fromISO(day, { zone }).set({ hour, minute, second: 0, millisecond: 0 });
  }

  private async deliver(followUp: FollowUpWithPeople, kind: InviteKind, uid: string, start: DateTime, durationMinutes: number, cancelled: boolean): Promise<InviteDelivery[]> {
    const now = this.clock.now();
    const sequence = await this.repos.calendarInvites.touch({
      uid,
      workspaceId: followUp.workspaceId,
      kind,
      subjectId: followUp.id,
      startsAt: start.toJSDate(),
      cancelled,
      at: now.toJSDate(),
    });
    return [followUp.senior, followUp.leader].map((person) => {
      const reader = this.people.toActor(person);
      const file = calendarInvite({
        uid,
        sequence,
        cancelled,
        kind,
        start,
        durationMinutes,
        recipient: { locale: reader.locale, zone: reader.zone },
        seniorName: displayName(followUp.senior),
        leaderName: displayName(followUp.leader),
        stamp: now,
      });
      return { slackUserId: person.slackUserId, personId: person.id, uid, sequence, cancelled, ...file };
    });
  }
}
