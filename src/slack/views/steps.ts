import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type { DevelopmentKind, DevelopmentStatus } from '../../data/prisma';
import { ACTION_MAX, CONVERSATION_NOTES_MAX, MAX_AGREED_ACTIONS } from '../../domain/conversations';
import { DEVELOPMENT_KINDS, DEVELOPMENT_STATUSES } from '../../domain/development';
import { FEEDBACK_PART_MAX } from '../../domain/feedback';
import { QUESTION_MAX, type BankQuestion } from '../../domain/questions';
import { REFLECTION_ANSWER_MAX } from '../../domain/reflections';
import type { Translate } from '../../i18n';
import { slackDay, type IsoDay } from '../../time/dates';
import { ConversationIds, DevelopIds, FeedbackIds, QuestionIds, ReflectIds, indexedAction } from '../ids';
import { button, context, esc, header, option, plain, section, truncate, userMention, Limits } from '../blocks';
import type { Message } from '../blocks';
import { dateInput, selectInput, textInput, userInput } from '../form/inputs';
import { metadata } from '../form/metadata';

/** A checkbox option for a long text: the first 75 characters as text, the next ones as description. */
export function longOption(text: string, value: string): PlainTextOption {
  const chars = Array.from(text);
  if (chars.length <= Limits.optionText) return option(text, value);
  let cut = chars.slice(0, Limits.optionText).join('').lastIndexOf(' ');
  if (cut < 40) cut = Limits.optionText;
  const head = chars.slice(0, cut).join('').trim();
  const rest = chars.slice(cut).join('').trim();
  return { ...option(head, value), description: plain(rest, Limits.optionText) };
}

function modal(callbackId: string, title: string, submit: string, close: string, blocks: KnownBlock[], meta?: Record<string, unknown>): ModalView {
  return {
    type: 'modal',
    callback_id: callbackId,
    ...(meta ? { private_metadata: metadata(meta) } : {}),
    title: plain(title, Limits.modalTitle),
    submit: plain(submit, Limits.modalTitle),
    close: plain(close, Limits.modalTitle),
    blocks,
  };
}

function checkboxes(blockId: string, actionId: string, label: string, options: PlainTextOption[], initial: PlainTextOption[], hint?: string): KnownBlock {
  return {
    type: 'input',
    block_id: blockId,
    optional: true,
    label: plain(label, Limits.label),
    ...(hint ? { hint: plain(hint, Limits.label) } : {}),
    element: { type: 'checkboxes', action_id: actionId, options: options.slice(0, 10), ...(initial.length > 0 ? { initial_options: initial.slice(0, 10) } : {}) },
  } as KnownBlock;
}

/** A message that asks which follow-up a step is about, one button per follow-up. */
export function followUpPickerMessage(tr: Translate, text: string, actionId: string, items: { followUpId: string; otherUserId: string }[]): Message {
  const blocks: KnownBlock[] = [section(text)];
  for (const [i, item] of items.slice(0, 45).entries()) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: userMention(item.otherUserId) }, accessory: button(tr('common.choose'), indexedAction(actionId, i + 1), item.followUpId) });
  }
  return { text, blocks };
}

// ── conversation (step 2) ────────────────────────────────────────────────────

export interface ConversationViewModel {
  followUpId: string;
  seniorUserId: string;
  leaderUserId: string;
  today: IsoDay;
  questions: BankQuestion[];
  preselected: string[];
  openActions: { id: string; what: string }[];
}

export function conversationModal(tr: Translate, vm: ConversationViewModel): ModalView {
  const qOptions = vm.questions.map((q) => longOption(q.text, q.key));
  const blocks: KnownBlock[] = [
    section(tr('conversation.intro', { senior: userMention(vm.seniorUserId), leader: userMention(vm.leaderUserId) })),
    dateInput(ConversationIds.dateBlock, ConversationIds.dateInput, tr('conversation.date'), { initial: vm.today }),
    checkboxes(
      ConversationIds.questionsBlock,
      ConversationIds.questionsInput,
      tr('conversation.agenda_questions'),
      qOptions,
      qOptions.filter((o) => vm.preselected.includes(o.value!)),
      vm.preselected.length > 0 ? tr('conversation.agenda_picked_hint') : undefined,
    ),
  ];
  if (vm.openActions.length > 0) {
    blocks.push(checkboxes(ConversationIds.openActionsBlock, ConversationIds.openActionsInput, tr('conversation.agenda_actions'), vm.openActions.map((a) => longOption(a.what, a.id)), []));
  }
  blocks.push(textInput(ConversationIds.notesBlock, ConversationIds.notesInput, tr('conversation.notes'), { optional: true, multiline: true, max: CONVERSATION_NOTES_MAX }));
  blocks.push(context(tr('conversation.actions_intro', { leader: userMention(vm.leaderUserId) })));
  for (let n = 1; n <= MAX_AGREED_ACTIONS; n++) {
    blocks.push(textInput(ConversationIds.actionBlock(n), ConversationIds.actionInput(n), tr('conversation.action_n', { n }), { optional: true, max: ACTION_MAX }));
    blocks.push(dateInput(ConversationIds.actionDueBlock(n), ConversationIds.actionDueInput(n), tr('conversation.action_due_n', { n }), { optional: true }));
  }
  return modal(ConversationIds.view, tr('conversation.title'), tr('common.save'), tr('common.cancel'), blocks, { followUpId: vm.followUpId });
}

export function conversationSavedText(tr: Translate, vars: { other: string; date: string; actions: number }): string {
  return vars.actions > 0 ? tr('conversation.saved_with_actions', vars) : tr('conversation.saved', vars);
}

export const conversationDate = slackDay;

// ── feedback (step 2) ────────────────────────────────────────────────────────

export function feedbackModal(tr: Translate, receiverUserId: string | null): ModalView {
  return modal(FeedbackIds.view, tr('feedback.title'), tr('feedback.submit'), tr('common.cancel'), [
    context(tr('feedback.intro')),
    userInput(FeedbackIds.receiverBlock, FeedbackIds.receiverInput, tr('feedback.receiver'), receiverUserId),
    textInput(FeedbackIds.worksBlock, FeedbackIds.worksInput, tr('feedback.works'), { multiline: true, max: FEEDBACK_PART_MAX, placeholder: tr('feedback.works_placeholder') }),
    textInput(FeedbackIds.improveBlock, FeedbackIds.improveInput, tr('feedback.improve'), { multiline: true, max: FEEDBACK_PART_MAX, placeholder: tr('feedback.improve_placeholder') }),
    textInput(FeedbackIds.adviceBlock, FeedbackIds.adviceInput, tr('feedback.advice'), { multiline: true, max: FEEDBACK_PART_MAX, placeholder: tr('feedback.advice_placeholder') }),
  ]);
}

/** The DM to the receiver: the three parts in order, headings in the receiver's language. */
export function feedbackMessage(tr: Translate, giverUserId: string, parts: { works: string; improve: string; advice: string }): Message {
  const text = tr('feedback.received', { giver: userMention(giverUserId) });
  return {
    text,
    blocks: [
      section(text),
      context(tr('feedback.private_note')),
      section(`*${tr('feedback.works')}*`),
      section(esc(parts.works)),
      section(`*${tr('feedback.improve')}*`),
      section(esc(parts.improve)),
      section(`*${tr('feedback.advice')}*`),
      section(esc(parts.advice)),
    ],
  };
}

// ── development (step 3) ─────────────────────────────────────────────────────

export function developModal(tr: Translate, leaderUserId: string | null): ModalView {
  const kind = (k: DevelopmentKind) => option(tr(`develop.kind.${k}`), k);
  const status = (s: DevelopmentStatus) => option(tr(`develop.status.${s}`), s);
  return modal(DevelopIds.view, tr('develop.title'), tr('common.save'), tr('common.cancel'), [
    userInput(DevelopIds.leaderBlock, DevelopIds.leaderInput, tr('goal.leader'), leaderUserId),
    selectInput(DevelopIds.kindBlock, DevelopIds.kindInput, tr('develop.kind'), DEVELOPMENT_KINDS.map(kind)),
    textInput(DevelopIds.titleBlock, DevelopIds.titleInput, tr('develop.activity'), { max: 150, placeholder: tr('develop.activity_placeholder') }),
    textInput(DevelopIds.providerBlock, DevelopIds.providerInput, tr('develop.provider'), { optional: true, max: 150 }),
    dateInput(DevelopIds.startBlock, DevelopIds.startInput, tr('develop.start'), { optional: true }),
    dateInput(DevelopIds.endBlock, DevelopIds.endInput, tr('develop.end'), { optional: true }),
    selectInput(DevelopIds.statusBlock, DevelopIds.statusInput, tr('develop.status'), DEVELOPMENT_STATUSES.map(status), { initial: status('PLANNED') }),
  ]);
}

// ── reflection (step 3) ──────────────────────────────────────────────────────

export function reflectModal(tr: Translate, vm: { followUpId: string; seniorUserId: string; prompts: BankQuestion[] }): ModalView {
  const blocks: KnownBlock[] = [context(tr('reflect.intro'))];
  vm.prompts.forEach((p, i) => {
    blocks.push(textInput(ReflectIds.answerBlock(i + 1), ReflectIds.answerInput(i + 1), p.text, { optional: true, multiline: true, max: REFLECTION_ANSWER_MAX }));
  });
  blocks.push(
    checkboxes(ReflectIds.shareBlock, ReflectIds.shareInput, tr('reflect.share_label'), [option(tr('reflect.share'), 'share')], [], tr('reflect.share_hint')),
  );
  return modal(ReflectIds.view, tr('reflect.title'), tr('common.save'), tr('common.cancel'), blocks, { followUpId: vm.followUpId, keys: vm.prompts.map((p) => p.key) });
}

/** To the senior leader when the leader shared a reflection: the prompts and answers. */
export function sharedReflectionMessage(tr: Translate, leaderUserId: string, items: { prompt: string; answer: string }[]): Message {
  const text = tr('reflect.shared_notice', { leader: userMention(leaderUserId) });
  const blocks: KnownBlock[] = [section(text)];
  for (const item of items) {
    blocks.push(context(esc(truncate(item.prompt, 500))));
    blocks.push(section(item.answer ? esc(item.answer) : `_${tr('reflect.no_answer')}_`));
  }
  return { text, blocks };
}

// ── question bank ────────────────────────────────────────────────────────────

const MAX_OWN_SHOWN = 20;

/** The bank in the reader's language, each question with "Add to next one-to-one". */
export function questionsMessage(tr: Translate, bank: BankQuestion[], isAdmin: boolean): Message {
  let n = 0;
  const row = (q: BankQuestion): KnownBlock => ({
    type: 'section',
    text: { type: 'mrkdwn', text: esc(truncate(q.text, 300)) },
    accessory: button(tr('questions.add_to_next'), indexedAction(QuestionIds.addToNextButton, ++n), q.key),
  });
  const guide = bank.filter((q) => q.source === 'guide');
  const steps = bank.filter((q) => q.source === 'step');
  const own = bank.filter((q) => q.source === 'workspace');
  const blocks: KnownBlock[] = [header(tr('questions.title')), context(tr('questions.intro')), section(`*${tr('questions.guide_heading')}*`), ...guide.map(row)];
  blocks.push(section(`*${tr('questions.steps_heading')}*`));
  for (const q of steps) {
    const r = row(q) as { text: { text: string } };
    r.text.text = `_${tr(`questions.step.${q.step as 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8}`)}_\n${r.text.text}`;
    blocks.push(r as KnownBlock);
  }
  if (own.length > 0) {
    blocks.push(section(`*${tr('questions.own_heading')}*`));
    blocks.push(...own.slice(0, MAX_OWN_SHOWN).map(row));
    if (own.length > MAX_OWN_SHOWN) blocks.push(context(tr('questions.more', { count: own.length - MAX_OWN_SHOWN })));
  }
  if (isAdmin) blocks.push({ type: 'actions', elements: [button(tr('questions.add_button'), QuestionIds.addButton)] });
  return { text: tr('questions.title'), blocks };
}

export function addQuestionModal(tr: Translate): ModalView {
  const stepOption = (n: number) => option(`${n}. ${tr(`questions.step.${n as 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8}`)}`, String(n));
  const lang = (l: 'both' | 'nb' | 'en') => option(tr(`questions.language.${l}`), l);
  return modal(QuestionIds.view, tr('questions.add_title'), tr('common.save'), tr('common.cancel'), [
    textInput(QuestionIds.textBlock, QuestionIds.textInput, tr('questions.text'), { multiline: true, max: QUESTION_MAX }),
    selectInput(QuestionIds.stepBlock, QuestionIds.stepInput, tr('questions.step'), [1, 2, 3, 4, 5, 6, 7, 8].map(stepOption), { optional: true }),
    selectInput(QuestionIds.languageBlock, QuestionIds.languageInput, tr('questions.language'), (['both', 'nb', 'en'] as const).map(lang), { radio: true, initial: lang('both') }),
  ]);
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
