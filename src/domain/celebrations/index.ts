import { DateTime } from 'luxon';
import type { FollowUp, Goal, Locale, Milestone, Workspace } from '../../data/prisma';
import { teamChannelLocale } from '../followups';
import { localDay } from '../../time/rules';
import type { OutboundBody } from '../reminders/messages';

/**
 * Celebrations (step 6 of the guide): a milestone reached or a goal achieved is posted in the
 * leader's team channel within seconds, once (ledger key below), with the goal's journey from
 * where it started to now. Delivered by DeliveryService.celebrate (src/domain/reminders/deliver.ts)
 * from the `celebrations` queue; domain events and the reconciler queue it.
 */
export type CelebrationKind = 'milestone' | 'goal';

/** The Delivery key (and BullMQ job id) of a celebration: one per milestone or goal, ever. */
export function celebrationKey(kind: CelebrationKind, id: string): string {
  return `cel-${kind}-${id}`;
}

/**
 * The language a celebration is posted in: the team channel's (the follow-up's setting, else the
 * workspace default, else the app's), not the leader's personal Slack locale — the whole team reads it.
 */
export function celebrationLocale(
  followUp: Pick<FollowUp, 'teamLocale'>,
  workspace: Pick<Workspace, 'defaultLocale'> | null,
  appDefault: Locale,
): Locale {
  return teamChannelLocale(followUp, workspace, appDefault);
}

/** What the team reads: who achieved what, and the journey (start → now). */
export function celebrationBody(
  kind: CelebrationKind,
  leaderUserId: string,
  goal: Goal & { milestones: Milestone[] },
  milestone: Milestone | null,
  leaderZone: string,
): OutboundBody {
  return {
    type: 'celebration',
    what: kind,
    leaderUserId,
    goalTitle: goal.title,
    milestoneTitle: milestone?.title ?? null,
    startedOn: localDay(DateTime.fromJSDate(goal.createdAt), leaderZone),
    baseline: goal.baseline,
    current: goal.currentValue,
    target: goal.target,
    unit: goal.metricUnit,
    milestonesDone: goal.milestones.filter((m) => m.doneAt !== null).length,
    milestonesTotal: goal.milestones.length,
  };
}
