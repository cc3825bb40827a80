import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BOT_SCOPES } from '../../src/oauth/scopes';
import { Commands } from '../../src/slack/ids';

/**
 * manifest.yml must create the app the code expects: the command it listens to, the events it
 * handles, one request URL for everything, and only the scopes it uses. (Read as text: the repo
 * has no YAML parser, and the file's shape is simple.)
 */
const manifest = readFileSync(path.join(__dirname, '..', '..', 'manifest.yml'), 'utf8');
const lines = manifest.split('\n').filter((l) => !/^\s*#/.test(l));

/** The `- item` entries of a list that follows `key:`. */
function listAfter(key: string): string[] {
  const start = lines.findIndex((l) => l.trim() === `${key}:`);
  if (start < 0) return [];
  const indent = lines[start].search(/\S/);
  const items: string[] = [];
  for (const l of lines.slice(start + 1)) {
    if (l.trim() === '') continue;
    if (l.search(/\S/) <= indent && !l.trim().startsWith('-')) break;
    const m = /^\s*-\s+(\S+)\s*$/.exec(l);
    if (m) items.push(m[1]);
    else break;
  }
  return items;
}

test('the slash command is the one the app registers, with a usage hint and escaping', () => {
  expect(manifest).toContain(`- command: ${Commands.followup}\n`);
  expect(manifest).toMatch(/usage_hint: ".+"/);
  expect(manifest).toMatch(/should_escape: true/);
});

test('the bot events are exactly those the app handles', () => {
  // Events are registered by src/slack/listeners/events and by features (App Home's by home).
  const dir = path.join(__dirname, '..', '..', 'src', 'slack');
  const handled = new Set<string>();
  for (const file of (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'))) {
    for (const m of readFileSync(path.join(dir, file), 'utf8').matchAll(/\.event\(\s*'([a-z_.]+)'/g)) handled.add(m[1]);
  }
  expect(handled.size).toBeGreaterThan(0);
  expect(listAfter('bot_events').sort()).toEqual([...handled].sort());
  expect([...handled]).toEqual(expect.arrayContaining(['app_home_opened', 'app_uninstalled', 'tokens_revoked']));
});

test('least-privilege bot scopes; history only for the own-message lookup after a crash', () => {
  const scopes = listAfter('bot');
  expect(scopes.sort()).toEqual([
    'channels:history',
    'channels:join',
    'channels:read',
    'chat:write',
    'chat:write.public',
    'commands',
    'files:write',
    'groups:history',
    'groups:read',
    'im:history',
    'im:write',
    'users:read',
  ]);
  // The history scopes exist for exactly one call: the messenger's lookup of its own post by metadata key.
  const messenger = readFileSync(path.join(__dirname, '..', '..', 'src', 'slack', 'outbound', 'messenger.ts'), 'utf8');
  expect(messenger).toMatch(/conversations\.history\(/);
  expect(messenger).toMatch(/event_payload\?\.key === key/);
});

test('commands, interactivity and events go to /slack/events; App Home and interactivity are on', () => {
  const urls = [...manifest.matchAll(/(?:url|request_url): (\S+)/g)].map((m) => m[1]);
  expect(urls).toHaveLength(3);
  for (const url of urls) expect(url).toBe('https://YOUR-HOST/slack/events');
  expect(manifest).toMatch(/home_tab_enabled: true/);
  expect(manifest).toMatch(/interactivity:\n\s+# .*\n\s+is_enabled: true/);
  expect(manifest).toMatch(/socket_mode_enabled: false/);
});

test('OAuth: the install asks for exactly the manifest\'s bot scopes; the redirect URL is the installer\'s route', () => {
  expect([...BOT_SCOPES].sort()).toEqual(listAfter('bot').sort());
  expect(listAfter('redirect_urls')).toEqual(['https://YOUR-HOST/slack/oauth_redirect']);
  const routes = readFileSync(path.join(__dirname, '..', '..', 'src', 'oauth', 'routes.ts'), 'utf8');
  expect(routes).toContain("REDIRECT_PATH = '/slack/oauth_redirect'");
  expect(manifest).toMatch(/org_deploy_enabled: (true|false)/);
});
