import { LogLevel, type Logger as SlackLogger } from '@slack/web-api';
import pino, { type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs. Tokens, secrets and free text typed by users are never logged. */
export function createLogger(level: string, bindings: Record<string, unknown> = {}, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
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
  };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * The Slack SDKs log request bodies and results as text at debug level (redacting only fields
 * named *token*): tokens inside other text, the OAuth client secret and code are scrubbed here.
 */
export function scrubSecrets(text: string): string {
  return text
    .replace(/xox[a-z]{0,2}[.-][A-Za-z0-9.-]+/g, 'xox…[redacted]')
    .replace(/("?(?:client_secret|code|refresh_token|access_token)"?\s*[:=]\s*"?)[^"&,}\s]+/g, '$1[redacted]');
}

/**
 * A Slack SDK logger (Bolt, the Web API client, the OAuth installer) that writes through pino. Their
 * debug lines carry request and response bodies (DM texts, what people typed): those are dropped
 * whatever LOG_LEVEL is; other lines are scrubbed of secrets.
 */
export function slackLogger(logger: Logger): SlackLogger {
  const child = logger.child({ component: 'bolt' });
  let level: LogLevel = LogLevel.INFO;
  return {
    debug: () => undefined,
    info: (...msg: unknown[]) => child.info(scrubSecrets(msg.map(String).join(' '))),
    warn: (...msg: unknown[]) => child.warn(scrubSecrets(msg.map(String).join(' '))),
    error: (...msg: unknown[]) => child.error(scrubSecrets(msg.map(String).join(' '))),
    setLevel: (l: LogLevel) => {
      // Never below info: see above.
      level = l === LogLevel.DEBUG ? LogLevel.INFO : l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
