import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Services } from '../domain';

/** What every listener gets: the use cases, a Web API client, config and a logger. */
export interface AppContext {
  config: Config;
  services: Services;
  /** Web API client with the bot token (listeners may also use the one Bolt passes). */
  web: WebClient;
  logger: Logger;
}
