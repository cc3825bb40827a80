import { AuditRepository } from './audit';
import { BarrierRepository } from './barriers';
import { DashboardRepository } from './dashboard';
import { EvaluationRepository } from './evaluations';
import { ActionItemRepository } from './actions';
import { DeliveryRepository } from './deliveries';
import { FollowUpRepository } from './followups';
import { GoalRepository } from './goals';
import { LearningRepository } from './learnings';
import { PersonRepository } from './people';
import type { Db, PrismaClient } from './prisma';
import { ReminderRepository } from './reminders';
import { ScheduleRepository } from './schedule';
import { WorkspaceRepository } from './workspaces';
import { CheckInRepository } from './checkins';
import { MilestoneRepository } from './milestones';
import { ConversationRepository } from './conversations';
import { FeedbackRepository } from './feedback';
import { DevelopmentRepository } from './development';
import { ReflectionRepository } from './reflections';
import { QuestionRepository } from './questions';
import { RetentionRepository } from './retention';
import { ChartFileRepository } from './chartFiles';
import { HistoryRepository } from './history';
import { CalendarInviteRepository } from './calendarInvites';
import { HrRepository } from './hr';

export interface Repositories {
  workspaces: WorkspaceRepository;
  people: PersonRepository;
  followUps: FollowUpRepository;
  goals: GoalRepository;
  evaluations: EvaluationRepository;
  barriers: BarrierRepository;
  learnings: LearningRepository;
  dashboard: DashboardRepository;
  checkIns: CheckInRepository;
  milestones: MilestoneRepository;
  conversations: ConversationRepository;
  feedback: FeedbackRepository;
  development: DevelopmentRepository;
  reflections: ReflectionRepository;
  questions: QuestionRepository;
  reminders: ReminderRepository;
  deliveries: DeliveryRepository;
  actions: ActionItemRepository;
  schedule: ScheduleRepository;
  retention: RetentionRepository;
  audit: AuditRepository;
  chartFiles: ChartFileRepository;
  history: HistoryRepository;
  calendarInvites: CalendarInviteRepository;
  hr: HrRepository;
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
    checkIns: new CheckInRepository(db),
    milestones: new MilestoneRepository(db),
    conversations: new ConversationRepository(db),
    feedback: new FeedbackRepository(db),
    development: new DevelopmentRepository(db),
    reflections: new ReflectionRepository(db),
    questions: new QuestionRepository(db),
    reminders: new ReminderRepository(db),
    deliveries: new DeliveryRepository(db),
    actions: new ActionItemRepository(db),
    schedule: new ScheduleRepository(db),
    retention: new RetentionRepository(db),
    audit: new AuditRepository(db),
    chartFiles: new ChartFileRepository(db),
    history: new HistoryRepository(db),
    calendarInvites: new CalendarInviteRepository(db),
    hr: new HrRepository(db),
  };
}

/** Runs `work` in one database transaction with repositories bound to it. */
export async function inTransaction<T>(prisma: PrismaClient, work: (repos: Repositories, tx: Db) => Promise<T>): Promise<T> {
  return prisma.$transaction((tx) => work(repositories(tx), tx));
}

export { WorkspaceRepository, PersonRepository, FollowUpRepository, GoalRepository, EvaluationRepository, BarrierRepository, LearningRepository, DashboardRepository };
export { ReminderRepository, DeliveryRepository, ActionItemRepository, ScheduleRepository };
