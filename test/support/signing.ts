import { sign as signWith } from '../../src/local/signing';

export const SIGNING_SECRET = 'test-signing-secret';

/** Slack's request signature: v0=HMAC-SHA256(secret, `v0:{ts}:{body}`). */
export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return signWith(body, timestamp, secret);
}

export interface SlackResponse {
  status: number;
  body: string;
  json<T = Record<string, unknown>>(): T;
}

export interface SendOptions {
  timestamp?: number;
  signature?: string | null;
  omitHeaders?: boolean;
  retryNum?: number;
  secret?: string;
}

/** Posts a signed request to the app as Slack would. */
export async function postSigned(url: string, body: string, contentType: string, opts: SendOptions = {}): Promise<SlackResponse> {
  const ts = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { 'content-type': contentType };
  if (!opts.omitHeaders) {
    headers['x-slack-request-timestamp'] = String(ts);
    const signature = opts.signature === undefined ? sign(body, ts, opts.secret) : opts.signature;
    if (signature !== null) headers['x-slack-signature'] = signature;
  }
  if (opts.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(opts.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  const res = await fetch(url, { method: 'POST', headers, body });
  const text = await res.text();
  return {
    status: res.status,
    body: text,
    json<T>() {
      return (text ? JSON.parse(text) : {}) as T;
    },
  };
}
