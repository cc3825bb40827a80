import { FollowUpRepository } from './followups';
import { GoalRepository } from './goals';
import { PersonRepository } from './people';
import type { Db, PrismaClient } from './prisma';
import { WorkspaceRepository } from './workspaces';

export interface Repositories {
  workspaces: WorkspaceRepository;
  people: PersonRepository;
  followUps: FollowUpRepository;
  goals: GoalRepository;
}

export function repositories(db: Db): Repositories {
  return {
    workspaces: new WorkspaceRepository(db),
    people: new PersonRepository(db),
    followUps: new FollowUpRepository(db),
    goals: new GoalRepository(db),
  };
}

/** Runs `work` in one database transaction with repositories bound to it. */
export async function inTransaction<T>(prisma: PrismaClient, work: (repos: Repositories, tx: Db) => Promise<T>): Promise<T> {
  return prisma.$transaction((tx) => work(repositories(tx), tx));
}

export { WorkspaceRepository, PersonRepository, FollowUpRepository, GoalRepository };
