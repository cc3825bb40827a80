import { BarrierRepository } from './barriers';
import { DashboardRepository } from './dashboard';
import { EvaluationRepository } from './evaluations';
import { FollowUpRepository } from './followups';
import { GoalRepository } from './goals';
import { LearningRepository } from './learnings';
import { PersonRepository } from './people';
import type { Db, PrismaClient } from './prisma';
import { WorkspaceRepository } from './workspaces';

export interface Repositories {
  workspaces: WorkspaceRepository;
  people: PersonRepository;
  followUps: FollowUpRepository;
  goals: GoalRepository;
  evaluations: EvaluationRepository;
  barriers: BarrierRepository;
  learnings: LearningRepository;
  dashboard: DashboardRepository;
}

export function repositories(db: Db): Repositories {
  return {
    workspaces: new WorkspaceRepository(db),
    people: new PersonRepository(db),
    followUps: new FollowUpRepository(db),
    goals: new GoalRepository(db),
    evaluations: new EvaluationRepository(db),
    barriers: new BarrierRepository(db),
    learnings: new LearningRepository(db),
    dashboard: new DashboardRepository(db),
  };
}

/** Runs `work` in one database transaction with repositories bound to it. */
export async function inTransaction<T>(prisma: PrismaClient, work: (repos: Repositories, tx: Db) => Promise<T>): Promise<T> {
  return prisma.$transaction((tx) => work(repositories(tx), tx));
}

export { WorkspaceRepository, PersonRepository, FollowUpRepository, GoalRepository, EvaluationRepository, BarrierRepository, LearningRepository, DashboardRepository };
