/**
 * Real servers of our own for the operations tests and bench/chaos: a Redis primary + replica with
 * three sentinels, a Redis Cluster made with `redis-cli --cluster create`, a PgBouncer, and a
 * PostgreSQL of our own (initdb + pg_ctl) to restart. Each listens on 127.0.0.1 on ports of its
 * own, keeps its files in a temp dir, and is stopped by `stop()` — and, should a test die first,
 * when the process exits. The machine's PostgreSQL (5432) and Redis (6379) are never touched.
 * Debian packages: redis-server, redis-sentinel, redis-tools, pgbouncer, postgresql (.ci/run).
 */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import type { RedisNode } from '../../src/config';

const run = promisify(execFile);

/** Killers of everything still running, called on exit (a failed test still stops its servers). */
const stillRunning = new Set<() => void>();
process.on('exit', () => {
  for (const stop of stillRunning) stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

function listenable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** A free port on 127.0.0.1 (and port + 10000 free too when `withBus`: a cluster node's bus port). */
export async function freePort(withBus = false): Promise<number> {
  for (let i = 0; i < 200; i++) {
    const port = 20000 + Math.floor(Math.random() * 30000);
    if ((await listenable(port)) && (!withBus || (await listenable(port + 10000)))) return port;
  }
  throw new Error('no free port');
}

function tempDir(what: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `followup-${what}-`));
  if (isRoot()) chownSync(dir, postgresUid(), postgresGid());
  return dir;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
function postgresUid(): number {
  return Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
}
function postgresGid(): number {
  return Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
}

/** A server process in its own process group (so that a wrapper such as runuser takes its child along). */
class Proc {
  private exited = false;
  private readonly killer = () => this.signal('SIGKILL');
  output = '';

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    child.stdout?.on('data', (d: Buffer) => (this.output = (this.output + d.toString()).slice(-4000)));
    child.stderr?.on('data', (d: Buffer) => (this.output = (this.output + d.toString()).slice(-4000)));
    child.on('exit', () => {
      this.exited = true;
      stillRunning.delete(this.killer);
    });
    stillRunning.add(this.killer);
  }

  static spawn(name: string, command: string, args: string[], asPostgres = false): Proc {
    const [cmd, argv] = asPostgres && isRoot() ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
    return new Proc(name, spawn(cmd, argv, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] }));
  }

  get running(): boolean {
    return !this.exited;
  }

  signal(sig: NodeJS.Signals): void {
    if (this.exited || this.child.pid === undefined) return;
    try {
      process.kill(-this.child.pid, sig);
    } catch {
      // already gone
    }
  }

  async stop(sig: NodeJS.Signals = 'SIGTERM', timeoutMs = 5000): Promise<void> {
    if (this.exited) return;
    const gone = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.signal(sig);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([gone, new Promise((r) => (timer = setTimeout(r, timeoutMs)))]);
    clearTimeout(timer);
    if (!this.exited) {
      this.signal('SIGKILL');
      await gone;
    }
  }
}

function admin(port: number): Redis {
  return new Redis({ host: '127.0.0.1', port, lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false, retryStrategy: () => null, connectTimeout: 1000 });
}

/** Runs one command on a server (a fresh connection each time: servers come and go). */
export async function redisCall(port: number, ...args: string[]): Promise<unknown> {
  const r = admin(port);
  r.on('error', () => undefined);
  try {
    await r.connect();
    return await r.call(args[0], ...args.slice(1));
  } finally {
    r.disconnect();
  }
}

const pong = (port: number) => redisCall(port, 'PING').then((r) => r === 'PONG');

async function startRedisServer(name: string, port: number, dir: string, extra: string[]): Promise<Proc> {
  const p = Proc.spawn(name, 'redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--protected-mode', 'no', ...extra]);
  await until(() => pong(port), 10000, `${name} on ${port}`).catch((err) => {
    throw new Error(`${err.message}\n${p.output}`);
  });
  return p;
}

// ─── Sentinel ──────────────────────────────────────────────────────────────────────────────────

export interface SentinelSet {
  masterName: string;
  sentinels: RedisNode[];
  /** The port of the server the sentinels name as primary now. */
  primaryPort(): Promise<number>;
  /** SIGKILLs the current primary; returns its port. */
  killPrimary(): Promise<number>;
  /** Resolves once the sentinels name another primary than `oldPort` and it answers as one. */
  waitForFailover(oldPort: number, timeoutMs?: number): Promise<number>;
  stop(): Promise<void>;
}

/** A primary, one replica and three sentinels (quorum 2), failing over about a second after a primary dies. */
export async function startSentinelSet(options: { downAfterMs?: number; failoverTimeoutMs?: number; appendonly?: boolean } = {}): Promise<SentinelSet> {
  const dir = tempDir('sentinel');
  const masterName = 'followup-primary';
  const procs: Proc[] = [];
  const stop = async () => {
    await Promise.all(procs.map((p) => p.stop('SIGKILL')));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const aof = options.appendonly ? ['--appendonly', 'yes'] : [];
    const [primaryPort, replicaPort] = [await freePort(), await freePort()];
    const servers = new Map<number, Proc>();
    for (const [port, extra] of [[primaryPort, []], [replicaPort, ['--replicaof', '127.0.0.1', String(primaryPort)]]] as [number, string[]][]) {
      const own = path.join(dir, `redis-${port}`);
      execFileSync('mkdir', ['-p', own]);
      const p = await startRedisServer(`redis ${port}`, port, own, [...extra, ...aof]);
      servers.set(port, p);
      procs.push(p);
    }
    await until(async () => String(await redisCall(replicaPort, 'INFO', 'replication')).includes('master_link_status:up'), 10000, 'the replica to sync');
    const sentinels: RedisNode[] = [];
    for (let i = 0; i < 3; i++) {
      const port = await freePort();
      const conf = path.join(dir, `sentinel-${port}.conf`);
      writeFileSync(
        conf,
        [
          `port ${port}`,
          'bind 127.0.0.1',
          'protected-mode no',
          `dir ${dir}`,
          `sentinel monitor ${masterName} 127.0.0.1 ${primaryPort} 2`,
          `sentinel down-after-milliseconds ${masterName} ${options.downAfterMs ?? 1000}`,
          `sentinel failover-timeout ${masterName} ${options.failoverTimeoutMs ?? 5000}`,
          `sentinel parallel-syncs ${masterName} 1`,
          '',
        ].join('\n'),
      );
      const p = Proc.spawn(`sentinel ${port}`, 'redis-sentinel', [conf]);
      procs.push(p);
      await until(() => pong(port), 10000, `sentinel on ${port}`);
      sentinels.push({ host: '127.0.0.1', port });
    }
    // Every sentinel knows the replica and the two other sentinels (they find each other by hello messages).
    for (const s of sentinels) {
      await until(
        async () => ((await redisCall(s.port, 'SENTINEL', 'REPLICAS', masterName)) as unknown[]).length === 1 && ((await redisCall(s.port, 'SENTINEL', 'SENTINELS', masterName)) as unknown[]).length === 2,
        20000,
        'the sentinels to know each other',
      );
    }
    const primaryPortNow = async (): Promise<number> => {
      for (const s of sentinels) {
        const addr = (await redisCall(s.port, 'SENTINEL', 'GET-MASTER-ADDR-BY-NAME', masterName).catch(() => null)) as string[] | null;
        if (addr) return Number(addr[1]);
      }
      throw new Error('no sentinel answers');
    };
    return {
      masterName,
      sentinels,
      primaryPort: primaryPortNow,
      async killPrimary() {
        const port = await primaryPortNow();
        servers.get(port)!.signal('SIGKILL');
        return port;
      },
      async waitForFailover(oldPort, timeoutMs = 30000) {
        let now = oldPort;
        await until(async () => {
          now = await primaryPortNow();
          return now !== oldPort && String(await redisCall(now, 'ROLE')).startsWith('master');
        }, timeoutMs, 'the sentinels to promote the replica');
        return now;
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

// ─── Cluster ───────────────────────────────────────────────────────────────────────────────────

export interface RedisClusterSet {
  nodes: RedisNode[];
  /** SIGKILLs a primary that holds slots; returns its port. */
  killPrimary(): Promise<number>;
  /** Resolves once every live node reports cluster_state:ok and no slot is on `deadPort`. */
  waitHealthy(deadPort?: number, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** `primaries` primaries (3), each with `replicas` replicas (0 or 1), made with `redis-cli --cluster create`. */
export async function startRedisCluster(options: { primaries?: number; replicas?: number; nodeTimeoutMs?: number } = {}): Promise<RedisClusterSet> {
  const dir = tempDir('cluster');
  const count = (options.primaries ?? 3) * (1 + (options.replicas ?? 0));
  const procs = new Map<number, Proc>();
  const stop = async () => {
    await Promise.all([...procs.values()].map((p) => p.stop('SIGKILL')));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < count; i++) {
      const port = await freePort(true);
      const own = path.join(dir, String(port));
      execFileSync('mkdir', ['-p', own]);
      procs.set(port, await startRedisServer(`cluster node ${port}`, port, own, ['--cluster-enabled', 'yes', '--cluster-config-file', path.join(own, 'nodes.conf'), '--cluster-node-timeout', String(options.nodeTimeoutMs ?? 2000)]));
    }
    const ports = [...procs.keys()];
    await run('redis-cli', ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', String(options.replicas ?? 0), '--cluster-yes'], { timeout: 30000 });
    const live = () => ports.filter((p) => procs.get(p)!.running);
    const waitHealthy = async (deadPort?: number, timeoutMs = 30000) => {
      await until(async () => {
        for (const p of live()) {
          if (!String(await redisCall(p, 'CLUSTER', 'INFO')).includes('cluster_state:ok')) return false;
        }
        if (deadPort === undefined) return true;
        const table = String(await redisCall(live()[0], 'CLUSTER', 'NODES'));
        return !table.split('\n').some((line) => line.includes(`:${deadPort}@`) && line.includes('master') && !line.includes('fail'));
      }, timeoutMs, 'the cluster to be healthy');
    };
    await waitHealthy();
    if ((options.replicas ?? 0) > 0) {
      // Every replica has synced before a test kills its primary.
      await until(async () => {
        for (const p of live()) {
          const info = String(await redisCall(p, 'INFO', 'replication'));
          if (info.includes('role:slave') && !info.includes('master_link_status:up')) return false;
        }
        return true;
      }, 20000, 'the replicas to sync');
    }
    return {
      nodes: ports.map((port) => ({ host: '127.0.0.1', port })),
      async killPrimary() {
        const table = String(await redisCall(live()[0], 'CLUSTER', 'NODES'));
        const line = table.split('\n').find((l) => l.includes('master') && !l.includes('fail') && l.trim().split(' ').length > 8)!;
        const port = Number(/:(\d+)@/.exec(line)![1]);
        procs.get(port)!.signal('SIGKILL');
        await until(async () => !procs.get(port)!.running, 5000, 'the primary to die');
        return port;
      },
      waitHealthy,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

// ─── PostgreSQL of our own, and PgBouncer ──────────────────────────────────────────────────────

function pgBin(name: string): string {
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    for (const v of readdirSync(base).sort().reverse()) {
      const p = path.join(base, v, 'bin', name);
      if (existsSync(p)) return p;
    }
  }
  return name;
}

function asPostgres(command: string, args: string[]): Promise<{ stdout: string }> {
  return isRoot() ? run('runuser', ['-u', 'postgres', '--', command, ...args], { timeout: 60000 }) : run(command, args, { timeout: 60000 });
}

export interface OwnPostgres {
  port: number;
  /** postgresql://postgres@127.0.0.1:<port>/<db> */
  url(db: string): string;
  /** `pg_ctl restart -m fast` (what `pg_ctlcluster … restart` does): every connection is cut. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** A PostgreSQL cluster made with initdb in a temp dir, trust auth on 127.0.0.1, started with pg_ctl. */
export async function startPostgres(): Promise<OwnPostgres> {
  const dir = tempDir('postgres');
  const data = path.join(dir, 'data');
  const port = await freePort();
  const ctl = pgBin('pg_ctl');
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  const stopSync = () => {
    try {
      execFileSync(isRoot() ? 'runuser' : ctl, [...(isRoot() ? ['-u', 'postgres', '--', ctl] : []), '-D', data, '-m', 'immediate', 'stop'], { stdio: 'ignore' });
    } catch {
      // not running
    }
  };
  try {
    await asPostgres(pgBin('initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    await asPostgres(ctl, ['-D', data, '-o', opts, '-l', path.join(dir, 'log'), '-w', 'start']);
    stillRunning.add(stopSync);
  } catch (err) {
    stopSync();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    port,
    url: (db) => `postgresql://postgres@127.0.0.1:${port}/${db}`,
    async restart() {
      await asPostgres(ctl, ['-D', data, '-o', opts, '-l', path.join(dir, 'log'), '-m', 'fast', '-w', 'restart']);
    },
    async stop() {
      await asPostgres(ctl, ['-D', data, '-m', 'fast', '-w', 'stop']).catch(() => stopSync());
      stillRunning.delete(stopSync);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface PgBouncer {
  port: number;
  /** The same URL with PgBouncer's host and port. */
  url(direct: string): string;
  /** What PgBouncer logged (for a failing test's message). */
  log(): string;
  stop(): Promise<void>;
}

/**
 * A PgBouncer in transaction pooling in front of `target` (host:port of a PostgreSQL): any database,
 * trust auth for the user `postgres`, with the settings README → Operations → PgBouncer names.
 */
export async function startPgBouncer(target: { host: string; port: number }, options: { poolSize?: number } = {}): Promise<PgBouncer> {
  const dir = tempDir('pgbouncer');
  const port = await freePort();
  const ini = path.join(dir, 'pgbouncer.ini');
  writeFileSync(path.join(dir, 'userlist.txt'), '"postgres" ""\n');
  writeFileSync(
    ini,
    [
      '[databases]',
      `* = host=${target.host} port=${target.port}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${path.join(dir, 'userlist.txt')}`,
      'pool_mode = transaction',
      'max_client_conn = 500',
      `default_pool_size = ${options.poolSize ?? 20}`,
      'server_reset_query =',
      `logfile = ${path.join(dir, 'pgbouncer.log')}`,
      `pidfile = ${path.join(dir, 'pgbouncer.pid')}`,
      '',
    ].join('\n'),
  );
  if (isRoot()) for (const f of ['pgbouncer.ini', 'userlist.txt']) chownSync(path.join(dir, f), postgresUid(), postgresGid());
  const p = Proc.spawn(`pgbouncer ${port}`, 'pgbouncer', [ini], true);
  const log = () => {
    try {
      return execFileSync('cat', [path.join(dir, 'pgbouncer.log')]).toString();
    } catch {
      return p.output;
    }
  };
  const stop = async () => {
    await p.stop('SIGINT');
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await until(() => listenable(port).then((free) => !free), 10000, `pgbouncer on ${port}`);
  } catch (err) {
    const why = `${(err as Error).message}\n${log()}`;
    await stop();
    throw new Error(why);
  }
  return {
    port,
    url(direct) {
      const u = new URL(direct);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      return u.toString();
    },
    log,
    stop,
  };
}
