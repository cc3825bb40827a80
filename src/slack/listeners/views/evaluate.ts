import type { EvaluationInput, RecordedEvaluation } from '../../../domain/evaluations';
import { formatNumber, translator, type Translate } from '../../../i18n';
import { dateToDay, slackDay } from '../../../time/dates';
import type { AppContext } from '../../context';
import { evaluateBlocks, readEvaluateForm } from '../../forms/evaluate';
import { EvaluateIds } from '../../ids';
import { dm, refreshHomes } from '../../notify';
import type { KnownBlock } from '@slack/types';
import { esc, section, truncate, userMention } from '../../blocks';
import type { Message } from '../../blocks';
import { legacySubmitHandler } from '../../form/submit';

/** The evaluation as one message, in the reader's language and zone. */
function evaluationMessage(tr: Translate, locale: 'nb' | 'en', zone: string, r: RecordedEvaluation, headline: string): Message {
  const lines = [headline];
  const next = r.evaluation.nextEvaluationOn ? slackDay(dateToDay(r.evaluation.nextEvaluationOn), zone) : tr('common.none');
  for (const item of r.evaluation.items) {
    const line = tr('evaluate.done_item', { title: esc(truncate(r.titles[item.goalId] ?? '', 150)), assessment: tr(`evaluate.assessment.${item.assessment}`) });
    lines.push(item.comment ? `${line}: ${esc(truncate(item.comment, 300))}` : line);
  }
  for (const g of r.achieved) lines.push(tr('evaluate.done_achieved', { title: esc(truncate(g.title, 150)) }));
  for (const g of r.adjusted) {
    const parts: string[] = [];
    if (g.target !== null) parts.push(tr('evaluate.done_target', { target: formatNumber(locale, g.target) }));
    if (g.targetDate) parts.push(tr('goal.target_by', { date: slackDay(dateToDay(g.targetDate), zone) }));
    lines.push(tr('evaluate.done_adjusted', { title: esc(truncate(g.title, 150)), change: parts.join(' · ') }));
  }
  lines.push(tr('evaluate.done_next', { date: next }));
  // One section holds 3000 characters: spread the lines over as many sections as they need.
  const blocks: KnownBlock[] = [];
  let chunk = '';
  for (const line of lines) {
    if (chunk && chunk.length + line.length + 1 > 2900) {
      blocks.push(section(chunk));
      chunk = '';
    }
    chunk = chunk ? `${chunk}\n${line}` : line;
  }
  if (chunk) blocks.push(section(chunk));
  return { text: headline, blocks };
}

export function evaluateSubmission(ctx: AppContext) {
  return legacySubmitHandler<EvaluationInput, RecordedEvaluation>(ctx, {
    read: readEvaluateForm,
    blocks: evaluateBlocks(),
    fallbackBlock: EvaluateIds.nextBlock,
    save: (actor, input, sourceKey) => ctx.services.evaluations.record(actor, input, sourceKey),
    after: async (actor, r) => {
      if (r.duplicate) return;
      const { people } = ctx.services;
      // The other person's language and zone come from Slack (refreshed when stale).
      const [leader, senior] = await Promise.all([
        people.resolve(actor.teamId, r.followUp.leader.slackUserId),
        people.resolve(actor.teamId, r.followUp.senior.slackUserId),
      ]);
      const count = r.evaluation.items.length;
      const tr = translator(actor.locale);
      await dm(ctx, actor.person.slackUserId, evaluationMessage(tr, actor.locale, actor.zone, r, tr('evaluate.done', { count, leader: userMention(leader.person.slackUserId) })));
      const trLeader = translator(leader.locale);
      await dm(
        ctx,
        leader.person.slackUserId,
        evaluationMessage(trLeader, leader.locale, leader.zone, r, trLeader('evaluate.done_notify_leader', { senior: userMention(senior.person.slackUserId), count })),
      );
      await refreshHomes(ctx, [senior, leader]);
    },
  });
}
