import type { KnownBlock } from '@slack/types';
import { DateTime } from 'luxon';
import { BARRIER_KINDS, GOAL_STATUSES } from '../../../domain/vocabulary';
import { FOLLOW_UP_STATUSES, type Figure, type HrOverview } from '../../../domain/hr';
import { formatNumber, INTL_LOCALE, type Locale, type Translate } from '../../../i18n';
import { dateFormatter } from '../../../i18n/dates';
import { context, header, section, type Message } from '../../blocks';

/** A figure as the reader reads it: "12", "40 %", or "too few to show". */
function count(tr: Translate, locale: Locale, f: Figure): string {
  return f.shown ? formatNumber(locale, f.value) : `_${tr('hr.too_few')}_`;
}
function share(tr: Translate, locale: Locale, f: Figure): string {
  return f.shown ? `${formatNumber(locale, Math.round(f.value * 100))} %` : `_${tr('hr.too_few')}_`;
}
/** "mars 2027" / "March 2027". */
function monthName(locale: Locale, month: string): string {
  return DateTime.fromISO(`${month}-01`, { zone: 'utc' }).setLocale(INTL_LOCALE[locale]).toFormat('LLLL yyyy');
}

/** The HR overview as one private message: counts and shares only, never a name or a text. */
export function hrOverviewMessage(tr: Translate, locale: Locale, o: HrOverview): Message {
  const c = (f: Figure) => count(tr, locale, f);
  const s = (f: Figure) => share(tr, locale, f);
  const title = tr('hr.title');
  const day = dateFormatter({ locale, zone: 'UTC', now: null }).plainDay(o.asOf);
  const blocks: KnownBlock[] = [
    header(title),
    context(tr('hr.intro', { date: day, threshold: o.threshold })),
    section(
      [
        tr('hr.followups', { total: c(o.followUps.total), active: c(o.followUps.byStatus.ACTIVE), pending: c(o.followUps.byStatus.PENDING), ended: c(o.followUps.byStatus.ENDED) }),
        tr('hr.one_to_ones', { share: s(o.oneToOnesOnCadence) }),
        tr('hr.evaluations', { share: s(o.evaluationsOnTime) }),
      ].join('\n'),
    ),
    section(
      [
        tr('hr.goals', { active: c(o.goals.byStatus.ACTIVE), achieved: c(o.goals.byStatus.ACHIEVED), adjusted: c(o.goals.byStatus.ADJUSTED), dropped: c(o.goals.byStatus.DROPPED) }),
        tr('hr.goal_progress', { share: s(o.goals.averageProgress) }),
        tr('hr.milestones', { count: c(o.milestonesCelebrated) }),
      ].join('\n'),
    ),
    section(tr('hr.barriers', { personal: c(o.openBarriers.PERSONAL), organisational: c(o.openBarriers.ORGANISATIONAL), resource: c(o.openBarriers.RESOURCE) })),
    context(tr('hr.barriers_hint')),
    section([tr('hr.trend'), ...o.trend.map((m) => tr('hr.trend_line', { month: monthName(locale, m.month), share: s(m.share) }))].join('\n')),
    context(tr('hr.footer')),
  ];
  return { text: title, blocks };
}

/** A CSV cell: quoted when it holds a comma, a quote or a line break. */
function cell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
/** A figure in the CSV: a plain number (a share as 0.42), or the reader's "too few to show". */
function csvValue(tr: Translate, f: Figure, asShare = false): string {
  if (!f.shown) return tr('hr.too_few');
  return asShare ? String(Math.round(f.value * 10000) / 10000) : String(f.value);
}

/** The same aggregates as a CSV file (one row per figure; headers in the reader's language). */
export function hrOverviewCsv(tr: Translate, o: HrOverview): string {
  const rows: string[][] = [tr('hr.csv_header').split(',')];
  rows.push([tr('hr.csv.followups'), tr('hr.csv.total'), csvValue(tr, o.followUps.total)]);
  for (const st of FOLLOW_UP_STATUSES) rows.push([tr('hr.csv.followups'), tr(`hr.status.${st}`), csvValue(tr, o.followUps.byStatus[st])]);
  rows.push([tr('hr.csv.one_to_ones'), o.windowStart, csvValue(tr, o.oneToOnesOnCadence, true)]);
  rows.push([tr('hr.csv.evaluations'), o.asOf, csvValue(tr, o.evaluationsOnTime, true)]);
  for (const st of GOAL_STATUSES) rows.push([tr('hr.csv.goals'), tr(`goal.status.${st}`), csvValue(tr, o.goals.byStatus[st])]);
  rows.push([tr('hr.csv.goal_progress'), tr('goal.status.ACTIVE'), csvValue(tr, o.goals.averageProgress, true)]);
  for (const k of BARRIER_KINDS) rows.push([tr('hr.csv.barriers'), tr(`barrier.kind.${k}`), csvValue(tr, o.openBarriers[k])]);
  rows.push([tr('hr.csv.milestones'), o.windowStart, csvValue(tr, o.milestonesCelebrated)]);
  for (const m of o.trend) rows.push([tr('hr.csv.trend'), m.month, csvValue(tr, m.share, true)]);
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
