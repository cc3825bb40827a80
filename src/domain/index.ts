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
import { StatusService } from './status';
import { PlanService } from './plans';
import { ReminderService, SchedulerEvents } from './reminders';

export interface DomainDeps {
  prisma: PrismaClient;
  slack: SlackGateway;
  clock: Clock;
  defaults: Defaults;
  logger: Logger;
  /** Where domain events go (the scheduler); defaults to nowhere. */
  events?: DomainEvents;
  /** The queues' producer side; when given (and no `events`), domain events re-plan reminders through it. */
  jobs?: JobScheduler;
}

/** Every use case, wired once per process. */
export interface Services {
  repos: Repositories;
  clock: Clock;
  events: DomainEvents;
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
  charts: ChartService;
  history: HistoryService;
  calendar: CalendarService;
}

export function createServices(deps: DomainDeps): Services {
  const repos = repositories(deps.prisma);
  const people = new PeopleService(repos, deps.slack, deps.clock, deps.defaults, deps.logger);
  const followUps = new FollowUpService(repos, people, deps.clock);
  const home = new HomeService(repos, deps.clock);
  // Services read `events` when they fire one, so it can be wired (or observed) after creation.
  const events = () => services.events;
  const goals = new GoalService(deps.prisma, repos, followUps, deps.clock);
  const questions = new QuestionService(repos, deps.clock);
  const jobs = deps.jobs ?? noJobScheduler;
  const reminders = new ReminderService(repos, jobs, deps.clock, { timezone: deps.defaults.timezone }, deps.logger);
  const services: Services = {
    repos,
    clock: deps.clock,
    events: deps.events ?? (deps.jobs ? new SchedulerEvents(reminders, repos, jobs, deps.logger) : noDomainEvents),
    reminders,
    plans: new PlanService(repos, followUps, events, deps.clock),
    people,
    followUps,
    goals,
    home,
    exports: new ExportService(deps.prisma, repos, people),
    evaluations: new EvaluationService(deps.prisma, repos, deps.clock, events),
    barriers: new BarrierService(repos, followUps, deps.clock),
    learnings: new LearningService(repos),
    status: new StatusService(repos, home),
    settings: new SettingsService(repos, events),
    checkIns: new CheckInService(deps.prisma, repos, goals),
    milestones: new MilestoneService(repos, goals, deps.clock),
    conversations: new ConversationService(deps.prisma, repos, questions, deps.clock),
    feedback: new FeedbackService(repos),
    development: new DevelopmentService(repos, followUps),
    reflections: new ReflectionService(repos, questions),
    questions,
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
