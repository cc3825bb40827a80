import { scrubSecrets } from '../../src/logger';

test('Slack SDK log text is scrubbed of tokens, the client secret and OAuth codes', () => {
  const body = 'http request body: {"client_id":"1.2","client_secret":"s3cr3t","code":"123.456.abc","refresh_token":"[[REDACTED]]"}';
  const scrubbed = scrubSecrets(body);
  expect(scrubbed).not.toContain('s3cr3t');
  expect(scrubbed).not.toContain('123.456.abc');
  expect(scrubbed).toContain('"client_id":"1.2"');
  expect(scrubSecrets('Bearer xoxb-1-abc-DEF and xoxe.xoxb-1-2-zz and xoxe-1-refresh')).toBe('Bearer xox…[redacted] and xox…[redacted] and xox…[redacted]');
  expect(scrubSecrets('client_secret=abc&code=def&x=1')).toBe('client_secret=[redacted]&code=[redacted]&x=1');
  expect(scrubSecrets('nothing secret here')).toBe('nothing secret here');
});
