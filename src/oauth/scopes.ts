/** The bot scopes the install asks for: the same list as manifest.yml (a unit test compares them). */
export const BOT_SCOPES = [
  'commands',
  'chat:write',
  'chat:write.public',
  'users:read',
  'im:write',
  'channels:read',
  'groups:read',
  'files:write',
  'channels:join',
  'im:history',
  'channels:history',
  'groups:history',
] as const;
