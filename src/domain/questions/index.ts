import type { PeopleService, Actor } from '../people';
import type { Repositories } from '../../data';
import type { Locale, Question } from '../../data/prisma';
import { t, type Locale as AppLocale, type MessageKey } from '../../i18n';
import type { Clock } from '../../time/clock';
import { NotAllowedError, ValidationError, type FieldError } from '../errors';

export type { Question } from '../../data/prisma';

/** A question of the bank, in one language. Keys: g1–g8 (the guide), s1a… (step prompts), q-<id> (workspace). */
export interface BankQuestion {
  key: string;
  text: string;
  step: number | null;
  source: 'guide' | 'step' | 'workspace';
}

interface Builtin {
  key: string;
  step: number;
  source: 'guide' | 'step';
  message: MessageKey;
}

/** The guide's eight questions (READING.md), then one or two prompts per step. */
export const BUILTIN_QUESTIONS: readonly Builtin[] = [
  { key: 'g1', step: 2, source: 'guide', message: 'questions.g1' },
  { key: 'g2', step: 2, source: 'guide', message: 'questions.g2' },
  { key: 'g3', step: 5, source: 'guide', message: 'questions.g3' },
  { key: 'g4', step: 8, source: 'guide', message: 'questions.g4' },
  { key: 'g5', step: 3, source: 'guide', message: 'questions.g5' },
  { key: 'g6', step: 3, source: 'guide', message: 'questions.g6' },
  { key: 'g7', step: 3, source: 'guide', message: 'questions.g7' },
  { key: 'g8', step: 8, source: 'guide', message: 'questions.g8' },
  { key: 's1a', step: 1, source: 'step', message: 'questions.s1a' },
  { key: 's1b', step: 1, source: 'step', message: 'questions.s1b' },
  { key: 's2a', step: 2, source: 'step', message: 'questions.s2a' },
  { key: 's3a', step: 3, source: 'step', message: 'questions.s3a' },
  { key: 's3b', step: 3, source: 'step', message: 'questions.s3b' },
  { key: 's4a', step: 4, source: 'step', message: 'questions.s4a' },
  { key: 's4b', step: 4, source: 'step', message: 'questions.s4b' },
  { key: 's5a', step: 5, source: 'step', message: 'questions.s5a' },
  { key: 's5b', step: 5, source: 'step', message: 'questions.s5b' },
  { key: 's6a', step: 6, source: 'step', message: 'questions.s6a' },
  { key: 's7a', step: 7, source: 'step', message: 'questions.s7a' },
  { key: 's7b', step: 7, source: 'step', message: 'questions.s7b' },
  { key: 's8a', step: 8, source: 'step', message: 'questions.s8a' },
  { key: 's8b', step: 8, source: 'step', message: 'questions.s8b' },
];

export const QUESTION_MAX = 500;
/** A question's key as it travels in buttons and modals: a guide question, a step prompt, or a workspace question. */
export const QUESTION_KEY = /^(g[1-8]|s[1-8][ab]|q-[a-z0-9]{10,40})$/;
/** The steps of the guide a question may belong to. */
export const QUESTION_STEPS = ['1', '2', '3', '4', '5', '6', '7', '8'] as const;
/** 'both' (the stored value of a question for every language, kept for open modals) or one language. */
export const QUESTION_LANGUAGES = ['both', 'nb', 'nn', 'en'] as const;

/** The rule of a new question that needs no lookup: its step, when given, is one of the guide's eight. */
export function questionRuleErrors(input: Pick<NewQuestionInput, 'step'>): Record<string, FieldError> {
  if (input.step !== null && (!Number.isInteger(input.step) || input.step < 1 || input.step > 8)) return { step: { key: 'common.error_invalid_option' } };
  return {};
}
export type QuestionLanguage = (typeof QUESTION_LANGUAGES)[number];

export interface NewQuestionInput {
  text: string;
  step: number | null;
  language: QuestionLanguage;
}

const workspaceKey = (q: Question) => `q-${q.id}`;

export class QuestionService {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    /** Confirms admin status with Slack (fails closed). */
    private readonly people?: Pick<PeopleService, 'confirmAdmin'>,
  ) {}

  /** The whole bank in one language: the guide's questions, the step prompts, then the workspace's own. */
  async bank(workspaceId: string, locale: AppLocale): Promise<BankQuestion[]> {
    const own = await this.repos.questions.listActive(workspaceId, locale as Locale);
    return [
      ...BUILTIN_QUESTIONS.map((b) => ({ key: b.key, text: t(locale, b.message), step: b.step, source: b.source })),
      ...own.map((q) => ({ key: workspaceKey(q), text: q.text, step: q.step, source: 'workspace' as const })),
    ];
  }

  /** Questions by key in one language; unknown keys (a removed question, a forged key) are left out. */
  async resolve(workspaceId: string, locale: AppLocale, keys: string[]): Promise<BankQuestion[]> {
    const bank = await this.bank(workspaceId, locale);
    const byKey = new Map(bank.map((q) => [q.key, q]));
    return keys.map((k) => byKey.get(k)).filter((q): q is BankQuestion => q !== undefined);
  }

  /** Adds a workspace question. Only workspace admins (Slack is_admin) may. */
  async add(actor: Actor, input: NewQuestionInput): Promise<Question> {
    if (this.people) await this.people.confirmAdmin(actor);
    else if (!actor.person.isAdmin) throw new NotAllowedError('question bank (admins only)');
    const errors = questionRuleErrors(input);
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);
    return this.repos.questions.create({
      workspaceId: actor.teamId,
      step: input.step,
      text: input.text,
      locale: input.language === 'both' ? null : input.language,
      createdById: actor.person.id,
    });
  }

  /** "Add to next one-to-one": remembered for the actor until their next logged conversation. */
  async pickForNextOneToOne(actor: Actor, key: string): Promise<BankQuestion> {
    const [question] = await this.resolve(actor.teamId, actor.locale, [key]);
    if (!question) throw new ValidationError({ question: { key: 'common.error_not_found' } });
    await this.repos.questions.pick(actor.teamId, actor.person.id, key, this.clock.now().toJSDate());
    return question;
  }
}
