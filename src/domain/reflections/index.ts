import type { Repositories } from '../../data';
import type { FollowUpWithPeople } from '../../data/followups';
import type { Reflection } from '../../data/prisma';
import { createOnceByKey } from '../../data/createOnce';
import type { ReflectionPrompt } from '../../data/reflections';
import { NotAllowedError, NotFoundError, ValidationError, type FieldError } from '../errors';
import type { Eventful } from '../events';

export type { ReflectionPrompt } from '../../data/reflections';
import type { Actor } from '../people';
import { assertWritable } from '../privacy';
import type { BankQuestion, QuestionService } from '../questions';

export const PROMPTS_PER_REFLECTION = 3;
export const REFLECTION_ANSWER_MAX = 3000;

export interface ReflectionInput {
  followUpId: string;
  promptKeys: string[];
  answers: (string | null)[];
  share: boolean;
}

export interface WrittenReflection extends Eventful {
  reflection: Reflection;
  followUp: FollowUpWithPeople;
  duplicate: boolean;
}

/**
 * The rules of a reflection that need no lookup: one to three prompts, an answer slot per prompt
 * (empty allowed), and at least one answer. Errors are keyed by the form's field (answer1).
 */
export function reflectionRuleErrors(input: Pick<ReflectionInput, 'promptKeys' | 'answers'>): Record<string, FieldError> {
  if (input.promptKeys.length < 1 || input.promptKeys.length > PROMPTS_PER_REFLECTION || input.answers.length !== input.promptKeys.length) {
    return { answer1: { key: 'common.error_invalid_option' } };
  }
  if (input.answers.every((a) => !a)) return { answer1: { key: 'reflect.error_no_answer' } };
  return {};
}

/** The prompts of a set, in order, as a comparable string. */
const setOf = (keys: string[]) => [...keys].sort().join(',');

/**
 * Step 3: regular reflection. Private to the leader unless they tick "share with my senior
 * leader"; nobody else (not another senior leader, not an admin) may read it.
 */
export class ReflectionService {
  constructor(
    private readonly repos: Repositories,
    private readonly questions: QuestionService,
  ) {}

  /** A follow-up where the actor is the leader (only leaders write reflections). */
  async followUpAsLeader(actor: Actor, followUpId: string): Promise<FollowUpWithPeople> {
    const followUp = await this.repos.followUps.findById(followUpId);
    if (!followUp || followUp.workspaceId !== actor.teamId) throw new NotFoundError('follow-up');
    if (followUp.leaderId !== actor.person.id) throw new NotAllowedError('reflection (the leader only)');
    assertWritable(followUp, 'answer1');
    return followUp;
  }

  /**
   * The next prompts for a leader: up to three consecutive questions of the bank, continuing after
   * the last prompt of their previous reflection, so the set rotates and never repeats twice in a row.
   */
  async nextPrompts(actor: Actor): Promise<BankQuestion[]> {
    const bank = await this.questions.bank(actor.teamId, actor.locale);
    if (bank.length === 0) return [];
    const last = await this.repos.reflections.latestByAuthor(actor.person.id);
    const lastKeys = last ? (last.prompts as unknown as ReflectionPrompt[]).map((p) => p.key) : [];
    const lastIndex = lastKeys.length > 0 ? bank.findIndex((q) => q.key === lastKeys[lastKeys.length - 1]) : -1;
    const count = Math.min(PROMPTS_PER_REFLECTION, bank.length);
    for (let shift = 1; shift <= bank.length; shift++) {
      const start = (lastIndex + shift) % bank.length;
      const picked = Array.from({ length: count }, (_, i) => bank[(start + i) % bank.length]);
      if (setOf(picked.map((q) => q.key)) !== setOf(lastKeys) || bank.length <= count) return picked;
    }
    return bank.slice(0, count);
  }

  async write(actor: Actor, input: ReflectionInput, sourceKey: string | null): Promise<WrittenReflection> {
    const followUp = await this.followUpAsLeader(actor, input.followUpId);
    const shape = reflectionRuleErrors(input);
    if (shape.answer1?.key === 'common.error_invalid_option') throw new ValidationError(shape);
    const prompts = await this.questions.resolve(actor.teamId, actor.locale, input.promptKeys);
    if (prompts.length !== input.promptKeys.length) throw new ValidationError({ answer1: { key: 'reflect.error_prompts_changed' } });
    if (Object.keys(shape).length > 0) throw new ValidationError(shape);
    const { value: reflection, created } = await createOnceByKey(sourceKey, (key) => this.repos.reflections.findBySourceKey(key), () =>
      this.repos.reflections.create({
      followUpId: followUp.id,
      authorId: actor.person.id,
      prompts: prompts.map((p) => ({ key: p.key, text: p.text })),
      answers: input.answers.map((a) => a ?? ''),
      sharedWithSenior: input.share,
      sourceKey,
    }),
    );
    return { reflection, followUp, duplicate: !created, events: created ? [{ type: 'subjectChanged', kind: 'reflection', id: followUp.id }] : [] };
  }

  /** The author always; the senior leader of the follow-up only when shared; nobody else. */
  async get(actor: Actor, id: string): Promise<Reflection> {
    const reflection = await this.repos.reflections.findById(id);
    if (!reflection) throw new NotFoundError('reflection');
    const followUp = await this.repos.followUps.findById(reflection.followUpId);
    if (!followUp || followUp.workspaceId !== actor.teamId) throw new NotFoundError('reflection');
    if (reflection.authorId === actor.person.id) return reflection;
    if (followUp.seniorId === actor.person.id && reflection.sharedWithSenior) return reflection;
    throw new NotAllowedError('reflection');
  }

  /** The reflections of a follow-up the actor may read: all for the leader, shared ones for the senior leader. */
  async list(actor: Actor, followUpId: string): Promise<Reflection[]> {
    const followUp = await this.repos.followUps.findById(followUpId);
    if (!followUp || followUp.workspaceId !== actor.teamId) throw new NotFoundError('follow-up');
    if (followUp.leaderId === actor.person.id) return this.repos.reflections.listForFollowUp(followUpId, { sharedOnly: false });
    if (followUp.seniorId === actor.person.id) return this.repos.reflections.listForFollowUp(followUpId, { sharedOnly: true });
    throw new NotAllowedError('reflections');
  }
}
