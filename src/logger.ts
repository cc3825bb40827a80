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
