import type { CreatedGoal, EditedGoal } from '../../../domain/goals';
import { formatNumber, translator, type Translate } from '../../../i18n';
import { dateToDay } from '../../../time/dates';
import type { Actor } from '../../../domain/people';
import { readerDates } from '../../dates';
import { esc, textMessage, truncate, userMention } from '../../blocks';
import type { AppContext } from '../../context';
import { numbers } from '../../form/fields';
import { submitHandler } from '../../form/submit';
import { idIn, parseMetadata } from '../../form/metadata';
import { dm } from '../../notify';
import { refreshHomes } from '../home/publish';
import { confirmToPair, pairOf } from '../shared/pair';
import { GOAL_FIELDS, goalEditForm, goalForm } from './fields';
import { goalContent, MAX_MILESTONES } from '../../../domain/goals';

/** The goal modal: saves the goal and its milestones; tells both people; refreshes both Homes. */
export function goalSubmission(ctx: AppContext) {
  return submitHandler(ctx, {
    form: goalForm,
    fallback: 'title',
    only: (values) => (values?.[goalForm.ids.followUpId.block] ? [...GOAL_FIELDS, 'followUpId'] : GOAL_FIELDS),
    read: (v) => ({
      ...(v.followUpId ? { followUpId: v.followUpId } : {}),
      leaderUserId: v.leaderUserId,
      ...goalContent(v, (day) => day),
      milestones: numbers(MAX_MILESTONES).map((n) => ({ title: v[`milestone${n}`], dueDate: v[`milestoneDue${n}`] })),
    }),
    save: (actor, input, sourceKey) => ctx.services.goals.create(actor, input, sourceKey),
    after: async (rctx, actor, created: CreatedGoal) => {
      if (created.duplicate) return;
      const { people } = rctx.services;
      const [leaderPerson, seniorPerson] = await Promise.all([rctx.services.repos.people.findById(created.leaderId), rctx.services.repos.people.findById(created.seniorId)]);
      if (!leaderPerson || !seniorPerson) return;
      // As for the other modals: the other person's language and zone come from Slack when stale.
      const [leader, senior] = await Promise.all([people.resolve(actor.teamId, leaderPerson.slackUserId), people.resolve(actor.teamId, seniorPerson.slackUserId)]);
      const title = esc(truncate(created.goal.title, 150));
      const tr = translator(actor.locale);
      await dm(rctx, actor.person.slackUserId, textMessage(tr('goal.created', { title, leader: userMention(leader.person.slackUserId) })));
      const other = actor.person.id === senior.person.id ? leader : senior;
      const key = other === leader ? 'goal.created_notify_leader' : 'goal.created_notify_senior';
      await dm(rctx, other.person.slackUserId, textMessage(translator(other.locale)(key, { author: userMention(actor.person.slackUserId), title })));
      await refreshHomes(rctx, [senior, leader]);
    },
  });
}

/** The goal edit modal: saves a revision with the reason; tells both what changed. */
export function goalEditSubmission(ctx: AppContext) {
  return submitHandler(ctx, {
    form: goalEditForm,
    fallback: 'reason',
    // The target field is shown only for a goal with a measure.
    only: (values) => (values[goalEditForm.ids.target.block] ? ['target', 'targetDate', 'qualitativeCriteria', 'reason'] : ['targetDate', 'qualitativeCriteria', 'reason']),
    read: (v, privateMetadata) => {
      const meta = parseMetadata(privateMetadata);
      const goalId = idIn(meta, 'goalId');
      // The revision the modal was opened on: a save on top of someone else's newer one is refused
      // (goal_edit.error_conflict on the reason field; the modal stays open with the text).
      const revision = Number.parseInt(String(meta?.revision ?? ''), 10);
      const expectedRevision = Number.isSafeInteger(revision) && revision > 0 ? revision : undefined;
      return goalId ? { goalId, target: v.target, targetDate: v.targetDate, qualitativeCriteria: v.qualitativeCriteria, reason: v.reason, expectedRevision } : null;
    },
    save: (actor, input) => ctx.services.goals.edit(actor, input),
    after: async (rctx, actor, r: EditedGoal) => {
      if (r.changed.length === 0) return;
      const title = esc(truncate(r.goal.title, 150));
      const reason = esc(truncate(r.reason, 500));
      const what = (tr: Translate, reader: Actor) =>
        r.changed
          .map((c) =>
            c === 'target'
              ? tr('goal_edit.changed.target', { value: r.goal.target === null ? '—' : esc(formatNumber(reader.locale, r.goal.target) + (r.goal.metricUnit ? ` ${r.goal.metricUnit}` : '')) })
              : c === 'targetDate'
                ? tr('goal_edit.changed.targetDate', { date: r.goal.targetDate ? readerDates(rctx, reader).day(dateToDay(r.goal.targetDate)) : '—' })
                : tr('goal_edit.changed.qualitativeCriteria'),
          )
          .join(', ');
      const otherActor = pairOf(rctx, actor, r.followUp).other;
      await confirmToPair(
        rctx,
        actor,
        r.followUp,
        (tr) => textMessage(tr('goal_edit.saved', { title, changes: what(tr, actor), reason })),
        (tr) => textMessage(tr('goal_edit.notice', { author: userMention(actor.person.slackUserId), title, changes: what(tr, otherActor), reason })),
      );
    },
  });
}
