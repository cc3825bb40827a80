import type { DevelopmentKind, DevelopmentStatus } from '../../data/prisma';
import { ACTION_MAX, CONVERSATION_NOTES_MAX, MAX_AGENDA_OPTIONS, MAX_AGREED_ACTIONS, type ConversationInput } from '../../domain/conversations';
import { DEVELOPMENT_KINDS, DEVELOPMENT_STATUSES, type DevelopmentInput } from '../../domain/development';
import { FEEDBACK_PART_MAX, type FeedbackInput } from '../../domain/feedback';
import { QUESTION_MAX, type NewQuestionInput, type QuestionLanguage } from '../../domain/questions';
import { PROMPTS_PER_REFLECTION, REFLECTION_ANSWER_MAX, type ReflectionInput } from '../../domain/reflections';
import { ConversationIds, DevelopIds, FeedbackIds, QuestionIds, ReflectIds } from '../ids';
import { RECORD_ID } from '../../domain/vocabulary';
import { parseMetadata } from '../form/metadata';
import { FormReader, type BlockErrors, type StateValues } from '../form/reader';

type Read<I> = { input: I | null; errors: BlockErrors };
const isId = (v: unknown): v is string => typeof v === 'string' && RECORD_ID.test(v);
export const QUESTION_KEY = /^(g[1-8]|s[1-8][ab]|q-[a-z0-9]{10,40})$/;

/** The follow-up a modal is about, from private_metadata (checked again by the domain). */
function followUpIdFrom(privateMetadata: string): string | null {
  const meta = parseMetadata(privateMetadata);
  return meta && isId(meta.followUpId) ? meta.followUpId : null;
}

export function readConversationForm(values: StateValues, privateMetadata: string): Read<ConversationInput> {
  const f = new FormReader(values);
  const followUpId = followUpIdFrom(privateMetadata);
  if (!followUpId) f.errors[ConversationIds.dateBlock] = { key: 'common.error_not_found' };
  const heldOn = f.date(ConversationIds.dateBlock, ConversationIds.dateInput, { required: true });
  const questionKeys = f.options(ConversationIds.questionsBlock, ConversationIds.questionsInput, { max: MAX_AGENDA_OPTIONS });
  if (questionKeys.some((k) => !QUESTION_KEY.test(k))) f.errors[ConversationIds.questionsBlock] = { key: 'common.error_invalid_option' };
  const actionItemIds = f.options(ConversationIds.openActionsBlock, ConversationIds.openActionsInput, { max: MAX_AGENDA_OPTIONS });
  if (actionItemIds.some((k) => !isId(k))) f.errors[ConversationIds.openActionsBlock] = { key: 'common.error_invalid_option' };
  const notes = f.text(ConversationIds.notesBlock, ConversationIds.notesInput, { max: CONVERSATION_NOTES_MAX });
  const actions: ConversationInput['actions'] = [];
  for (let n = 1; n <= MAX_AGREED_ACTIONS; n++) {
    actions.push({
      what: f.text(ConversationIds.actionBlock(n), ConversationIds.actionInput(n), { max: ACTION_MAX }),
      dueDate: f.date(ConversationIds.actionDueBlock(n), ConversationIds.actionDueInput(n)),
    });
  }
  if (!f.ok || !followUpId || !heldOn) return { input: null, errors: f.errors };
  return { input: { followUpId, heldOn, questionKeys, actionItemIds, notes, actions }, errors: {} };
}

export function conversationBlocks(): Record<string, string> {
  const map: Record<string, string> = {
    heldOn: ConversationIds.dateBlock,
    questions: ConversationIds.questionsBlock,
    openActions: ConversationIds.openActionsBlock,
    notes: ConversationIds.notesBlock,
  };
  for (let n = 1; n <= MAX_AGREED_ACTIONS; n++) {
    map[`action${n}`] = ConversationIds.actionBlock(n);
    map[`actionDue${n}`] = ConversationIds.actionDueBlock(n);
  }
  return map;
}

export function readFeedbackForm(values: StateValues): Read<FeedbackInput> {
  const f = new FormReader(values);
  const receiverUserId = f.user(FeedbackIds.receiverBlock, FeedbackIds.receiverInput, { required: true });
  const works = f.text(FeedbackIds.worksBlock, FeedbackIds.worksInput, { required: true, max: FEEDBACK_PART_MAX });
  const improve = f.text(FeedbackIds.improveBlock, FeedbackIds.improveInput, { required: true, max: FEEDBACK_PART_MAX });
  const advice = f.text(FeedbackIds.adviceBlock, FeedbackIds.adviceInput, { required: true, max: FEEDBACK_PART_MAX });
  if (!f.ok || !receiverUserId || !works || !improve || !advice) return { input: null, errors: f.errors };
  return { input: { receiverUserId, works, improve, advice }, errors: {} };
}

export const feedbackBlocks = { receiver: FeedbackIds.receiverBlock };

export function readDevelopForm(values: StateValues): Read<DevelopmentInput> {
  const f = new FormReader(values);
  const leaderUserId = f.user(DevelopIds.leaderBlock, DevelopIds.leaderInput, { required: true });
  const kind = f.option<DevelopmentKind>(DevelopIds.kindBlock, DevelopIds.kindInput, DEVELOPMENT_KINDS, { required: true });
  const title = f.text(DevelopIds.titleBlock, DevelopIds.titleInput, { required: true, max: 150 });
  const provider = f.text(DevelopIds.providerBlock, DevelopIds.providerInput, { max: 150 });
  const startsOn = f.date(DevelopIds.startBlock, DevelopIds.startInput);
  const endsOn = f.date(DevelopIds.endBlock, DevelopIds.endInput);
  const status = f.option<DevelopmentStatus>(DevelopIds.statusBlock, DevelopIds.statusInput, DEVELOPMENT_STATUSES, { required: true });
  if (!f.ok || !leaderUserId || !kind || !title || !status) return { input: null, errors: f.errors };
  return { input: { leaderUserId, kind, title, provider, startsOn, endsOn, status }, errors: {} };
}

export const developBlocks = { leader: DevelopIds.leaderBlock, endsOn: DevelopIds.endBlock };

export function readReflectForm(values: StateValues, privateMetadata: string): Read<ReflectionInput> {
  const f = new FormReader(values);
  const meta = parseMetadata(privateMetadata);
  const followUpId = followUpIdFrom(privateMetadata);
  const keys = Array.isArray(meta?.keys) ? (meta.keys as unknown[]).filter((k): k is string => typeof k === 'string' && QUESTION_KEY.test(k)) : [];
  if (!followUpId || keys.length < 1 || keys.length > PROMPTS_PER_REFLECTION) {
    return { input: null, errors: { [ReflectIds.answerBlock(1)]: { key: 'common.error_not_found' } } };
  }
  const answers = keys.map((_, i) => f.text(ReflectIds.answerBlock(i + 1), ReflectIds.answerInput(i + 1), { max: REFLECTION_ANSWER_MAX }));
  const share = f.options(ReflectIds.shareBlock, ReflectIds.shareInput, { allowed: ['share'] }).includes('share');
  if (f.ok && answers.every((a) => !a)) f.errors[ReflectIds.answerBlock(1)] = { key: 'reflect.error_no_answer' };
  if (!f.ok) return { input: null, errors: f.errors };
  return { input: { followUpId, promptKeys: keys, answers, share }, errors: {} };
}

export function reflectBlocks(): Record<string, string> {
  return { answer1: ReflectIds.answerBlock(1) };
}

export function readQuestionForm(values: StateValues): Read<NewQuestionInput> {
  const f = new FormReader(values);
  const text = f.text(QuestionIds.textBlock, QuestionIds.textInput, { required: true, max: QUESTION_MAX });
  const step = f.option(QuestionIds.stepBlock, QuestionIds.stepInput, ['1', '2', '3', '4', '5', '6', '7', '8']);
  const language = f.option<QuestionLanguage>(QuestionIds.languageBlock, QuestionIds.languageInput, ['both', 'nb', 'en'], { required: true });
  if (!f.ok || !text || !language) return { input: null, errors: f.errors };
  return { input: { text, step: step ? Number(step) : null, language }, errors: {} };
}

export const questionBlocks = { text: QuestionIds.textBlock, step: QuestionIds.stepBlock };
