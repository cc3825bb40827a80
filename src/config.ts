import crypto from 'node:crypto';
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { parseKeys, TokenCipherError } from './data/tokenCipher';

/** The one place that reads process.env. Parsed and checked once at start. */
const levels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const flag = () =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === undefined || v === '' ? 'false' : v.toLowerCase()))
    .pipe(z.enum(['true', 'false'], { error: `must be true or false` }))
    .transform((v) => v === 'true');

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/** `host:port,host:port` (IPv6 as `[::1]:26379`); a missing port is `defaultPort`. */
function hostList(name: string, defaultPort: number) {
  const example = name === 'REDIS_SENTINELS' ? 'sentinel-1:26379,sentinel-2:26379,sentinel-3:26379' : 'redis-1:6379,redis-2:6379,redis-3:6379';
  return z.string().transform((v, ctx) => {
    const out: RedisNode[] = [];
    for (const part of v.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
      const m = /^(\[[0-9a-fA-F:]+\]|[^:\s\[\]]+)(?::(\d{1,5}))?$/.exec(part);
      const port = m?.[2] === undefined ? defaultPort : Number(m[2]);
      if (!m || port < 1 || port > 65535) {
        ctx.addIssue({ code: 'custom', message: `must be a comma-separated list of host:port (${example}); "${part}" is not` });
        return z.NEVER;
      }
      out.push({ host: m[1].replace(/^\[(.*)\]$/, '$1'), port });
    }
    if (out.length === 0) {
      ctx.addIssue({ code: 'custom', message: `must name at least one host:port (${example})` });
      return z.NEVER;
    }
    return out;
  });
}

const schema = z
  .object({
    SLACK_SIGNING_SECRET: z.string({ error: 'is required (Basic Information → Signing Secret)' }).trim().min(1, 'is required (Basic Information → Signing Secret)'),
    // Required unless the app is installed by OAuth (SLACK_CLIENT_ID); checked below.
    SLACK_BOT_TOKEN: optionalText.pipe(z.string().regex(/^xoxb-/, 'must be a bot token starting with xoxb-').optional()),
    SLACK_CLIENT_ID: optionalText.pipe(z.string().regex(/^\d+\.\d+$/, 'must be the Client ID from Basic Information → App Credentials (digits.digits)').optional()),
    SLACK_CLIENT_SECRET: optionalText,
    SLACK_STATE_SECRET: optionalText.pipe(z.string().min(16, 'must be at least 16 random characters (openssl rand -hex 32)').optional()),
    TOKEN_ENCRYPTION_KEY: optionalText,
    SLACK_APP_TOKEN: optionalText.pipe(z.string().regex(/^xapp-/, 'must be an app-level token starting with xapp-').optional()),
    SLACK_API_URL: optionalText.pipe(z.url({ error: 'must be a URL such as https://slack.com/api/' }).optional()),
    DATABASE_URL: z
      .string({ error: 'is required (postgresql://user:password@host:5432/db)' })
      .trim()
      .regex(/^postgres(ql)?:\/\//, 'must be a PostgreSQL URL (postgresql://user:password@host:5432/db)'),
    DIRECT_DATABASE_URL: optionalText.pipe(z.string().regex(/^postgres(ql)?:\/\//, 'must be a PostgreSQL URL straight to the server, not through PgBouncer (postgresql://user:password@db-host:5432/db)').optional()),
    DATABASE_PGBOUNCER: flag(),
    // Required unless Redis is reached through Sentinel or as a Cluster; checked below.
    REDIS_URL: optionalText.pipe(z.string().regex(/^rediss?:\/\//, 'must be a Redis URL (redis://host:6379)').optional()),
    REDIS_SENTINELS: optionalText.pipe(hostList('REDIS_SENTINELS', 26379).optional()),
    REDIS_SENTINEL_MASTER: optionalText,
    REDIS_SENTINEL_PASSWORD: optionalText,
    REDIS_CLUSTER_NODES: optionalText.pipe(hostList('REDIS_CLUSTER_NODES', 6379).optional()),
    REDIS_USERNAME: optionalText,
    REDIS_PASSWORD: optionalText,
    REDIS_TLS: flag(),
    PORT: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v === undefined || v === '' ? 3000 : Number(v)))
      .pipe(z.number({ error: 'must be a port number (0-65535)' }).int('must be a port number (0-65535)').min(0).max(65535)),
    DEFAULT_LOCALE: optionalText.pipe(z.enum(['nb', 'en'], { error: 'must be nb or en' }).default('nb')),
    DEFAULT_TIMEZONE: optionalText.pipe(
      z
        .string()
        .refine((v) => IANAZone.isValidZone(v), 'must be an IANA time zone such as Europe/Oslo')
        .default('Europe/Oslo'),
    ),
    LOG_LEVEL: optionalText.pipe(z.enum(levels, { error: `must be one of ${levels.join(', ')}` }).default('info')),
    ADMIN_USER: optionalText,
    ADMIN_PASSWORD: optionalText,
    ADMIN_QUEUE_WRITE: flag(),
    MIGRATE_ON_START: flag(),
    RETENTION_DAYS_AFTER_UNINSTALL: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v === undefined || v === '' ? 30 : Number(v)))
      .pipe(z.number({ error: 'must be a whole number of days (1 or more)' }).int('must be a whole number of days (1 or more)').min(1, 'must be a whole number of days (1 or more)')),
    // `name` or `{name}` (a Redis Cluster hash tag: every queue key in one slot; added by itself on a cluster).
    QUEUE_PREFIX: optionalText.pipe(
      z
        .string()
        .regex(/^(\{[A-Za-z0-9_-]+\}|[A-Za-z0-9_-]+)$/, 'may hold only letters, digits, _ and - (or all of it in one {…} hash tag)')
        .transform((v) => v.replace(/^\{(.*)\}$/, '$1'))
        .optional(),
    ),
    /**
     * The local trial workspace (src/local). Unset: on when no Slack credentials are set (refused with
     * NODE_ENV=production); auto: the same, allowed in production (docker-compose.yml); true: always;
     * false: never.
     */
    LOCAL_WORKSPACE: optionalText.pipe(z.enum(['true', 'false', 'auto'], { error: 'must be true, false or auto' }).optional()),
    /** Interface to listen on; empty: every interface (the local workspace: 127.0.0.1). */
    HOST: optionalText,
  })
  .superRefine((v, ctx) => {
    if ((v.ADMIN_USER === undefined) !== (v.ADMIN_PASSWORD === undefined)) {
      const missing = v.ADMIN_USER === undefined ? 'ADMIN_USER' : 'ADMIN_PASSWORD';
      ctx.addIssue({ code: 'custom', path: [missing], message: 'is missing: ADMIN_USER and ADMIN_PASSWORD go together (set both, or neither)' });
    }
    if (v.ADMIN_PASSWORD !== undefined && v.ADMIN_PASSWORD.length < 12) {
      ctx.addIssue({ code: 'custom', path: ['ADMIN_PASSWORD'], message: 'must be at least 12 characters (it guards the queue dashboard)' });
    }
  });

/** Every environment variable the app reads (deployment manifests may set no other). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(schema.shape);

export interface RedisNode {
  host: string;
  port: number;
}

/** Credentials and TLS of the Redis servers holding the data (with Sentinel: the primary and replicas). */
export interface RedisAuth {
  username?: string;
  password?: string;
  tls?: boolean;
}

/**
 * Where Redis is: one server (REDIS_URL), a primary found through Sentinel (REDIS_SENTINELS +
 * REDIS_SENTINEL_MASTER), or a Redis Cluster (REDIS_CLUSTER_NODES, what most managed Redis offers).
 */
export type RedisTarget =
  | { mode: 'standalone'; url: string }
  | ({ mode: 'sentinel'; sentinels: RedisNode[]; masterName: string; sentinelPassword?: string } & RedisAuth)
  | ({ mode: 'cluster'; nodes: RedisNode[] } & RedisAuth);

export interface Config {
  slack: {
    signingSecret: string;
    /** Single-workspace mode; with OAuth, the installation of the workspace it belongs to. */
    botToken?: string;
    appToken?: string;
    apiUrl?: string;
    /** OAuth install (many workspaces, Enterprise Grid); absent in single-workspace mode. */
    oauth?: { clientId: string; clientSecret: string; stateSecret: string };
  };
  /** TOKEN_ENCRYPTION_KEY: comma-separated base64 keys; the first encrypts, all decrypt. */
  tokenEncryptionKey?: string;
  databaseUrl: string;
  /** Migrations go here (straight to PostgreSQL when DATABASE_URL is a PgBouncer); DATABASE_URL when unset. */
  directDatabaseUrl?: string;
  /** DATABASE_URL is a PgBouncer in transaction pooling: no startup parameters, timeouts per transaction. */
  pgbouncer?: boolean;
  redis: RedisTarget;
  port: number;
  defaultLocale: 'nb' | 'en';
  defaultTimezone: string;
  logLevel: (typeof levels)[number];
  /** The queue dashboard's login; `write` lets it retry/remove jobs (read-only otherwise). */
  admin?: { user: string; password: string; write?: boolean };
  /** The queues' key prefix, without braces (on a cluster the queues use `{prefix}`: see src/jobs/redis.ts). */
  queuePrefix: string;
  /** Interface the web server listens on (absent: every interface). */
  host?: string;
  /**
   * The local trial workspace (no Slack app): the app talks to the fake Slack in src/local on its
   * own port, with this generated signing secret and bot token (random per start).
   */
  local?: { teamId: string; teamName: string };
  /** Apply pending migrations at start instead of refusing to start. */
  migrateOnStart?: boolean;
  /** Days after app_uninstalled before a workspace's data is purged. */
  retentionDaysAfterUninstall?: number;
}

const BOT_TOKEN_REQUIRED = 'is required (OAuth & Permissions → Bot User OAuth Token, xoxb-…) unless the app is installed by OAuth (SLACK_CLIENT_ID)';

const SLACK_CREDENTIALS = ['SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN', 'SLACK_CLIENT_ID', 'SLACK_APP_TOKEN'] as const;

/** The local workspace's team: its own id, so a later real install is never mixed with the trial's data. */
export const LOCAL_TEAM = { teamId: 'TLOCAL0001', teamName: 'Local trial' } as const;

function localSetting(env: NodeJS.ProcessEnv): string {
  return (env.LOCAL_WORKSPACE ?? '').trim().toLowerCase();
}

/** Local mode: LOCAL_WORKSPACE=true, or no Slack credentials at all (unless LOCAL_WORKSPACE=false). */
export function isLocalMode(env: NodeJS.ProcessEnv = process.env): boolean {
  const has = (name: string) => (env[name] ?? '').trim() !== '';
  const setting = localSetting(env);
  if (setting === 'true') return true;
  if (setting === 'false') return false;
  return SLACK_CREDENTIALS.every((name) => !has(name));
}

/** Checks of the local mode: never in production by accident. */
function localProblems(env: NodeJS.ProcessEnv): [string, string][] {
  const asked = ['true', 'auto'].includes(localSetting(env));
  if ((env.NODE_ENV ?? '').trim() === 'production' && !asked) {
    return [['SLACK_SIGNING_SECRET', 'is not set (nor SLACK_BOT_TOKEN, SLACK_CLIENT_ID, SLACK_APP_TOKEN) with NODE_ENV=production: set the Slack app\'s credentials, or LOCAL_WORKSPACE=true to run the local trial workspace (not connected to Slack) on purpose']];
  }
  return [];
}

/** Where Redis and PostgreSQL are: checked in every mode, the local trial's too. */
function storageProblems(env: NodeJS.ProcessEnv): [string, string][] {
  const has = (name: string) => (env[name] ?? '').trim() !== '';
  const out: [string, string][] = [];
  const redisModes = ['REDIS_URL', 'REDIS_SENTINELS', 'REDIS_CLUSTER_NODES'].filter(has);
  if (redisModes.length === 0) out.push(['REDIS_URL', 'is required (redis://host:6379), unless Redis is reached through Sentinel (REDIS_SENTINELS and REDIS_SENTINEL_MASTER) or is a cluster (REDIS_CLUSTER_NODES)']);
  if (redisModes.length > 1) out.push([redisModes[1], `cannot be used with ${redisModes[0]}: set one of REDIS_URL (one server), REDIS_SENTINELS (Sentinel) or REDIS_CLUSTER_NODES (a cluster)`]);
  if (has('REDIS_SENTINELS') && !has('REDIS_SENTINEL_MASTER')) out.push(['REDIS_SENTINEL_MASTER', 'is required with REDIS_SENTINELS: the name the sentinels monitor the primary by (sentinel monitor <name> …), e.g. mymaster']);
  if (!has('REDIS_SENTINELS') && has('REDIS_SENTINEL_MASTER')) out.push(['REDIS_SENTINEL_MASTER', 'is set but REDIS_SENTINELS is not: list the sentinels (host:26379,…)']);
  if (!has('REDIS_SENTINELS') && has('REDIS_SENTINEL_PASSWORD')) out.push(['REDIS_SENTINEL_PASSWORD', 'is set but REDIS_SENTINELS is not']);
  if (has('REDIS_URL')) {
    for (const name of ['REDIS_USERNAME', 'REDIS_PASSWORD', 'REDIS_TLS']) {
      if (has(name) && !(name === 'REDIS_TLS' && env[name]!.trim().toLowerCase() === 'false')) out.push([name, 'is for Sentinel or a cluster: with REDIS_URL put them in the URL (rediss://user:password@host:6380)']);
    }
  }
  if (has('DATABASE_PGBOUNCER') && env.DATABASE_PGBOUNCER!.trim().toLowerCase() === 'true' && !has('DIRECT_DATABASE_URL')) {
    out.push(['DIRECT_DATABASE_URL', 'is required with DATABASE_PGBOUNCER=true: migrations take a session lock, which PgBouncer in transaction pooling cannot hold (postgresql://user:password@db-host:5432/db, not the PgBouncer port)']);
  }
  return out;
}

/** Checks across variables (single-workspace or OAuth), made on the raw environment so they are reported with every other problem. */
function modeProblems(env: NodeJS.ProcessEnv): [string, string][] {
  if (isLocalMode(env)) return [...localProblems(env), ...storageProblems(env)];
  const has = (name: string) => (env[name] ?? '').trim() !== '';
  const out: [string, string][] = [];
  if (!has('SLACK_CLIENT_ID')) {
    if (!has('SLACK_BOT_TOKEN')) out.push(['SLACK_BOT_TOKEN', BOT_TOKEN_REQUIRED]);
    for (const name of ['SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET']) {
      if (has(name)) out.push([name, 'is set but SLACK_CLIENT_ID is not: OAuth install needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET and TOKEN_ENCRYPTION_KEY']);
    }
  } else {
    const why = 'is required when SLACK_CLIENT_ID is set (OAuth install)';
    if (!has('SLACK_CLIENT_SECRET')) out.push(['SLACK_CLIENT_SECRET', `${why}: Basic Information → App Credentials → Client Secret`]);
    if (!has('SLACK_STATE_SECRET')) out.push(['SLACK_STATE_SECRET', `${why}: any random secret (openssl rand -hex 32)`]);
    if (!has('TOKEN_ENCRYPTION_KEY')) out.push(['TOKEN_ENCRYPTION_KEY', `${why}: 32 random bytes in base64 (openssl rand -base64 32)`]);
    if (has('SLACK_APP_TOKEN')) out.push(['SLACK_CLIENT_ID', 'cannot be used with SLACK_APP_TOKEN: OAuth install needs HTTP mode (Slack sends browsers back to /slack/oauth_redirect); leave SLACK_APP_TOKEN empty']);
  }
  out.push(...storageProblems(env));
  if (has('TOKEN_ENCRYPTION_KEY')) {
    try {
      parseKeys(env.TOKEN_ENCRYPTION_KEY!);
    } catch (err) {
      if (!(err instanceof TokenCipherError)) throw err;
      out.push(['TOKEN_ENCRYPTION_KEY', err.message]);
    }
  }
  return out;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.join('\n')}`);
  }
}

function redisTarget(v: z.infer<typeof schema>): RedisTarget {
  const auth: RedisAuth = { ...(v.REDIS_USERNAME ? { username: v.REDIS_USERNAME } : {}), ...(v.REDIS_PASSWORD ? { password: v.REDIS_PASSWORD } : {}), tls: v.REDIS_TLS };
  if (v.REDIS_SENTINELS) return { mode: 'sentinel', sentinels: v.REDIS_SENTINELS, masterName: v.REDIS_SENTINEL_MASTER!, ...(v.REDIS_SENTINEL_PASSWORD ? { sentinelPassword: v.REDIS_SENTINEL_PASSWORD } : {}), ...auth };
  if (v.REDIS_CLUSTER_NODES) return { mode: 'cluster', nodes: v.REDIS_CLUSTER_NODES, ...auth };
  return { mode: 'standalone', url: v.REDIS_URL! };
}

/** Parses the environment. Throws ConfigError with one line per problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const local = isLocalMode(env);
  // The local workspace signs its own requests and issues its own bot token: random per start.
  const parsed = schema.safeParse(local ? { ...env, SLACK_SIGNING_SECRET: crypto.randomBytes(24).toString('hex'), SLACK_BOT_TOKEN: `xoxb-local-${crypto.randomBytes(12).toString('hex')}`, SLACK_CLIENT_ID: '', SLACK_CLIENT_SECRET: '', SLACK_STATE_SECRET: '', SLACK_APP_TOKEN: '' } : env);
  const found: [string, string][] = [...(parsed.success ? [] : parsed.error.issues.map((issue): [string, string] => [issue.path.join('.') || 'environment', issue.message])), ...modeProblems(env)];
  if (!parsed.success || found.length > 0) {
    // One line per problem, in the order the variables are listed (README, .env.example).
    const order = Object.keys(schema.shape);
    const rank = (name: string) => (order.indexOf(name) < 0 ? order.length : order.indexOf(name));
    const problems = found
      .map(([name, message], i) => ({ name, message, i }))
      .sort((a, b) => rank(a.name) - rank(b.name) || a.i - b.i)
      .map((p) => `${p.name} ${p.message}`);
    throw new ConfigError(problems);
  }
  const v = parsed.data;
  let apiUrl = local ? `http://127.0.0.1:${v.PORT}/api/` : v.SLACK_API_URL;
  if (apiUrl && !apiUrl.endsWith('/')) apiUrl += '/';
  return {
    slack: {
      signingSecret: v.SLACK_SIGNING_SECRET,
      botToken: v.SLACK_BOT_TOKEN,
      appToken: v.SLACK_APP_TOKEN,
      apiUrl,
      ...(v.SLACK_CLIENT_ID && v.SLACK_CLIENT_SECRET && v.SLACK_STATE_SECRET
        ? { oauth: { clientId: v.SLACK_CLIENT_ID, clientSecret: v.SLACK_CLIENT_SECRET, stateSecret: v.SLACK_STATE_SECRET } }
        : {}),
    },
    ...(v.TOKEN_ENCRYPTION_KEY ? { tokenEncryptionKey: v.TOKEN_ENCRYPTION_KEY } : {}),
    databaseUrl: v.DATABASE_URL,
    ...(v.DIRECT_DATABASE_URL ? { directDatabaseUrl: v.DIRECT_DATABASE_URL } : {}),
    pgbouncer: v.DATABASE_PGBOUNCER,
    redis: redisTarget(v),
    port: v.PORT,
    defaultLocale: v.DEFAULT_LOCALE,
    defaultTimezone: v.DEFAULT_TIMEZONE,
    logLevel: v.LOG_LEVEL,
    admin: v.ADMIN_USER && v.ADMIN_PASSWORD ? { user: v.ADMIN_USER, password: v.ADMIN_PASSWORD, write: v.ADMIN_QUEUE_WRITE } : undefined,
    // The trial's jobs never share a prefix with a real install's on the same Redis.
    queuePrefix: v.QUEUE_PREFIX ?? (local ? 'followup-local' : 'followup'),
    ...(v.HOST ? { host: v.HOST } : local ? { host: '127.0.0.1' } : {}),
    ...(local ? { local: { ...LOCAL_TEAM } } : {}),
    migrateOnStart: v.MIGRATE_ON_START,
    retentionDaysAfterUninstall: v.RETENTION_DAYS_AFTER_UNINSTALL,
  };
}
