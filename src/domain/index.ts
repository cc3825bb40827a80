import type { Logger } from 'pino';
import { repositories, type Repositories } from '../data';
import type { PrismaClient } from '../data/prisma';
import type { Clock } from '../time/clock';
import { ExportService } from './export';
import { FollowUpService } from './followups';
import { GoalService } from './goals';
import { HomeService } from './home';
import { PeopleService, type Defaults } from './people';
import { noDomainEvents, type DomainEvents, type SlackGateway } from './ports';

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
}

export function createServices(deps: DomainDeps): Services {
  const repos = repositories(deps.prisma);
  const people = new PeopleService(repos, deps.slack, deps.clock, deps.defaults, deps.logger);
  const followUps = new FollowUpService(repos, people, deps.clock);
  return {
    repos,
    clock: deps.clock,
    events: deps.events ?? noDomainEvents,
    people,
    followUps,
    goals: new GoalService(deps.prisma, repos, followUps, deps.clock),
    home: new HomeService(repos),
    exports: new ExportService(deps.prisma, repos, people),
  };
}
