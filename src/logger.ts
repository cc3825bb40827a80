import { LogLevel, type Logger as SlackLogger } from '@slack/web-api';
import pino, { type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs. Tokens, secrets and free text typed by users are never logged. */
export function createLogger(level: string, bindings: Record<string, unknown> = {}): Logger {
  return pino({
    level,
    base: { service: 'followup', ...bindings },
    redact: {
      paths: [
        'token',
        '*.token',
        'botToken',
        '*.botToken',
        'signingSecret',
        '*.signingSecret',
        'authorization',
        '*.authorization',
        'headers.authorization',
        'password',
        '*.password',
        'databaseUrl',
        'redisUrl',
      ],
      censor: '[redacted]',
    },
  });
}

/** A Slack SDK logger (Bolt, the Web API client, the OAuth installer) that writes through pino. */
export function slackLogger(logger: Logger): SlackLogger {
  const child = logger.child({ component: 'bolt' });
  let level: LogLevel = LogLevel.INFO;
  return {
    debug: (...msg: unknown[]) => child.debug(msg.map(String).join(' ')),
    info: (...msg: unknown[]) => child.info(msg.map(String).join(' ')),
    warn: (...msg: unknown[]) => child.warn(msg.map(String).join(' ')),
    error: (...msg: unknown[]) => child.error(msg.map(String).join(' ')),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
