import { parseCommandText, SUBCOMMANDS } from '../../src/slack/commandText';

describe('parseCommandText', () => {
  test('empty text opens the menu', () => {
    expect(parseCommandText('')).toEqual({ sub: null, unknown: null, userIds: [], channelIds: [], rest: '' });
    expect(parseCommandText('   ')).toMatchObject({ sub: null, unknown: null });
    expect(parseCommandText(undefined)).toMatchObject({ sub: null, unknown: null });
  });

  test.each(SUBCOMMANDS.map((s) => [s]))('the English subcommand %s is recognised', (sub) => {
    expect(parseCommandText(sub)).toMatchObject({ sub, unknown: null });
  });

  test('subcommands are case-insensitive and surrounding space is ignored', () => {
    expect(parseCommandText('  GOAL  ')).toMatchObject({ sub: 'goal' });
    expect(parseCommandText('Help')).toMatchObject({ sub: 'help' });
  });

  test.each([
    ['mål', 'goal'],
    ['Mål', 'goal'],
    ['maal', 'goal'],
    ['tilbakemelding', 'feedback'],
    ['refleksjon', 'reflect'],
    ['evaluering', 'evaluate'],
    ['hindring', 'barrier'],
    ['tiltak', 'plan'],
    ['læring', 'learn'],
    ['LÆRING', 'learn'],
    ['spørsmål', 'questions'],
    ['oppsett', 'setup'],
    ['innsjekk', 'checkin'],
    ['delmål', 'milestone'],
    ['samtale', 'conversation'],
    ['utvikling', 'develop'],
    ['oversikt', 'status'],
    ['innstillinger', 'settings'],
    ['eksport', 'export'],
    ['hjelp', 'help'],
  ] as const)('the Norwegian alias %s means %s', (alias, sub) => {
    expect(parseCommandText(alias)).toMatchObject({ sub, unknown: null });
  });

  test('a person mention with a name is read as the user id', () => {
    expect(parseCommandText('goal <@U123|anna>')).toEqual({ sub: 'goal', unknown: null, userIds: ['U123'], channelIds: [], rest: '' });
  });

  test('a mention without a name, and several mentions, are all read in order', () => {
    expect(parseCommandText('feedback <@U123> <@W456|bo>').userIds).toEqual(['U123', 'W456']);
  });

  test('a channel mention with a name is read as the channel id', () => {
    expect(parseCommandText('setup <@U123|anna> <#C123|team>')).toEqual({
      sub: 'setup',
      unknown: null,
      userIds: ['U123'],
      channelIds: ['C123'],
      rest: '',
    });
    expect(parseCommandText('oppsett <#G0PRIV|ledere>').channelIds).toEqual(['G0PRIV']);
  });

  test('text that is not a mention is kept as rest', () => {
    expect(parseCommandText('learn <@U1|a> tried a new meeting format')).toMatchObject({
      sub: 'learn',
      userIds: ['U1'],
      rest: 'tried a new meeting format',
    });
  });

  test('a plain @name (not escaped by Slack) is not taken for a user id', () => {
    expect(parseCommandText('goal @anna')).toMatchObject({ sub: 'goal', userIds: [], rest: '@anna' });
  });

  test('an unknown word is reported as written, with the mentions still read', () => {
    expect(parseCommandText('Hei <@U9|x>')).toEqual({ sub: null, unknown: 'Hei', userIds: ['U9'], channelIds: [], rest: '' });
    expect(parseCommandText('goalz')).toMatchObject({ sub: null, unknown: 'goalz' });
  });
});
