import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';

export { PrismaClient };
export type { Prisma } from '../generated/prisma/client';
export * from '../generated/prisma/enums';
export type {
  Workspace,
  Person,
  FollowUp,
  Goal,
  GoalRevision,
  Milestone,
  CheckIn,
  Conversation,
  Feedback,
  Reflection,
  DevelopmentActivity,
  Evaluation,
  EvaluationItem,
  Barrier,
  ActionItem,
  Learning,
  Question,
  Reminder,
  Delivery,
  AgendaPick,
} from '../generated/prisma/client';

export function createPrisma(databaseUrl: string, options: { max?: number } = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.max ?? 10 });
  return new PrismaClient({ adapter });
}

/** A Prisma client or an interactive transaction: repositories accept either. */
export type Db = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

/** True when a write failed on a unique constraint (P2002). */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && (err as { code: unknown }).code === 'P2002';
}
