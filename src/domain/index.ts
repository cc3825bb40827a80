import type { Logger } from 'pino';
import { repositories, type Repositories } from '../data';
import type { PrismaClient } from '../data/prisma';
import type { Clock } from '../time/clock';
import { ExportService } from './export';
import { BarrierService } from './barriers';
import { EvaluationService } from './evaluations';
import { FollowUpService } from './followups';
import { GoalService } from './goals';
import { HomeService } from './home';
import { LearningService } from './learnings';
import { PeopleService, type Defaults } from './people';
import { noDomainEvents, type DomainEvents, type SlackGateway } from './ports';
import { SettingsService } from './settings';
import { StatusService } from './status';

export interface DomainDeps {
  prisma: PrismaClient;
  slack: SlackGateway;
  clock: Clock;
  defaults: Defaults;
  logger: Logger;
  /** Where domain events go (the scheduler); defaults to nowhere. */
  events?: DomainEvents;
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
}

export function createServices(deps: DomainDeps): Services {
  const repos = repositories(deps.prisma);
  const people = new PeopleService(repos, deps.slack, deps.clock, deps.defaults, deps.logger);
  const followUps = new FollowUpService(repos, people, deps.clock);
  const home = new HomeService(repos, deps.clock);
  // Services read `events` when they fire one, so it can be wired (or observed) after creation.
  const events = () => services.events;
  const services: Services = {
    repos,
    clock: deps.clock,
    events: deps.events ?? noDomainEvents,
    people,
    followUps,
    goals: new GoalService(deps.prisma, repos, followUps, deps.clock),
    home,
    exports: new ExportService(deps.prisma, repos, people),
    evaluations: new EvaluationService(deps.prisma, repos, deps.clock, events),
    barriers: new BarrierService(repos, followUps, deps.clock),
    learnings: new LearningService(repos),
    status: new StatusService(repos, home),
    settings: new SettingsService(repos, events),
  };
  return services;
}
