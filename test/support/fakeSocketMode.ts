import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * Slack's Socket Mode end: `apps.connections.open` (answered by FakeSlack) hands the app this
 * server's ws:// URL; the server says hello, then pushes envelopes and collects the acks.
 */
export class FakeSocketMode {
  private server = http.createServer();
  private wss = new WebSocketServer({ server: this.server });
  private socket: WebSocket | null = null;
  private acks = new Map<string, (payload: Record<string, unknown>) => void>();
  private connectedWaiters: (() => void)[] = [];

  async start(): Promise<this> {
    this.wss.on('connection', (ws) => {
      this.socket = ws;
      ws.on('message', (data) => {
        const msg = JSON.parse(String(data)) as { envelope_id?: string; payload?: Record<string, unknown> };
        if (msg.envelope_id) this.acks.get(msg.envelope_id)?.(msg.payload ?? {});
      });
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0FAKE' } }));
      for (const w of this.connectedWaiters.splice(0)) w();
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/link`;
  }

  async connected(timeoutMs = 5000): Promise<void> {
    if (this.socket) return;
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('the app did not connect over Socket Mode')), timeoutMs);
      this.connectedWaiters.push(() => {
        clearTimeout(t);
        resolve();
      });
    });
  }

  /** Sends an envelope (e.g. type slash_commands) and resolves with the app's ack payload. */
  async send(type: string, payload: Record<string, unknown>, timeoutMs = 3000): Promise<Record<string, unknown>> {
    if (!this.socket) throw new Error('no Socket Mode connection');
    const envelopeId = crypto.randomUUID();
    const ack = new Promise<Record<string, unknown>>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no ack for ${type} within ${timeoutMs} ms`)), timeoutMs);
      this.acks.set(envelopeId, (p) => {
        clearTimeout(t);
        resolve(p);
      });
    });
    this.socket.send(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api' }));
    return ack;
  }

  async stop(): Promise<void> {
    for (const c of this.wss.clients) c.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
