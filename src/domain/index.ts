import type { Logger } from 'pino';
import { repositories, type Repositories } from '../data';
import type { PrismaClient } from '../data/prisma';
import type { Clock } from '../time/clock';
import { ExportService } from './export';
import { ChartService } from './charts';
import { HistoryService } from './history';
import { CalendarService } from './calendar';
import { BarrierService } from './barriers';
import { EvaluationService } from './evaluations';
import { FollowUpService } from './followups';
import { GoalService } from './goals';
import { HomeService } from './home';
import { LearningService } from './learnings';
import { CheckInService } from './checkins';
import { MilestoneService } from './milestones';
import { ConversationService } from './conversations';
import { FeedbackService } from './feedback';
import { DevelopmentService } from './development';
import { ReflectionService } from './reflections';
import { QuestionService } from './questions';
import { PeopleService, type Defaults } from './people';
import { noDomainEvents, noJobScheduler, type DomainEvents, type JobScheduler, type SlackGateway } from './ports';
import { SettingsService } from './settings';
import { HrService } from './hr';
import { StatusService } from './status';
import { PlanService } from './plans';
import { ReminderService } from './reminders';
import { SchedulerEvents } from './reminders/scheduling';
import { LifecycleService } from './lifecycle';
import { RetentionService } from './retention';

export interface DomainDeps {
  prisma: PrismaClient;
  slack: SlackGateway;
  clock: Clock;
  defaults: Defaults;
  logger: Logger;
  /**
   * Where background use cases publish what they cause (a workspace found reinstalled while a request
   * resolves its person; a person who left). Request use cases return their events instead, and the
   * Slack runners publish them after the ack. Tests pass a recorder.
   */
  events?: DomainEvents;
  /** Days after app_uninstalled before a workspace is purged (RETENTION_DAYS_AFTER_UNINSTALL; default 30). */
  retentionDaysAfterUninstall?: number;
  /** The queues' producer side (reminder planning); none when absent. */
  jobs?: JobScheduler;
  /**
   * The workspace whose data a request of this Slack team uses: the team itself, or (Enterprise
   * Grid org-wide install) the enterprise, so a person in two workspaces of one org is one person.
   */
  workspaceOf?: (teamId: string) => string;
}

/** Every use case, wired once per process. */
export interface Services {
  repos: Repositories;
  clock: Clock;
  people: PeopleService;
  followUps: FollowUpService;
  goals: GoalService;
  home: HomeService;
  exports: ExportService;
  evaluations: EvaluationService;
  barriers: BarrierService;
  learnings: LearningService;
  status: StatusService;
  settings: SettingsService;
  checkIns: CheckInService;
  milestones: MilestoneService;
  conversations: ConversationService;
  feedback: FeedbackService;
  development: DevelopmentService;
  reflections: ReflectionService;
  questions: QuestionService;
  reminders: ReminderService;
  plans: PlanService;
  lifecycle: LifecycleService;
  retention: RetentionService;
  charts: ChartService;
  history: HistoryService;
  calendar: CalendarService;
  hr: HrService;
}

export function createServices(deps: DomainDeps): Services {
  const repos = repositories(deps.prisma);
  const lifecycle = new LifecycleService(repos, deps.clock, deps.events ?? noDomainEvents, deps.logger);
  const people = new PeopleService(repos, deps.slack, deps.clock, deps.defaults, deps.logger, lifecycle, deps.workspaceOf);
  const followUps = new FollowUpService(repos, people, deps.clock, deps.slack);
  const home = new HomeService(repos, deps.clock);
  const goals = new GoalService(deps.prisma, repos, followUps, deps.clock);
  const questions = new QuestionService(repos, deps.clock, people);
  const jobs = deps.jobs ?? noJobScheduler;
  const reminders = new ReminderService(repos, jobs, deps.clock, { timezone: deps.defaults.timezone }, deps.logger);
  const hr = new HrService(deps.prisma, repos, people, deps.clock);
  const services: Services = {
    repos,
    clock: deps.clock,
    reminders,
    plans: new PlanService(repos, followUps, deps.clock),
    people,
    followUps,
    goals,
    home,
    exports: new ExportService(deps.prisma, repos, people, lifecycle, deps.clock),
    evaluations: new EvaluationService(deps.prisma, repos, deps.clock),
    barriers: new BarrierService(repos, followUps, deps.clock),
    learnings: new LearningService(repos, deps.defaults),
    status: new StatusService(repos, home),
    settings: new SettingsService(repos, people, deps.clock, hr),
    hr,
    checkIns: new CheckInService(deps.prisma, repos, goals, deps.clock),
    milestones: new MilestoneService(repos, goals, deps.clock),
    conversations: new ConversationService(deps.prisma, repos, questions, deps.clock),
    feedback: new FeedbackService(repos),
    development: new DevelopmentService(repos, followUps),
    reflections: new ReflectionService(repos, questions),
    questions,
    lifecycle,
    retention: new RetentionService(deps.prisma, repos, deps.clock, deps.logger, { daysAfterUninstall: deps.retentionDaysAfterUninstall ?? 30 }, people),
    charts: new ChartService(repos, goals, deps.clock),
    history: new HistoryService(repos, goals),
    calendar: new CalendarService(repos, people, deps.clock),
  };
  return services;
}

/** The scheduler as DomainEvents, for a process that has the queues (web or worker). */
export function createSchedulerEvents(deps: { prisma: PrismaClient; jobs: JobScheduler; clock: Clock; defaults: Defaults; logger: Logger }): DomainEvents {
  const repos = repositories(deps.prisma);
  const reminders = new ReminderService(repos, deps.jobs, deps.clock, { timezone: deps.defaults.timezone }, deps.logger);
  return new SchedulerEvents(reminders, repos, deps.jobs, deps.logger);
}
