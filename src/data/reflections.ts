import type { Db, Prisma, Reflection } from './prisma';

export interface ReflectionPrompt {
  key: string;
  text: string;
}

export interface NewReflection {
  followUpId: string;
  authorId: string;
  prompts: ReflectionPrompt[];
  answers: string[];
  sharedWithSenior: boolean;
  sourceKey: string | null;
}

export class ReflectionRepository {
  constructor(private readonly db: Db) {}

  findBySourceKey(sourceKey: string): Promise<Reflection | null> {
    return this.db.reflection.findUnique({ where: { sourceKey } });
  }

  findById(id: string): Promise<Reflection | null> {
    return this.db.reflection.findUnique({ where: { id } });
  }

  create(input: NewReflection): Promise<Reflection> {
    return this.db.reflection.create({
      data: {
        ...input,
        prompts: input.prompts as unknown as Prisma.InputJsonValue,
        answers: input.answers as unknown as Prisma.InputJsonValue,
      },
    });
  }

  /** The latest reflection a leader wrote (in any follow-up), for prompt rotation. */
  latestByAuthor(authorId: string): Promise<Reflection | null> {
    return this.db.reflection.findFirst({ where: { authorId }, orderBy: { createdAt: 'desc' } });
  }

  listForFollowUp(followUpId: string, opts: { sharedOnly: boolean }, take = 20): Promise<Reflection[]> {
    return this.db.reflection.findMany({
      where: { followUpId, ...(opts.sharedOnly ? { sharedWithSenior: true } : {}) },
      orderBy: { createdAt: 'desc' },
      take,
    });
  }
}
