import { Harness } from '../support/harness';
import { postSigned, sign } from '../support/signing';

describe('request signatures', () => {
  let h: Harness;
  let user: string;
  beforeAll(async () => {
    h = await Harness.start();
    user = h.user('USIGN001', { locale: 'en-US' });
  });
  afterAll(async () => {
    await h.close();
  });

  const noWebApiCalls = async () => {
    // Give a wrongly accepted request time to reach the fake Slack API.
    await new Promise((r) => setTimeout(r, 300));
    expect(h.slack.calls.filter((c) => c.method !== 'auth.test')).toHaveLength(0);
    expect(h.slack.responses).toHaveLength(0);
  };

  beforeEach(() => h.slack.reset());

  it('refuses a forged signature with 401 and calls no Web API', async () => {
    const res = await h.command(user, 'help', { signature: 'v0=' + '0'.repeat(64) });
    expect(res.status).toBe(401);
    await noWebApiCalls();
  });

  it('refuses a request signed with another secret', async () => {
    const res = await h.command(user, 'help', { secret: 'not-the-secret' });
    expect(res.status).toBe(401);
    await noWebApiCalls();
  });

  it('refuses a stale timestamp (older than 5 minutes) even when correctly signed', async () => {
    const res = await h.command(user, 'help', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(res.status).toBe(401);
    await noWebApiCalls();
  });

  it('refuses a timestamp more than 5 minutes in the future', async () => {
    const res = await h.command(user, 'help', { timestamp: Math.floor(Date.now() / 1000) + 6 * 60 });
    expect(res.status).toBe(401);
    await noWebApiCalls();
  });

  it('refuses missing headers', async () => {
    const res = await h.command(user, 'help', { omitHeaders: true });
    expect(res.status).toBe(401);
    const res2 = await h.command(user, 'help', { signature: null });
    expect(res2.status).toBe(401);
    await noWebApiCalls();
  });

  it('refuses a body changed after signing (events and interactivity too)', async () => {
    const body = JSON.stringify({ type: 'event_callback', team_id: h.teamId, event: { type: 'app_home_opened', user, tab: 'home' } });
    const ts = Math.floor(Date.now() / 1000);
    const res = await postSigned(`${h.baseUrl}/slack/events`, body.replace('home', 'messages'), 'application/json', { timestamp: ts, signature: sign(body, ts) });
    expect(res.status).toBe(401);
    await noWebApiCalls();
  });

  it('accepts a correctly signed request', async () => {
    const res = await h.command(user, 'help');
    expect(res.status).toBe(200);
    await h.slack.waitForResponse(1);
  });
});
