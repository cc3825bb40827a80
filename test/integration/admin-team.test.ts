import { Harness, randomId, visibleText } from '../support/harness';
import { postSigned } from '../support/signing';

/** Admin-only actions fail closed when Slack cannot confirm is_admin; requests need a team id. */
describe('trust checks', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start();
  });
  afterAll(async () => {
    await h.close();
  });
  afterEach(() => h.slack.clearFaults());

  const TEXT = {
    'en-GB': { unconfirmed: 'Slack could not confirm right now that you are a workspace admin', noTeam: 'did not say which Slack workspace' },
    'nb-NO': { unconfirmed: 'Slack kunne ikke bekrefte akkurat nå at du er administrator', noTeam: 'sa ikke hvilket Slack-arbeidsområde' },
  } as const;

  it.each(['en-GB', 'nb-NO'] as const)('an admin (%s) whose is_admin Slack cannot confirm now is refused, not served the cached flag', async (locale) => {
    const admin = h.user(randomId('UADM'), { locale, is_admin: true });
    const leader = h.user(randomId('ULEA'), { locale });
    // Known, with is_admin cached from an earlier request.
    let n = h.slack.responses.length;
    await h.command(admin, 'help');
    await h.slack.waitForResponse(n + 1);
    await h.command(leader, 'help');
    await h.slack.waitForResponse(n + 2);
    const person = await h.prisma.person.findFirstOrThrow({ where: { workspaceId: h.teamId, slackUserId: admin } });
    expect(person.isAdmin).toBe(true);

    h.slack.fail('users.info', { error: 'internal_error' }, { times: Infinity });
    n = h.slack.responses.length;
    const started = Date.now();
    const res = await h.command(admin, `export <@${leader}>`);
    expect(res.status).toBe(200);
    const body = await h.slack.waitForResponse(n + 1);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(visibleText(body.blocks) + String(body.text)).toContain(TEXT[locale].unconfirmed);
    expect(h.slack.callsOf('files.getUploadURLExternal')).toHaveLength(0);
  });

  it('a slash command with no team id is refused before any listener runs, and creates nothing', async () => {
    const user = randomId('UNOT');
    h.user(user, { locale: 'nb-NO' });
    const responseUrl = h.newResponseUrl();
    const n = h.slack.responses.length;
    const params = new URLSearchParams({
      token: 'deprecated', team_id: '', team_domain: 'fake', channel_id: 'C0GENERAL', channel_name: 'general', user_id: user, user_name: 'x',
      command: '/followup', text: 'help', api_app_id: 'A0FAKE', response_url: responseUrl, trigger_id: h.slack.issueTrigger(user),
    });
    const calls = h.slack.calls.length;
    await postSigned(`${h.baseUrl}/slack/events`, params.toString(), 'application/x-www-form-urlencoded');
    // authorize refuses a request that names no workspace: no token is chosen, no listener runs, so
    // nothing is answered, looked up or stored (the runners refuse it too: common.error_no_team).
    await new Promise((r) => setTimeout(r, 500));
    expect(h.slack.responses.length).toBe(n);
    expect(h.slack.calls.slice(calls).map((c) => c.method)).toEqual([]);
    expect(await h.prisma.person.count({ where: { slackUserId: user } })).toBe(0);
    expect(await h.prisma.workspace.count({ where: { id: '' } })).toBe(0);
  });
});
