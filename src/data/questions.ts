import { retryOnUniqueViolation } from './createOnce';
import type { Db, Locale, Question } from './prisma';

export interface NewQuestion {
  workspaceId: string;
  step: number | null;
  text: string;
  locale: Locale | null;
  createdById: string;
}

export class QuestionRepository {
  constructor(private readonly db: Db) {}

  /** Active questions of a workspace shown in a language (their own, or both). */
  listActive(workspaceId: string, locale: Locale): Promise<Question[]> {
    return this.db.question.findMany({
      where: { workspaceId, active: true, OR: [{ locale: null }, { locale }] },
      orderBy: { createdAt: 'asc' },
    });
  }

  findById(id: string): Promise<Question | null> {
    return this.db.question.findUnique({ where: { id } });
  }

  create(input: NewQuestion): Promise<Question> {
    return this.db.question.create({ data: input });
  }

  /** Remembers that a person wants a question on their next one-to-one (a repeated click refreshes it). */
  pick(workspaceId: string, personId: string, questionKey: string, at: Date): Promise<unknown> {
    return retryOnUniqueViolation(() =>
      this.db.agendaPick.upsert({
        where: { personId_questionKey: { personId, questionKey } },
        create: { workspaceId, personId, questionKey, createdAt: at },
        update: { createdAt: at },
      }),
    );
  }

  /** Question keys picked by any of `personIds` after `since` (all when null), newest first. */
  async picksSince(personIds: string[], since: Date | null): Promise<string[]> {
    const rows = await this.db.agendaPick.findMany({
      where: { personId: { in: personIds }, ...(since ? { createdAt: { gt: since } } : {}) },
      orderBy: { createdAt: 'desc' },
      select: { questionKey: true },
    });
    return [...new Set(rows.map((r) => r.questionKey))];
  }
}
