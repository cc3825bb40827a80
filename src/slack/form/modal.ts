import type { KnownBlock, ModalView } from '@slack/types';
import type { MessageKey, Translate } from '../../i18n';
import { Limits, plain } from '../blocks';
import { metadata } from './metadata';

export interface ModalSpec {
  callbackId: string;
  title: MessageKey;
  /** The submit button; "Save" unless given. */
  submit?: MessageKey;
  blocks: KnownBlock[];
  /** What the submission needs back (the follow-up, the prompts…); checked again on submit. */
  privateMetadata?: Record<string, unknown> | string;
}

/** A modal with its title, submit and "Cancel" in the reader's language, cut to Slack's limits. */
export function modalView(tr: Translate, spec: ModalSpec): ModalView {
  return {
    type: 'modal',
    callback_id: spec.callbackId,
    ...(spec.privateMetadata !== undefined ? { private_metadata: typeof spec.privateMetadata === 'string' ? spec.privateMetadata : metadata(spec.privateMetadata) } : {}),
    title: plain(tr(spec.title), Limits.modalTitle),
    submit: plain(tr(spec.submit ?? 'common.save'), Limits.modalTitle),
    close: plain(tr('common.cancel'), Limits.modalTitle),
    blocks: spec.blocks,
  };
}
