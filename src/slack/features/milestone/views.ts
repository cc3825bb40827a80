import { modalView } from '../../form/modal';
import type { ModalView } from '@slack/types';
import type { Translate } from '../../../i18n';
import { context, option, truncate } from '../../blocks';
import { milestoneForm } from './fields';

export const MilestoneViewIds = { view: 'milestone_view' } as const;

export interface MilestoneChoice {
  id: string;
  title: string;
  goalTitle: string;
  leaderName: string;
}

/** Choose an open milestone to mark done. */
export function milestoneModal(tr: Translate, choices: MilestoneChoice[], selectedId: string | null): ModalView {
  const opt = (m: MilestoneChoice) => option(`${truncate(m.title, 40)} · ${truncate(m.goalTitle, 20)} · ${m.leaderName}`, m.id);
  const selected = choices.find((c) => c.id === selectedId) ?? null;
  return modalView(tr, {
    callbackId: MilestoneViewIds.view,
    title: 'milestone.title',
    submit: 'milestone.submit',
    blocks: [context(tr('milestone.intro')), milestoneForm.block('milestone', tr, { options: choices.slice(0, 100).map(opt), initial: selected?.id ?? null })],
  });
}
