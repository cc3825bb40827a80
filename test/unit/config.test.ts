import { ConfigError, isLocalMode, loadConfig } from '../../src/config';

const valid = {
  SLACK_SIGNING_SECRET: 'secret',
  SLACK_BOT_TOKEN: 'xoxb-123-456-abc',
  DATABASE_URL: 'postgresql://user:pw@db:5432/followup',
  REDIS_URL: 'redis://cache:6379',
};

/** The problems loadConfig reports for an environment (empty when it is valid). */
function problems(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
}

describe('loadConfig: a valid environment', () => {
  test('only the required variables: every default applies', () => {
    expect(loadConfig(valid)).toEqual({
      slack: { signingSecret: 'secret', botToken: 'xoxb-123-456-abc', appToken: undefined, apiUrl: undefined },
      databaseUrl: 'postgresql://user:pw@db:5432/followup',
      redis: { mode: 'standalone', url: 'redis://cache:6379' },
      pgbouncer: false,
      port: 3000,
      defaultLocale: 'nb',
      defaultTimezone: 'Europe/Oslo',
      logLevel: 'info',
      admin: undefined,
      queuePrefix: 'followup',
      migrateOnStart: false,
      retentionDaysAfterUninstall: 30,
    });
  });

  test('every variable set', () => {
    const config = loadConfig({
      ...valid,
      SLACK_APP_TOKEN: 'xapp-1-A1-2-abc',
      SLACK_API_URL: 'http://127.0.0.1:9999/api',
      PORT: '8080',
      DEFAULT_LOCALE: 'en',
      DEFAULT_TIMEZONE: 'America/New_York',
      LOG_LEVEL: 'debug',
      ADMIN_USER: 'ops',
      ADMIN_PASSWORD: 'a long enough pw',
      ADMIN_QUEUE_WRITE: 'true',
      MIGRATE_ON_START: 'TRUE',
      RETENTION_DAYS_AFTER_UNINSTALL: '7',
      QUEUE_PREFIX: 'fu_prod-2',
    });
    expect(config).toEqual({
      slack: { signingSecret: 'secret', botToken: 'xoxb-123-456-abc', appToken: 'xapp-1-A1-2-abc', apiUrl: 'http://127.0.0.1:9999/api/' },
      databaseUrl: 'postgresql://user:pw@db:5432/followup',
      redis: { mode: 'standalone', url: 'redis://cache:6379' },
      pgbouncer: false,
      port: 8080,
      defaultLocale: 'en',
      defaultTimezone: 'America/New_York',
      logLevel: 'debug',
      admin: { user: 'ops', password: 'a long enough pw', write: true },
      queuePrefix: 'fu_prod-2',
      migrateOnStart: true,
      retentionDaysAfterUninstall: 7,
    });
  });

  test('empty optional variables (as a copied .env.example leaves them) mean "use the default"', () => {
    const config = loadConfig({
      ...valid,
      SLACK_APP_TOKEN: '',
      SLACK_API_URL: '',
      PORT: '',
      DEFAULT_LOCALE: '',
      DEFAULT_TIMEZONE: ' ',
      LOG_LEVEL: '',
      ADMIN_USER: '',
      ADMIN_PASSWORD: '',
      QUEUE_PREFIX: '',
    });
    expect(config).toMatchObject({ port: 3000, defaultLocale: 'nb', defaultTimezone: 'Europe/Oslo', logLevel: 'info', queuePrefix: 'followup', admin: undefined });
    expect(config.slack.appToken).toBeUndefined();
    expect(config.slack.apiUrl).toBeUndefined();
  });

  test('values are trimmed; an API URL keeps one trailing slash; postgres:// and rediss:// are accepted', () => {
    const config = loadConfig({ ...valid, SLACK_BOT_TOKEN: ' xoxb-1 ', SLACK_API_URL: 'https://slack.com/api/', DATABASE_URL: 'postgres://h/db', REDIS_URL: 'rediss://h:6380' });
    expect(config.slack.botToken).toBe('xoxb-1');
    expect(config.slack.apiUrl).toBe('https://slack.com/api/');
    expect(config.databaseUrl).toBe('postgres://h/db');
    expect(config.redis).toEqual({ mode: 'standalone', url: 'rediss://h:6380' });
  });

  test('PORT 0 (any free port) is allowed', () => {
    expect(loadConfig({ ...valid, PORT: '0' }).port).toBe(0);
  });
});

describe('loadConfig: Redis through Sentinel or as a cluster, PostgreSQL through PgBouncer', () => {
  const { REDIS_URL: _unused, ...noRedis } = valid;

  test('Sentinel: the sentinels (default port 26379), the master name, passwords and TLS', () => {
    const config = loadConfig({
      ...noRedis,
      REDIS_SENTINELS: 's1:26379, s2 ,[::1]:26380',
      REDIS_SENTINEL_MASTER: 'mymaster',
      REDIS_SENTINEL_PASSWORD: 'sentinel-pw',
      REDIS_USERNAME: 'app',
      REDIS_PASSWORD: 'redis-pw',
      REDIS_TLS: 'true',
    });
    expect(config.redis).toEqual({
      mode: 'sentinel',
      sentinels: [{ host: 's1', port: 26379 }, { host: 's2', port: 26379 }, { host: '::1', port: 26380 }],
      masterName: 'mymaster',
      sentinelPassword: 'sentinel-pw',
      username: 'app',
      password: 'redis-pw',
      tls: true,
    });
  });

  test('a cluster: the seed nodes (default port 6379); QUEUE_PREFIX may be given as its hash tag', () => {
    const config = loadConfig({ ...noRedis, REDIS_CLUSTER_NODES: 'r1:7000,r2', REDIS_PASSWORD: 'pw', QUEUE_PREFIX: '{fu}' });
    expect(config.redis).toEqual({ mode: 'cluster', nodes: [{ host: 'r1', port: 7000 }, { host: 'r2', port: 6379 }], password: 'pw', tls: false });
    expect(config.queuePrefix).toBe('fu');
  });

  test('PgBouncer: DATABASE_URL is the pooler, migrations go to DIRECT_DATABASE_URL', () => {
    const config = loadConfig({ ...valid, DATABASE_URL: 'postgresql://app@pgbouncer:6432/followup', DATABASE_PGBOUNCER: 'true', DIRECT_DATABASE_URL: 'postgresql://app@db:5432/followup' });
    expect(config).toMatchObject({ databaseUrl: 'postgresql://app@pgbouncer:6432/followup', directDatabaseUrl: 'postgresql://app@db:5432/followup', pgbouncer: true });
  });

  test.each([
    [{ REDIS_SENTINELS: 's1:26379' }, ['REDIS_SENTINEL_MASTER is required with REDIS_SENTINELS: the name the sentinels monitor the primary by (sentinel monitor <name> …), e.g. mymaster']],
    [{ REDIS_SENTINELS: 's1:263790', REDIS_SENTINEL_MASTER: 'm' }, ['REDIS_SENTINELS must be a comma-separated list of host:port (sentinel-1:26379,sentinel-2:26379,sentinel-3:26379); "s1:263790" is not']],
    [{ REDIS_CLUSTER_NODES: 'redis://r1:6379' }, ['REDIS_CLUSTER_NODES must be a comma-separated list of host:port (redis-1:6379,redis-2:6379,redis-3:6379); "redis://r1:6379" is not']],
    [{ REDIS_CLUSTER_NODES: ' , ' }, ['REDIS_CLUSTER_NODES must name at least one host:port (redis-1:6379,redis-2:6379,redis-3:6379)']],
    [{ REDIS_CLUSTER_NODES: 'r1', REDIS_SENTINELS: 's1', REDIS_SENTINEL_MASTER: 'm' }, ['REDIS_CLUSTER_NODES cannot be used with REDIS_SENTINELS: set one of REDIS_URL (one server), REDIS_SENTINELS (Sentinel) or REDIS_CLUSTER_NODES (a cluster)']],
  ])('%j', (env, lines) => {
    expect(problems({ ...noRedis, ...env })).toEqual(lines);
  });
});

describe('loadConfig: one clear line per problem', () => {
  test('an empty environment is the local trial: only the storage is required', () => {
    expect(problems({})).toEqual(['DATABASE_URL is required (postgresql://user:password@host:5432/db)', 'REDIS_URL is required (redis://host:6379), unless Redis is reached through Sentinel (REDIS_SENTINELS and REDIS_SENTINEL_MASTER) or is a cluster (REDIS_CLUSTER_NODES)']);
  });

  test('one Slack credential set: every other required one is named, one line each', () => {
    expect(problems({ SLACK_SIGNING_SECRET: 'abc' })).toEqual([
      'SLACK_BOT_TOKEN is required (OAuth & Permissions → Bot User OAuth Token, xoxb-…) unless the app is installed by OAuth (SLACK_CLIENT_ID)',
      'DATABASE_URL is required (postgresql://user:password@host:5432/db)',
      'REDIS_URL is required (redis://host:6379), unless Redis is reached through Sentinel (REDIS_SENTINELS and REDIS_SENTINEL_MASTER) or is a cluster (REDIS_CLUSTER_NODES)',
    ]);
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1' })[0]).toBe('SLACK_SIGNING_SECRET is required (Basic Information → Signing Secret)');
  });

  test.each([
    ['SLACK_SIGNING_SECRET', '   ', 'SLACK_SIGNING_SECRET is required (Basic Information → Signing Secret)'],
    ['SLACK_BOT_TOKEN', '', 'SLACK_BOT_TOKEN is required (OAuth & Permissions → Bot User OAuth Token, xoxb-…) unless the app is installed by OAuth (SLACK_CLIENT_ID)'],
    ['SLACK_CLIENT_SECRET', 'abc', 'SLACK_CLIENT_SECRET is set but SLACK_CLIENT_ID is not: OAuth install needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET and TOKEN_ENCRYPTION_KEY'],
    ['TOKEN_ENCRYPTION_KEY', 'c2hvcnQ=', 'TOKEN_ENCRYPTION_KEY key 1 must be 32 bytes in base64, not 5 (openssl rand -base64 32)'],
    ['TOKEN_ENCRYPTION_KEY', 'not base64!', 'TOKEN_ENCRYPTION_KEY key 1 is not base64 (openssl rand -base64 32)'],
    ['SLACK_BOT_TOKEN', 'xoxp-user-token', 'SLACK_BOT_TOKEN must be a bot token starting with xoxb-'],
    ['SLACK_APP_TOKEN', 'xoxb-not-an-app-token', 'SLACK_APP_TOKEN must be an app-level token starting with xapp-'],
    ['SLACK_API_URL', 'slack.com/api', 'SLACK_API_URL must be a URL such as https://slack.com/api/'],
    ['DATABASE_URL', 'mysql://h/db', 'DATABASE_URL must be a PostgreSQL URL (postgresql://user:password@host:5432/db)'],
    ['DATABASE_URL', '127.0.0.1:5432', 'DATABASE_URL must be a PostgreSQL URL (postgresql://user:password@host:5432/db)'],
    ['REDIS_URL', 'http://h:6379', 'REDIS_URL must be a Redis URL (redis://host:6379)'],
    ['PORT', 'abc', 'PORT must be a port number (0-65535)'],
    ['PORT', '70000', 'PORT must be a port number (0-65535)'],
    ['PORT', '-1', 'PORT must be a port number (0-65535)'],
    ['PORT', '30.5', 'PORT must be a port number (0-65535)'],
    ['DEFAULT_LOCALE', 'de', 'DEFAULT_LOCALE must be nb or en'],
    ['DEFAULT_LOCALE', 'nb-NO', 'DEFAULT_LOCALE must be nb or en'],
    ['DEFAULT_TIMEZONE', 'Mars/Olympus', 'DEFAULT_TIMEZONE must be an IANA time zone such as Europe/Oslo'],
    ['DEFAULT_TIMEZONE', 'CET+1', 'DEFAULT_TIMEZONE must be an IANA time zone such as Europe/Oslo'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent'],
    ['QUEUE_PREFIX', 'a:b', 'QUEUE_PREFIX may hold only letters, digits, _ and - (or all of it in one {…} hash tag)'],
    ['QUEUE_PREFIX', '{a}b', 'QUEUE_PREFIX may hold only letters, digits, _ and - (or all of it in one {…} hash tag)'],
    ['REDIS_CLUSTER_NODES', 'r1:7000', 'REDIS_CLUSTER_NODES cannot be used with REDIS_URL: set one of REDIS_URL (one server), REDIS_SENTINELS (Sentinel) or REDIS_CLUSTER_NODES (a cluster)'],
    ['REDIS_PASSWORD', 'pw', 'REDIS_PASSWORD is for Sentinel or a cluster: with REDIS_URL put them in the URL (rediss://user:password@host:6380)'],
    ['REDIS_SENTINEL_MASTER', 'mymaster', 'REDIS_SENTINEL_MASTER is set but REDIS_SENTINELS is not: list the sentinels (host:26379,…)'],
    ['DATABASE_PGBOUNCER', 'true', 'DIRECT_DATABASE_URL is required with DATABASE_PGBOUNCER=true: migrations take a session lock, which PgBouncer in transaction pooling cannot hold (postgresql://user:password@db-host:5432/db, not the PgBouncer port)'],
    ['DATABASE_PGBOUNCER', 'on', 'DATABASE_PGBOUNCER must be true or false'],
    ['DIRECT_DATABASE_URL', 'db:5432', 'DIRECT_DATABASE_URL must be a PostgreSQL URL straight to the server, not through PgBouncer (postgresql://user:password@db-host:5432/db)'],
    ['ADMIN_USER', 'ops', 'ADMIN_PASSWORD is missing: ADMIN_USER and ADMIN_PASSWORD go together (set both, or neither)'],
    ['ADMIN_PASSWORD', 'long enough pw', 'ADMIN_USER is missing: ADMIN_USER and ADMIN_PASSWORD go together (set both, or neither)'],
    ['ADMIN_QUEUE_WRITE', 'yes', 'ADMIN_QUEUE_WRITE must be true or false'],
    ['MIGRATE_ON_START', '1', 'MIGRATE_ON_START must be true or false'],
    ['RETENTION_DAYS_AFTER_UNINSTALL', '0', 'RETENTION_DAYS_AFTER_UNINSTALL must be a whole number of days (1 or more)'],
    ['RETENTION_DAYS_AFTER_UNINSTALL', 'a month', 'RETENTION_DAYS_AFTER_UNINSTALL must be a whole number of days (1 or more)'],
  ])('%s=%j', (name, value, line) => {
    expect(problems({ ...valid, [name]: value })).toEqual([line]);
  });

  test('ADMIN_PASSWORD shorter than 12 characters is refused (it guards the queue dashboard)', () => {
    expect(problems({ ...valid, ADMIN_USER: 'ops', ADMIN_PASSWORD: 'short-pw' })).toEqual(['ADMIN_PASSWORD must be at least 12 characters (it guards the queue dashboard)']);
  });

  test('several problems are all reported at once, each on its own line, naming its variable', () => {
    const found = problems({ ...valid, SLACK_BOT_TOKEN: 'nope', PORT: 'x', DEFAULT_LOCALE: 'sv', LOG_LEVEL: 'chatty' });
    expect(found).toHaveLength(4);
    expect(found.map((p) => p.split(' ')[0])).toEqual(['SLACK_BOT_TOKEN', 'PORT', 'DEFAULT_LOCALE', 'LOG_LEVEL']);
    for (const p of found) expect(p).not.toContain('\n');
  });

  test('a problem line never echoes a secret', () => {
    const found = problems({ ...valid, SLACK_BOT_TOKEN: 'xoxp-very-secret-user-token', SLACK_APP_TOKEN: 'xoxb-secret-in-wrong-place' });
    expect(found.join('\n')).not.toContain('very-secret');
    expect(found.join('\n')).not.toContain('secret-in-wrong-place');
  });

  test('ConfigError carries the lines, and its message lists them', () => {
    try {
      loadConfig({});
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).message.split('\n')).toHaveLength(3);
    }
  });
});

describe('loadConfig: the local trial workspace', () => {
  const storage = { DATABASE_URL: 'postgresql://u@h:5432/db', REDIS_URL: 'redis://h:6379' };

  test('no Slack credentials: local mode on 127.0.0.1, its own team and queue prefix, a random signing secret and token per start', () => {
    const a = loadConfig(storage);
    const b = loadConfig(storage);
    expect(isLocalMode(storage)).toBe(true);
    expect(a.local).toEqual({ teamId: 'TLOCAL0001', teamName: 'Local trial' });
    expect(a.host).toBe('127.0.0.1');
    expect(a.queuePrefix).toBe('followup-local');
    expect(a.slack.apiUrl).toBe('http://127.0.0.1:3000/api/');
    expect(a.slack.botToken).toMatch(/^xoxb-local-/);
    expect(a.slack.signingSecret).toHaveLength(48);
    expect(b.slack.signingSecret).not.toBe(a.slack.signingSecret);
    expect(a.slack.oauth).toBeUndefined();
  });

  test('credentials set: not local (the real Slack path), unless LOCAL_WORKSPACE=true', () => {
    const real = { ...storage, SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1' };
    expect(isLocalMode(real)).toBe(false);
    expect(loadConfig(real).local).toBeUndefined();
    expect(loadConfig(real).host).toBeUndefined();
    const forced = loadConfig({ ...real, LOCAL_WORKSPACE: 'true', HOST: '0.0.0.0' });
    expect(forced.local?.teamId).toBe('TLOCAL0001');
    expect(forced.host).toBe('0.0.0.0');
    expect(forced.slack.botToken).not.toBe('xoxb-1');
  });

  test('NODE_ENV=production without credentials refuses, with one line saying what to do; LOCAL_WORKSPACE=true allows it', () => {
    expect(problems({ ...storage, NODE_ENV: 'production' })).toEqual([
      "SLACK_SIGNING_SECRET is not set (nor SLACK_BOT_TOKEN, SLACK_CLIENT_ID, SLACK_APP_TOKEN) with NODE_ENV=production: set the Slack app's credentials, or LOCAL_WORKSPACE=true to run the local trial workspace (not connected to Slack) on purpose",
    ]);
    expect(loadConfig({ ...storage, NODE_ENV: 'production', LOCAL_WORKSPACE: 'true' }).local?.teamId).toBe('TLOCAL0001');
  });

  test('LOCAL_WORKSPACE=auto (docker-compose.yml): local without credentials even in production, the real Slack path with them; false: never local', () => {
    expect(loadConfig({ ...storage, NODE_ENV: 'production', LOCAL_WORKSPACE: 'auto' }).local?.teamId).toBe('TLOCAL0001');
    const real = loadConfig({ ...storage, NODE_ENV: 'production', LOCAL_WORKSPACE: 'auto', SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1' });
    expect([real.local, real.slack.botToken]).toEqual([undefined, 'xoxb-1']);
    expect(problems({ ...storage, LOCAL_WORKSPACE: 'false' })[0]).toBe('SLACK_SIGNING_SECRET is required (Basic Information → Signing Secret)');
    expect(problems({ ...storage, LOCAL_WORKSPACE: 'yes' })).toEqual(['LOCAL_WORKSPACE must be true, false or auto']);
  });
});

describe('loadConfig: OAuth install (many workspaces)', () => {
  const key = Buffer.alloc(32, 7).toString('base64');
  const oauth = { SLACK_CLIENT_ID: '1234.5678', SLACK_CLIENT_SECRET: 'client-secret', SLACK_STATE_SECRET: 'state-secret-0123456789', TOKEN_ENCRYPTION_KEY: key };

  test('OAuth without SLACK_BOT_TOKEN', () => {
    const { SLACK_BOT_TOKEN: _drop, ...rest } = valid;
    const config = loadConfig({ ...rest, ...oauth });
    expect(config.slack.botToken).toBeUndefined();
    expect(config.slack.oauth).toEqual({ clientId: '1234.5678', clientSecret: 'client-secret', stateSecret: 'state-secret-0123456789' });
    expect(config.tokenEncryptionKey).toBe(key);
  });

  test('OAuth with SLACK_BOT_TOKEN (the installation of its own workspace) and two keys during a rotation', () => {
    const config = loadConfig({ ...valid, ...oauth, TOKEN_ENCRYPTION_KEY: `${Buffer.alloc(32, 9).toString('base64')}, ${key}` });
    expect(config.slack.botToken).toBe('xoxb-123-456-abc');
    expect(config.slack.oauth?.clientId).toBe('1234.5678');
  });

  test('SLACK_CLIENT_ID alone names each missing companion, and refuses Socket Mode', () => {
    expect(problems({ ...valid, SLACK_CLIENT_ID: '1234.5678', SLACK_APP_TOKEN: 'xapp-1-A1-2-abc' })).toEqual([
      'SLACK_CLIENT_ID cannot be used with SLACK_APP_TOKEN: OAuth install needs HTTP mode (Slack sends browsers back to /slack/oauth_redirect); leave SLACK_APP_TOKEN empty',
      'SLACK_CLIENT_SECRET is required when SLACK_CLIENT_ID is set (OAuth install): Basic Information → App Credentials → Client Secret',
      'SLACK_STATE_SECRET is required when SLACK_CLIENT_ID is set (OAuth install): any random secret (openssl rand -hex 32)',
      'TOKEN_ENCRYPTION_KEY is required when SLACK_CLIENT_ID is set (OAuth install): 32 random bytes in base64 (openssl rand -base64 32)',
    ]);
  });

  test('a client id that is not one', () => {
    expect(problems({ ...valid, ...oauth, SLACK_CLIENT_ID: 'my-app' })).toEqual(['SLACK_CLIENT_ID must be the Client ID from Basic Information → App Credentials (digits.digits)']);
  });

  test('a bad key is reported without echoing it', () => {
    const secretish = Buffer.alloc(31, 1).toString('base64');
    const found = problems({ ...valid, ...oauth, TOKEN_ENCRYPTION_KEY: `${key},${secretish}` });
    expect(found).toEqual(['TOKEN_ENCRYPTION_KEY key 2 must be 32 bytes in base64, not 31 (openssl rand -base64 32)']);
    expect(found.join('\n')).not.toContain(secretish);
  });
});
