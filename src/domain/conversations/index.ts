import { inTransaction, type Repositories } from '../../data';
import type { AgendaEntry, ConversationWithActions } from '../../data/conversations';
import type { FollowUpWithPeople } from '../../data/followups';
import type { ActionItem, Conversation, PrismaClient } from '../../data/prisma';
import { createOnceByKey } from '../../data/createOnce';
import { todayIn, type Clock } from '../../time/clock';
import { dayToDate, type IsoDay } from '../../time/dates';
import { NotFoundError, ValidationError, type FieldError } from '../errors';
import type { DomainEvent, Eventful } from '../events';
import type { Actor } from '../people';
import { assertParticipant, assertWritable } from '../privacy';
import type { BankQuestion, QuestionService } from '../questions';

export const MAX_AGREED_ACTIONS = 3;
export const MAX_AGENDA_OPTIONS = 10;
export const CONVERSATION_NOTES_MAX = 3000;
export const ACTION_MAX = 300;

export interface ConversationInput {
  followUpId: string;
  heldOn: IsoDay;
  questionKeys: string[];
  actionItemIds: string[];
  notes: string | null;
  actions: { what: string | null; dueDate: IsoDay | null }[];
}

export interface ConversationContext {
  followUp: FollowUpWithPeople;
  /** Questions offered as agenda (≤ 10): the ones picked since the last conversation first. */
  questions: BankQuestion[];
  preselected: string[];
  openActions: ActionItem[];
  today: IsoDay;
}

export interface LoggedConversation extends Eventful {
  conversation: ConversationWithActions;
  followUp: FollowUpWithPeople;
  duplicate: boolean;
}

/**
 * The rules of a conversation that need no lookup: not in the future, a due date only with an
 * action and not in the past, at most three actions, and something to keep (notes, an agenda
 * point or an action). `questions` is how many of the chosen agenda questions still exist.
 * Errors are keyed by the form's field names (heldOn, notes, action<n>, actionDue<n>).
 */
export function conversationRuleErrors(input: Pick<ConversationInput, 'heldOn' | 'notes' | 'actionItemIds' | 'actions'>, today: IsoDay, questions: number): Record<string, FieldError> {
  const errors: Record<string, FieldError> = {};
  if (input.heldOn > today) errors.heldOn = { key: 'conversation.error_date_future' };
  input.actions.forEach((a, i) => {
    const n = i + 1;
    if (!a.what && a.dueDate) errors[`action${n}`] = { key: 'conversation.error_due_without_action' };
    else if (a.dueDate && a.dueDate < today) errors[`actionDue${n}`] = { key: 'common.error_date_past' };
  });
  if (input.actions.length > MAX_AGREED_ACTIONS) errors.action1 = { key: 'common.error_invalid_option' };
  const agreed = input.actions.filter((a) => !!a.what);
  if (!input.notes && questions === 0 && input.actionItemIds.length === 0 && agreed.length === 0) errors.notes = { key: 'conversation.error_empty' };
  return errors;
}

/** What logging a conversation changes: the follow-up's conversation plan, and each agreed action's reminders. */
function conversationEvents(followUpId: string, conversation: ConversationWithActions): DomainEvent[] {
  return [{ type: 'subjectChanged', kind: 'conversation', id: followUpId }, ...conversation.actions.map((a) => ({ type: 'subjectChanged', kind: 'action', id: a.id } satisfies DomainEvent))];
}

/** Step 2: one-to-ones — date, agenda from the question bank and open items, notes, agreed actions. */
export class ConversationService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly repos: Repositories,
    private readonly questions: QuestionService,
    private readonly clock: Clock,
  ) {}

  /** A follow-up the actor takes part in (senior leader or leader), else not found / not allowed. */
  async followUpFor(actor: Actor, followUpId: string): Promise<FollowUpWithPeople> {
    const followUp = await this.repos.followUps.findById(followUpId);
    if (!followUp || followUp.workspaceId !== actor.teamId || followUp.status !== 'ACTIVE') throw new NotFoundError('follow-up');
    assertParticipant(followUp, actor.person.id);
    return followUp;
  }

  /** A follow-up the actor takes part in and may record in (pending and ended ones are read-only). */
  private async writableFollowUp(actor: Actor, followUpId: string): Promise<FollowUpWithPeople> {
    const followUp = await this.repos.followUps.findById(followUpId);
    if (!followUp || followUp.workspaceId !== actor.teamId) throw new NotFoundError('follow-up');
    assertParticipant(followUp, actor.person.id);
    assertWritable(followUp, 'heldOn');
    return followUp;
  }

  /** What the conversation modal offers: agenda questions (picked ones pre-selected) and open action items. */
  async context(actor: Actor, followUpId: string): Promise<ConversationContext> {
    const followUp = await this.writableFollowUp(actor, followUpId);
    const since = await this.repos.conversations.lastLoggedAt(followUp.id);
    const picked = await this.repos.questions.picksSince([followUp.seniorId, followUp.leaderId], since);
    const bank = await this.questions.bank(actor.teamId, actor.locale);
    const byKey = new Map(bank.map((q) => [q.key, q]));
    const preselected = picked.filter((k) => byKey.has(k)).slice(0, MAX_AGENDA_OPTIONS);
    const offered = [...preselected.map((k) => byKey.get(k)!)];
    const conversationFirst = [...bank.filter((q) => q.step === 2), ...bank.filter((q) => q.source === 'guide')];
    for (const q of conversationFirst) {
      if (offered.length >= MAX_AGENDA_OPTIONS) break;
      if (!offered.some((o) => o.key === q.key)) offered.push(q);
    }
    const openActions = await this.repos.conversations.openActions(followUp.id, MAX_AGENDA_OPTIONS);
    return { followUp, questions: offered, preselected, openActions, today: this.today(actor) };
  }

  today(actor: Actor): IsoDay {
    return todayIn(this.clock, actor.zone);
  }

  async log(actor: Actor, input: ConversationInput, sourceKey: string | null): Promise<LoggedConversation> {
    const followUp = await this.writableFollowUp(actor, input.followUpId);
    const today = this.today(actor);
    const questions = await this.questions.resolve(actor.teamId, actor.locale, input.questionKeys);
    const open = await this.repos.conversations.openActions(followUp.id, 1000);
    const openById = new Map(open.map((a) => [a.id, a]));
    const errors: Record<string, FieldError> = {};
    if (questions.length !== new Set(input.questionKeys).size) errors.questions = { key: 'common.error_invalid_option' };
    if (input.actionItemIds.some((id) => !openById.has(id))) errors.openActions = { key: 'common.error_invalid_option' };
    Object.assign(errors, conversationRuleErrors(input, today, questions.length));
    const agreed = input.actions.filter((a): a is { what: string; dueDate: IsoDay | null } => !!a.what);
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);

    const agenda: AgendaEntry[] = [
      ...questions.map((q) => ({ questionKey: q.key, text: q.text })),
      ...input.actionItemIds.map((id) => ({ actionItemId: id, text: openById.get(id)!.what })),
    ];
    const { value: conversation, created } = await createOnceByKey(sourceKey, (key) => this.repos.conversations.findBySourceKey(key), () =>
      inTransaction(this.prisma, (repos) =>
      repos.conversations.create({
        followUpId: followUp.id,
        heldOn: dayToDate(input.heldOn),
        agenda,
        notes: input.notes,
        loggedById: actor.person.id,
        sourceKey,
        ownerId: followUp.leaderId,
        createdAt: this.clock.now().toJSDate(),
        actions: agreed.map((a) => ({ what: a.what, dueDate: a.dueDate ? dayToDate(a.dueDate) : null })),
      }),
    ),
    );
    return { conversation, followUp, duplicate: !created, events: created ? conversationEvents(followUp.id, conversation) : [] };
  }

  /** One conversation, for the two people of its follow-up only. */
  async get(actor: Actor, id: string): Promise<ConversationWithActions> {
    const conversation = await this.repos.conversations.findById(id);
    if (!conversation) throw new NotFoundError('conversation');
    await this.followUpFor(actor, conversation.followUpId);
    return conversation;
  }

  async list(actor: Actor, followUpId: string): Promise<Conversation[]> {
    await this.followUpFor(actor, followUpId);
    return this.repos.conversations.listForFollowUp(followUpId);
  }
}
