import crypto from 'node:crypto';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/logger';
import { Harness, randomId, TEST_STATE_SECRET } from '../support/harness';
import { settle } from '../support/seed';

/**
 * No log line holds a token or a secret, even at trace level, where the Slack SDKs log every
 * request body and result: installs (good, reused code, wrong secret), a token refreshed, commands.
 */
describe('OAuth: nothing secret in the logs', () => {
  let h: Harness;
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });

  beforeAll(async () => {
    h = await Harness.start({ oauth: { key: crypto.randomBytes(32).toString('base64') }, logger: createLogger('trace', {}, sink) });
  });
  afterAll(async () => {
    await h.close();
  });

  async function install(teamId: string, rotation = false, code = h.slack.issueCode(teamId, { rotation })): Promise<number> {
    const page = await fetch(`${h.baseUrl}/slack/install`);
    const html = await page.text();
    const state = new URL(/href="([^"]+)"/.exec(html)![1].replace(/&amp;/g, '&')).searchParams.get('state')!;
    const res = await fetch(`${h.baseUrl}/slack/oauth_redirect?code=${encodeURIComponent(code)}&state=${encodeURIComponent(state)}`, { headers: { cookie: `slack-app-oauth-state=${state}` } });
    await res.text();
    return res.status;
  }

  it('installs, refreshes, refuses and answers without logging a token, the client secret, the state secret or a code', async () => {
    const team = randomId('T');
    h.slack.addTeam({ id: team, name: 'Logged' });
    h.slack.rotatingTokenLifetime = 3600; // inside the 2-hour window: refreshed at first use
    const code = h.slack.issueCode(team, { rotation: true });
    expect(await install(team, true, code)).toBe(200);
    expect(await install(team, true, code)).toBe(400); // reused code
    const secret = h.slack.clientSecret;
    h.slack.clientSecret = 'other-secret';
    expect(await install(team)).toBe(400);
    h.slack.clientSecret = secret;

    const view = Object.create(h, { teamId: { value: team } }) as Harness;
    const user = view.user('ULOGGED1', { locale: 'en-GB' });
    const opens = h.slack.callsOf('views.open').length;
    await view.command(user, 'setup');
    await h.slack.waitForCall('views.open', opens + 1);
    await settle(h);
    expect(h.slack.callsOf('oauth.v2.access').some((c) => c.args.grant_type === 'refresh_token')).toBe(true);

    const log = lines.join('\n');
    // Logging was on at trace level (the app's own lines are there), and the SDKs' debug lines,
    // which carry request and response bodies, were dropped whatever the level.
    expect(log).toContain('app installed');
    expect(lines.filter((l) => l.includes('"component":"bolt"') && /"level":(10|20)\b/.test(l))).toEqual([]);
    const secrets = [...h.slack.allIssuedSecrets(), secret, TEST_STATE_SECRET, code];
    expect(secrets.length).toBeGreaterThanOrEqual(5);
    for (const s of secrets) expect(lines.filter((l) => l.includes(s))).toEqual([]);
    expect(lines.filter((l) => /xox[abpe]-[A-Za-z0-9]/.test(l))).toEqual([]);
    await h.prisma.installation.deleteMany({ where: { id: team } });
  });
});
