import crypto from 'node:crypto';

/** Slack's request signature: v0=HMAC-SHA256(secret, `v0:{ts}:{body}`). */
export function sign(body: string, timestamp: number, secret: string): string {
  return 'v0=' + crypto.createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
}

/** The headers Slack sends with a request to the app (signed now). */
export function signedHeaders(body: string, secret: string, contentType: string): Record<string, string> {
  const ts = Math.floor(Date.now() / 1000);
  return { 'content-type': contentType, 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sign(body, ts, secret) };
}
