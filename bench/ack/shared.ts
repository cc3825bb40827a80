/** Shared by the load generator and the servers of the ack benchmark. */
export const SIGNING_SECRET = 'bench-signing-secret';
export const BOT_TOKEN = 'xoxb-bench-token';
