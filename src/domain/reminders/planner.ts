import type { DateTime } from 'luxon';
import { addDays, type IsoDay } from '../../time/dates';
import { isPublicHoliday, publicHoliday } from '../../time/holidays';
import {
  addCadence,
  instantOn,
  localInstant,
  mondayOnOrAfter,
  nextWorkingDay,
  onOrNextWorkingDay,
  type CadenceName,
  type LocalSchedule,
  type WorkingCalendar,
} from '../../time/rules';
import type { FollowUpKind, ReminderKind } from './kinds';

/**
 * What the scheduler plans, computed purely from database facts and "now". Each planned reminder
 * has a deterministic key (also the BullMQ job id and the Delivery key: no `:`), so planning twice
 * yields the same rows, and a changed subject yields a new key while the old one is cancelled.
 */
export type { ReminderKind } from './kinds';

export interface Recipient {
  id: string;
  schedule: LocalSchedule;
}

export interface PlannedReminder {
  key: string;
  kind: ReminderKind;
  recipientId: string;
  subjectId: string;
  followUpId: string | null;
  dueAt: DateTime;
  payload: Record<string, string>;
}

export interface FollowUpFacts {
  id: string;
  active: boolean;
  startDay: IsoDay;
  oneToOneCadence: CadenceName;
  reflectionCadence: CadenceName;
  nextEvaluationOn: IsoDay | null;
  senior: Recipient;
  leader: Recipient;
  /** Day of the last one-to-one logged, if any. */
  lastConversationDay: IsoDay | null;
  actions: { id: string; owner: Recipient; dueDay: IsoDay | null; snoozedUntil: IsoDay | null; createdAt: DateTime }[];
}

export interface PlanOptions {
  now: DateTime;
  /** Occurrences missed by at most this long (worker down, Redis lost) are still planned. */
  graceHours: number;
  /** Days before an evaluation for the first reminder. */
  evaluationLeadDays: number;
}

export const DEFAULT_PLAN_OPTIONS = { graceHours: 12, evaluationLeadDays: 3 } as const;
/** Each series plans the occurrence in the grace window (if any) and the next one. */
const PER_SERIES = 2;
const DIGEST_HOUR = 8;

const compact = (day: IsoDay) => day.replace(/-/g, '');

/**
 * Days moved off a public holiday, remembered so the reminder can say so: payload `movedFrom`
 * (the day it would have been) and `holiday` (the holiday's name). `/followup schedule` shows them.
 */
class Moves {
  private readonly from = new Map<IsoDay, { movedFrom: IsoDay; holiday: string }>();
  constructor(private readonly calendar: WorkingCalendar) {}
  /** `actual` is `plain` moved off the holidays (same rule with and without them). */
  note(plain: IsoDay, actual: IsoDay): IsoDay {
    const holiday = plain !== actual ? publicHoliday(plain, this.calendar.holidayCountry) : null;
    if (holiday && !this.from.has(actual)) this.from.set(actual, { movedFrom: plain, holiday });
    return actual;
  }
  /** A day kept as it is unless it is a public holiday, then the next working day. */
  offHoliday(d: IsoDay): IsoDay {
    return isPublicHoliday(d, this.calendar.holidayCountry) ? this.note(d, onOrNextWorkingDay(d, this.calendar)) : d;
  }
  payload(day: IsoDay): Record<string, string> {
    return { ...this.from.get(day) };
  }
}

const weekdaysOnly = (c: WorkingCalendar): WorkingCalendar => ({ workingDays: c.workingDays });

/** Walks a series of local days, keeping at most PER_SERIES occurrences not older than the grace. */
function series(
  opts: PlanOptions,
  first: IsoDay,
  next: (day: IsoDay, index: number) => IsoDay,
  at: (day: IsoDay) => DateTime,
): { day: IsoDay; at: DateTime }[] {
  const floor = opts.now.minus({ hours: opts.graceHours });
  const out: { day: IsoDay; at: DateTime }[] = [];
  let day = first;
  for (let i = 0; i < 2000 && out.length < PER_SERIES; i++) {
    const instant = at(day);
    if (instant >= floor) {
      out.push({ day, at: instant });
      if (instant > opts.now) break; // the next one ahead is enough
    }
    const following = next(day, i);
    if (following <= day) break;
    day = following;
  }
  return out;
}

type Planner = (f: FollowUpFacts, opts: PlanOptions) => PlannedReminder[];

/**
 * The follow-up's planner of each kind it plans (kinds.ts `plannedFrom: 'followUp'`): a new kind
 * there is a compile error here until it is planned.
 */
export const FOLLOW_UP_PLANNERS = {
  // Evaluation: N days before and the morning of, to the senior leader and the leader.
  evaluation: (f, opts) => {
    const out: PlannedReminder[] = [];
    if (!f.nextEvaluationOn) return out;
    const on = f.nextEvaluationOn;
    for (const who of [f.senior, f.leader]) {
      const phases: ['before' | 'day', IsoDay][] = [
        ['before', addDays(on, -opts.evaluationLeadDays)],
        ['day', on],
      ];
      for (const [phase, day] of phases) {
        const dueAt = instantOn(day, who.schedule);
        if (dueAt < opts.now.minus({ hours: opts.graceHours })) continue;
        out.push({
          key: `eval-${phase}-${f.id}-${who.id}-${compact(on)}`,
          kind: 'evaluation',
          recipientId: who.id,
          subjectId: f.id,
          followUpId: f.id,
          dueAt,
          payload: { evaluationOn: on, phase },
        });
      }
    }
    return out;
  },

  // One-to-one nudge: the first working day after a cadence period passed with none logged; again each period.
  // Working days skip the recipient's public holidays (and say so in the payload).
  nudge: (f, opts) => {
    if (f.oneToOneCadence === 'NONE') return [];
    const base = f.lastConversationDay && f.lastConversationDay > f.startDay ? f.lastConversationDay : f.startDay;
    const cadence = f.oneToOneCadence;
    const cal = f.senior.schedule;
    const moves = new Moves(cal);
    const dayFor = (k: number) => {
      const day = addCadence(base, cadence, k);
      return moves.note(nextWorkingDay(day, weekdaysOnly(cal)), nextWorkingDay(day, cal));
    };
    let k = 1;
    return series(
      opts,
      dayFor(1),
      () => dayFor(++k),
      (d) => instantOn(d, f.senior.schedule),
    ).map((occ) => ({
      key: `nudge-${f.id}-${compact(occ.day)}`,
      kind: 'nudge',
      recipientId: f.senior.id,
      subjectId: f.id,
      followUpId: f.id,
      dueAt: occ.at,
      payload: { since: base, ...moves.payload(occ.day) },
    }));
  },

  // Reflection prompt on the reflection cadence, to the leader, on a working day.
  reflection: (f, opts) => {
    if (f.reflectionCadence === 'NONE') return [];
    const cadence = f.reflectionCadence;
    const cal = f.leader.schedule;
    const moves = new Moves(cal);
    const dayFor = (k: number) => {
      const day = addCadence(f.startDay, cadence, k);
      return moves.note(onOrNextWorkingDay(day, weekdaysOnly(cal)), onOrNextWorkingDay(day, cal));
    };
    let k = 1;
    return series(opts, dayFor(1), () => dayFor(++k), (d) => instantOn(d, f.leader.schedule)).map((occ) => ({
      key: `reflect-${f.id}-${compact(occ.day)}`,
      kind: 'reflection',
      recipientId: f.leader.id,
      subjectId: f.id,
      followUpId: f.id,
      dueAt: occ.at,
      payload: moves.payload(occ.day),
    }));
  },

  // Action items: the due date (or the day snoozed to), the next working day if still open, then weekly.
  // A public holiday of the owner moves the reminder to the next working day.
  action: (f, opts) => {
    const out: PlannedReminder[] = [];
    for (const a of f.actions) {
      const start = a.snoozedUntil && (!a.dueDay || a.snoozedUntil > a.dueDay) ? a.snoozedUntil : a.dueDay;
      if (!start) continue;
      const cal = a.owner.schedule;
      const moves = new Moves(cal);
      const next = (day: IsoDay, i: number) =>
        i === 0 ? moves.note(nextWorkingDay(day, weekdaysOnly(cal)), nextWorkingDay(day, cal)) : moves.offHoliday(addDays(day, 7));
      for (const occ of series(opts, moves.offHoliday(start), next, (d) => instantOn(d, a.owner.schedule))) {
        // No "due today" reminder for a time that had passed when the item was written.
        if (occ.at < a.createdAt) continue;
        out.push({
          key: `action-${a.id}-${a.owner.id}-${compact(occ.day)}`,
          kind: 'action',
          recipientId: a.owner.id,
          subjectId: a.id,
          followUpId: f.id,
          dueAt: occ.at,
          payload: { day: occ.day, ...moves.payload(occ.day) },
        });
      }
    }
    return out;
  },
} satisfies Record<FollowUpKind, Planner>;

/** Every upcoming reminder of one follow-up. Empty when the follow-up is not active. */
export function planFollowUp(f: FollowUpFacts, opts: PlanOptions): PlannedReminder[] {
  if (!f.active) return [];
  return (Object.values(FOLLOW_UP_PLANNERS) as Planner[]).flatMap((plan) => plan(f, opts));
}

/** The weekly digest of a senior leader: Monday 08:00 in their zone, while they follow someone up. */
export function planDigest(senior: Recipient, hasActiveFollowUps: boolean, opts: PlanOptions): PlannedReminder[] {
  if (!hasActiveFollowUps) return [];
  const zone = senior.schedule.zone;
  const today = opts.now.setZone(zone).minus({ hours: opts.graceHours }).toISODate() as IsoDay;
  return series(
    opts,
    mondayOnOrAfter(today),
    (d) => addDays(d, 7),
    (d) => localInstant(d, DIGEST_HOUR, 0, zone),
  ).map((occ) => ({
    key: `digest-${senior.id}-${compact(occ.day)}`,
    kind: 'digest' as const,
    recipientId: senior.id,
    subjectId: senior.id,
    followUpId: null,
    dueAt: occ.at,
    payload: { week: occ.day },
  }));
}
