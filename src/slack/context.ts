import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Services } from '../domain';
import type { DomainEvents } from '../domain/ports';

/** What every listener gets: the use cases, a Web API client, config and a logger. */
export interface AppContext {
  config: Config;
  services: Services;
  /**
   * Web API client. Within a request it is the client Bolt authorised for that request's workspace
   * (see `forRequest`), so every call goes out with that workspace's token.
   */
  web: WebClient;
  /** Where the domain events that results carry are published (the scheduler). */
  events: DomainEvents;
  logger: Logger;
}
