import { modalView } from '../../form/modal';
import type { KnownBlock, ModalView } from '@slack/types';
import type { RecordedEvaluation } from '../../../domain/evaluations';
import { formatNumber, type Locale, type Translate } from '../../../i18n';
import { dateToDay, type IsoDay } from '../../../time/dates';
import type { DateFormatter } from '../../../i18n/dates';
import { context, esc, progressBar, section, truncate, userMention, type Message } from '../../blocks';
import { evaluateForm, goalFields } from './fields';

/** The evaluation modal's callback id and its blocks that are not inputs. */
export const EvaluateIds = {
  view: 'evaluate_view',
  introBlock: 'evaluate_intro_block',
  goalBlock: (i: number) => `evaluate_goal_${i}_block`,
} as const;

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
  /** The reader's dates (src/slack/dates.ts readerDates). */
  dates: DateFormatter;
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
  if (g.targetDate) parts.push(tr('goal.target_by', { date: vm.dates.day(g.targetDate) }));
  return parts.join(' · ');
}

/** The evaluation modal: per goal an assessment, a comment and an optional adjustment; then the next date. */
export function evaluateModal(tr: Translate, vm: EvaluateViewModel): ModalView {
  const f = evaluateForm;
  const intro = [tr('evaluate.intro', { leader: userMention(vm.leaderUserId) })];
  if (vm.hiddenGoals > 0) intro.push(tr('evaluate.hidden_goals', { count: vm.hiddenGoals, shown: vm.goals.length }));
  const blocks: KnownBlock[] = [{ ...context(intro.join('\n')), block_id: EvaluateIds.introBlock } as KnownBlock];
  vm.goals.forEach((g, i) => {
    blocks.push({ ...section(goalSummary(tr, g, vm)), block_id: EvaluateIds.goalBlock(i) } as KnownBlock);
    // A new target only for a goal with a measure.
    const shown = goalFields(i).filter((name) => name !== `target${i}` || (g.baseline !== null && g.target !== null));
    blocks.push(...f.blocks(tr, {}, shown));
  });
  blocks.push(f.block('next', tr, { initial: vm.defaultNext }), f.block('summary', tr));
  const metadata: EvaluateMetadata = { f: vm.followUpId, g: vm.goals.map((g) => g.id) };
  return modalView(tr, {
    callbackId: EvaluateIds.view,
    title: 'evaluate.title',
    submit: 'evaluate.submit',
    privateMetadata: { ...metadata },
    blocks,
  });
}

/** The evaluation as one message, in the reader's language and zone. */
export function evaluationMessage(tr: Translate, locale: Locale, dates: DateFormatter, r: RecordedEvaluation, headline: string): Message {
  const lines = [headline];
  const next = r.evaluation.nextEvaluationOn ? dates.day(dateToDay(r.evaluation.nextEvaluationOn)) : tr('common.none');
  for (const item of r.evaluation.items) {
    const line = tr('evaluate.done_item', { title: esc(truncate(r.titles[item.goalId] ?? '', 150)), assessment: tr(`evaluate.assessment.${item.assessment}`) });
    lines.push(item.comment ? `${line}: ${esc(truncate(item.comment, 300))}` : line);
  }
  for (const g of r.achieved) lines.push(tr('evaluate.done_achieved', { title: esc(truncate(g.title, 150)) }));
  for (const g of r.adjusted) {
    const parts: string[] = [];
    if (g.target !== null) parts.push(tr('evaluate.done_target', { target: formatNumber(locale, g.target) }));
    if (g.targetDate) parts.push(tr('goal.target_by', { date: dates.day(dateToDay(g.targetDate)) }));
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
