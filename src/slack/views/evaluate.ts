import type { KnownBlock, ModalView } from '@slack/types';
import type { Assessment } from '../../data/prisma';
import { ASSESSMENTS } from '../../domain/evaluations';
import { formatNumber, type Locale, type Translate } from '../../i18n';
import { slackDay, type IsoDay } from '../../time/dates';
import { EvaluateIds } from '../ids';
import { context, esc, Limits, option, plain, progressBar, section, truncate, userMention } from '../blocks';
import { dateInput, radioInput, textInput } from '../form/inputs';

export const EvaluateFieldMax = { comment: 1000, reason: 500, number: 30, summary: 2000 } as const;

export interface EvaluateGoalVm {
  id: string;
  title: string;
  progress: number | null;
  metricUnit: string | null;
  baseline: number | null;
  target: number | null;
  targetDate: IsoDay | null;
}

export interface EvaluateViewModel {
  followUpId: string;
  leaderUserId: string;
  goals: EvaluateGoalVm[];
  hiddenGoals: number;
  defaultNext: IsoDay;
  locale: Locale;
  zone: string;
}

/** What the modal carries back on submit. Forgeable: the domain checks it again. */
export interface EvaluateMetadata {
  f: string;
  g: string[];
}

function goalSummary(tr: Translate, g: EvaluateGoalVm, vm: EvaluateViewModel): string {
  const parts = [`*${esc(truncate(g.title, 150))}*`];
  if (g.progress !== null) parts.push(`${progressBar(g.progress)} ${tr('common.progress', { percent: Math.round(g.progress * 100) })}`);
  if (g.baseline !== null && g.target !== null) {
    const unit = g.metricUnit ? ` ${esc(truncate(g.metricUnit, 30))}` : '';
    parts.push(tr('evaluate.metric_line', { baseline: formatNumber(vm.locale, g.baseline), target: formatNumber(vm.locale, g.target), unit }));
  }
  if (g.targetDate) parts.push(tr('goal.target_by', { date: slackDay(g.targetDate, vm.zone) }));
  return parts.join(' · ');
}

/** The evaluation modal: per goal an assessment, a comment and an optional adjustment; then the next date. */
export function evaluateModal(tr: Translate, vm: EvaluateViewModel): ModalView {
  const assessmentOption = (a: Assessment) => option(tr(`evaluate.assessment.${a}`), a);
  const intro = [tr('evaluate.intro', { leader: userMention(vm.leaderUserId) })];
  if (vm.hiddenGoals > 0) intro.push(tr('evaluate.hidden_goals', { count: vm.hiddenGoals, shown: vm.goals.length }));
  const blocks: KnownBlock[] = [{ ...context(intro.join('\n')), block_id: EvaluateIds.introBlock } as KnownBlock];
  vm.goals.forEach((g, i) => {
    blocks.push({ ...section(goalSummary(tr, g, vm)), block_id: EvaluateIds.goalBlock(i) } as KnownBlock);
    blocks.push(radioInput(EvaluateIds.assessmentBlock(i), EvaluateIds.assessmentInput(i), tr('evaluate.assessment'), ASSESSMENTS.map(assessmentOption)));
    blocks.push(textInput(EvaluateIds.commentBlock(i), EvaluateIds.commentInput(i), tr('evaluate.comment'), { optional: true, multiline: true, max: EvaluateFieldMax.comment }));
    if (g.baseline !== null && g.target !== null) {
      blocks.push(
        textInput(EvaluateIds.targetBlock(i), EvaluateIds.targetInput(i), tr('evaluate.new_target'), {
          optional: true,
          max: EvaluateFieldMax.number,
          hint: tr('evaluate.new_target_hint'),
        }),
      );
    }
    blocks.push(dateInput(EvaluateIds.dateBlock(i), EvaluateIds.dateInput(i), tr('evaluate.new_date'), { optional: true }));
    blocks.push(
      textInput(EvaluateIds.reasonBlock(i), EvaluateIds.reasonInput(i), tr('evaluate.reason'), {
        optional: true,
        max: EvaluateFieldMax.reason,
        hint: tr('evaluate.reason_hint'),
      }),
    );
  });
  blocks.push(dateInput(EvaluateIds.nextBlock, EvaluateIds.nextInput, tr('evaluate.next'), { initial: vm.defaultNext }));
  blocks.push(textInput(EvaluateIds.summaryBlock, EvaluateIds.summaryInput, tr('evaluate.summary'), { optional: true, multiline: true, max: EvaluateFieldMax.summary }));
  const metadata: EvaluateMetadata = { f: vm.followUpId, g: vm.goals.map((g) => g.id) };
  return {
    type: 'modal',
    callback_id: EvaluateIds.view,
    title: plain(tr('evaluate.title'), Limits.modalTitle),
    submit: plain(tr('evaluate.submit'), Limits.modalTitle),
    close: plain(tr('common.cancel'), Limits.modalTitle),
    private_metadata: JSON.stringify(metadata),
    blocks,
  };
}
