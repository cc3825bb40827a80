import net from 'node:net';

export type ProxyMode = 'up' | 'cut' | 'hang';

/**
 * A TCP proxy between the app and PostgreSQL or Redis, to make outages in a test:
 * - `up`: bytes flow both ways;
 * - `cut`: connections are refused (the listener closes; open connections are reset);
 * - `hang`: connections are accepted and nothing is ever answered (open ones go silent too).
 * `restore()` goes back to `up` on the same port; `url(template)` swaps host:port into a URL.
 */
export class TcpProxy {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  private modeNow: ProxyMode = 'up';
  port = 0;

  private constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  static async start(target: string): Promise<TcpProxy> {
    const u = new URL(target);
    const proxy = new TcpProxy(u.hostname, Number(u.port || (u.protocol.startsWith('redis') ? 6379 : 5432)));
    await proxy.listen(0);
    return proxy;
  }

  get mode(): ProxyMode {
    return this.modeNow;
  }

  /** `target` with its host and port replaced by the proxy's. */
  url(target: string): string {
    const u = new URL(target);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString();
  }

  private listen(port: number): Promise<void> {
    const server = net.createServer((client) => this.accept(client));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        this.port = (server.address() as net.AddressInfo).port;
        resolve();
      });
    });
  }

  private accept(client: net.Socket): void {
    this.sockets.add(client);
    client.on('close', () => this.sockets.delete(client));
    client.on('error', () => undefined);
    if (this.modeNow === 'hang') return; // accepted, never answered
    const upstream = net.connect(this.targetPort, this.targetHost);
    this.sockets.add(upstream);
    upstream.on('close', () => {
      this.sockets.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    // Forward only while up: in `hang`, bytes are swallowed both ways.
    client.on('data', (d) => {
      if (this.modeNow === 'up') upstream.write(d);
    });
    upstream.on('data', (d) => {
      if (this.modeNow === 'up') client.write(d);
    });
  }

  private dropAll(): void {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }

  /** Refuse connections: stop listening and reset the open ones. */
  async cut(): Promise<void> {
    this.modeNow = 'cut';
    this.dropAll();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }

  /** Accept connections and never answer (open connections go silent too). */
  async hang(): Promise<void> {
    if (!this.server) await this.listen(this.port);
    this.modeNow = 'hang';
  }

  /** Back to normal on the same port; connections left silent by a hang are dropped. */
  async restore(): Promise<void> {
    if (this.modeNow === 'hang') this.dropAll();
    this.modeNow = 'up';
    if (!this.server) await this.listen(this.port);
  }

  async close(): Promise<void> {
    this.modeNow = 'cut';
    this.dropAll();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }
}
