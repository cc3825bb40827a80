import { z } from 'zod';
import { MAX_EVALUATED_GOALS, type RecordedEvaluation } from '../../../domain/evaluations';
import type { Assessment } from '../../../domain/vocabulary';
import { translator } from '../../../i18n';
import type { IsoDay } from '../../../time/dates';
import type { AppContext } from '../../context';
import { submitHandler } from '../../form/submit';
import { dm } from '../../notify';
import { refreshHomes } from '../home/publish';
import { sendEvaluationInvites } from '../../calendarInvites';
import { userMention } from '../../blocks';
import { evaluateForm, goalFields, type EvaluateField } from './fields';
import { evaluationMessage } from './views';
import { readerDates } from '../../dates';

const Metadata = z.object({ f: z.string().min(1).max(64), g: z.array(z.string().min(1).max(64)).min(1).max(MAX_EVALUATED_GOALS) });

/** The follow-up and the goals the modal showed (forgeable: the domain checks them again), or null. */
function metadataOf(privateMetadata: string): z.infer<typeof Metadata> | null {
  try {
    return Metadata.parse(JSON.parse(privateMetadata));
  } catch {
    return null;
  }
}

/** The evaluation modal: saves the assessments and adjustments; tells both people; refreshes both Homes. */
export function evaluateSubmission(ctx: AppContext) {
  return submitHandler(ctx, {
    form: evaluateForm,
    fallback: 'next',
    only: (_values, privateMetadata) => [...(metadataOf(privateMetadata)?.g ?? []).flatMap((_g, i) => goalFields(i)), 'next', 'summary'],
    read: (v, privateMetadata) => {
      const meta = metadataOf(privateMetadata);
      if (!meta) return null;
      // Goal i's fields are `<name><i>`; each goal's assessment is required (`only` shows them).
      const of = (name: string, i: number) => v[`${name}${i}` as EvaluateField];
      return {
        followUpId: meta.f,
        items: meta.g.map((goalId, i) => ({
          goalId,
          assessment: of('assessment', i) as Assessment,
          comment: of('comment', i) as string | null,
          newTarget: of('target', i) as number | null,
          newTargetDate: of('date', i) as IsoDay | null,
          reason: of('reason', i) as string | null,
        })),
        nextEvaluationOn: v.next,
        summary: v.summary,
      };
    },
    save: (actor, input, sourceKey) => ctx.services.evaluations.record(actor, input, sourceKey),
    after: async (rctx, actor, r: RecordedEvaluation) => {
      if (r.duplicate) return;
      const { people } = rctx.services;
      // The other person's language and zone come from Slack (refreshed when stale).
      const [leader, senior] = await Promise.all([
        people.resolve(actor.teamId, r.followUp.leader.slackUserId),
        people.resolve(actor.teamId, r.followUp.senior.slackUserId),
      ]);
      const count = r.evaluation.items.length;
      const tr = translator(actor.locale);
      await dm(rctx, actor.person.slackUserId, evaluationMessage(tr, actor.locale, readerDates(rctx, actor), r, tr('evaluate.done', { count, leader: userMention(leader.person.slackUserId) })));
      const trLeader = translator(leader.locale);
      await dm(
        rctx,
        leader.person.slackUserId,
        evaluationMessage(trLeader, leader.locale, readerDates(rctx, leader), r, trLeader('evaluate.done_notify_leader', { senior: userMention(senior.person.slackUserId), count })),
      );
      await refreshHomes(rctx, [senior, leader]);
      // The next evaluation is a new meeting: both get its calendar invitation.
      await sendEvaluationInvites(rctx, actor.teamId, r.followUp.id);
    },
  });
}
