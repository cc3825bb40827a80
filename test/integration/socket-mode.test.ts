import { createWebApp, type WebApp } from '../../src/app';
import { createLogger } from '../../src/logger';
import { systemClock } from '../../src/time/clock';
import { FakeSocketMode } from '../support/fakeSocketMode';
import { Harness, visibleText } from '../support/harness';

describe('Socket Mode (SLACK_APP_TOKEN set)', () => {
  let h: Harness;
  let socket: FakeSocketMode;
  let app: WebApp;
  beforeAll(async () => {
    h = await Harness.start();
    socket = await new FakeSocketMode().start();
    h.slack.socketModeUrl = socket.url;
    const config = { ...h.config, port: 0, slack: { ...h.config.slack, appToken: h.slack.appToken } };
    app = createWebApp({ config, prisma: h.prisma, redis: h.redis, clock: systemClock, logger: createLogger('silent') });
    await app.start();
    await socket.connected();
  });
  afterAll(async () => {
    await app.stop().catch(() => undefined);
    await socket.stop();
    await h.close();
  });

  it('connects through SLACK_API_URL, acks /followup over the socket and answers in the user\'s language', async () => {
    const user = h.user('USOCKET1', { locale: 'nb-NO' });
    expect(h.slack.callsOf('apps.connections.open')).toHaveLength(1);
    const n = h.slack.responses.length;
    await socket.send('slash_commands', {
      team_id: h.teamId,
      user_id: user,
      command: '/followup',
      text: 'hjelp',
      channel_id: 'C0GENERAL',
      response_url: h.newResponseUrl(),
      trigger_id: h.slack.issueTrigger(user),
      api_app_id: 'A0FAKE',
    });
    const reply = await h.slack.waitForResponse(n + 1);
    expect(visibleText(reply.blocks)).toContain('Slik bruker du /followup');
  });
});
