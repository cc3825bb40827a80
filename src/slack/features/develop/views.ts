import type { ModalView } from '@slack/types';
import { DEVELOPMENT_STATUSES, type DevelopmentStatus } from '../../../domain/vocabulary';
import type { Translate } from '../../../i18n';
import { button, section, type Message } from '../../blocks';
import { modalView } from '../../form/modal';
import { indexedAction } from '../../ids';
import { DevelopIds, developForm } from './fields';

/** Step 3: a development activity — course, programme, coaching or mentoring. */
export function developModal(tr: Translate, leaderUserId: string | null): ModalView {
  return modalView(tr, { callbackId: DevelopIds.view, title: 'develop.title', blocks: developForm.blocks(tr, { leaderUserId: { initial: leaderUserId } }) });
}

/** Confirmation of a development activity, with buttons to move its status on. */
export function developSavedMessage(tr: Translate, text: string, activityId: string, status: DevelopmentStatus): Message {
  const others = DEVELOPMENT_STATUSES.filter((s) => s !== status);
  return {
    text,
    blocks: [
      section(text),
      {
        type: 'actions',
        elements: others.map((s, i) => button(tr('develop.set_status', { status: tr(`develop.status.${s}`) }), indexedAction(DevelopIds.statusButton, i + 1), `${activityId}.${s}`)),
      },
    ],
  };
}
