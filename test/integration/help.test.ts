import { Harness, visibleText } from '../support/harness';
import { commandName, parseCommandText, SUBCOMMANDS } from '../../src/slack/commandText';
import { translator } from '../../src/i18n';
import { bokmaalWordsIn } from '../support/readerDates';

describe('/followup help and menu', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start();
  });
  afterAll(async () => {
    await h.close();
  });

  it('acks at once and lists every subcommand in English for an English user', async () => {
    const user = h.user('UHELPEN1', { locale: 'en-GB' });
    const res = await h.command(user, 'help');
    expect(res.status).toBe(200);
    const body = await h.slack.waitForResponse(h.slack.responses.length + 1);
    const text = visibleText(body.blocks);
    for (const sub of SUBCOMMANDS) expect(text).toContain(`/followup ${sub}`);
    expect(text).toContain('How to use /followup');
    expect(text).toContain('record progress on a goal');
    expect(body.response_type).toBe('ephemeral');
  });

  it('answers in bokmål for a user whose Slack locale is nb-NO, and accepts the Norwegian alias', async () => {
    const user = h.user('UHELPNB1', { locale: 'nb-NO' });
    const n = h.slack.responses.length;
    await h.command(user, 'hjelp');
    const body = await h.slack.waitForResponse(n + 1);
    const text = visibleText(body.blocks);
    expect(text).toContain('Slik bruker du /followup');
    expect(text).toContain('registrer fremdrift på et mål');
    // A bokmål reader is shown the Norwegian names.
    for (const sub of SUBCOMMANDS) expect(text).toContain(`/followup ${commandName('nb', sub)}`);
    for (const name of ['mål', 'fremdrift', 'delmål', 'tilbakemelding', 'refleksjon', 'samtale', 'evaluering', 'hindring', 'tiltak', 'læring', 'utvikling', 'spørsmål', 'status']) {
      expect(text).toContain(`/followup ${name}`);
    }
    expect(text).not.toContain('/followup checkin');
  });

  it('understands both names of every subcommand, whatever the reader\'s language', async () => {
    for (const sub of SUBCOMMANDS) {
      for (const locale of ['nb', 'nn', 'en'] as const) expect(parseCommandText(commandName(locale, sub)).sub).toBe(sub);
    }
    const user = h.user('UHELPNB2', { locale: 'nb-NO' });
    const n = h.slack.responses.length;
    await h.command(user, 'help');
    expect(visibleText((await h.slack.waitForResponse(n + 1)).blocks)).toContain('/followup mål');
  });

  it('shows a bokmål reader a menu in Norwegian whose lines fit 75 characters, cut only between words', async () => {
    const user = h.user('UMENUNB1', { locale: 'nb-NO' });
    const n = h.slack.responses.length;
    await h.command(user, '');
    const body = await h.slack.waitForResponse(n + 1);
    const blocks = body.blocks as { accessory?: { options: { text: { text: string }; value: string }[] } }[];
    const options = blocks[0].accessory?.options ?? [];
    expect(options.length).toBe(SUBCOMMANDS.length - 1);
    expect(options.map((o) => o.text.text.split(' — ')[0])).toEqual(expect.arrayContaining(['mål', 'fremdrift', 'delmål', 'tilbakemelding', 'hindring', 'tiltak']));
    for (const o of options) {
      expect(Array.from(o.text.text).length).toBeLessThanOrEqual(75);
      const sub = o.value as (typeof SUBCOMMANDS)[number];
      const full = `${commandName('nb', sub)} — ${translator('nb')(`help.sub.${sub}`)}`;
      if (o.text.text !== full) {
        // Cut: what is left ends a whole word of the full line, then the ellipsis.
        expect(o.text.text.endsWith('…')).toBe(true);
        const kept = o.text.text.slice(0, -1);
        expect(full.startsWith(kept)).toBe(true);
        expect(/[\s,;:—–-]/.test(full[kept.length] ?? ' ')).toBe(true);
      }
    }
  });

  it('treats no* as bokmål and nn* as nynorsk', async () => {
    const no = h.user('UHELPNO1', { locale: 'no-NO' });
    let n = h.slack.responses.length;
    await h.command(no, 'help');
    expect(visibleText((await h.slack.waitForResponse(n + 1)).blocks)).toContain('Slik bruker du');
    const nn = h.user('UHELPNN1', { locale: 'nn-NO' });
    n = h.slack.responses.length;
    await h.command(nn, 'help');
    expect(visibleText((await h.slack.waitForResponse(n + 1)).blocks)).toContain('Slik brukar du /followup');
  });

  it('answers a nynorsk reader in nynorsk with the nynorsk names, and the bokmål names still work for them', async () => {
    const user = h.user('UHELPNN2', { locale: 'nn-NO' });
    let n = h.slack.responses.length;
    await h.command(user, 'hjelp');
    const text = visibleText((await h.slack.waitForResponse(n + 1)).blocks);
    expect(text).toContain('registrer framdrift på eit mål');
    for (const sub of SUBCOMMANDS) expect(text).toContain(`/followup ${commandName('nn', sub)}`);
    for (const name of ['framdrift', 'påminningar', 'innstillingar', 'mål', 'avslutt']) expect(text).toContain(`/followup ${name}`);
    expect(text).not.toContain('/followup fremdrift');
    expect(text).not.toContain('/followup påminnelser');
    expect(bokmaalWordsIn(text)).toEqual([]);
    // The bokmål name of a subcommand answers a nynorsk reader too (here: the schedule, in nynorsk).
    n = h.slack.responses.length;
    await h.command(user, 'påminnelser');
    expect(visibleText((await h.slack.waitForResponse(n + 1)).blocks)).toContain('Du har ingen planlagde påminningar no.');
  });

  it('shows a nynorsk reader a menu in nynorsk whose lines fit 75 characters', async () => {
    const user = h.user('UMENUNN1', { locale: 'nn-NO' });
    const n = h.slack.responses.length;
    await h.command(user, '');
    const body = await h.slack.waitForResponse(n + 1);
    expect(visibleText(body.blocks)).toContain('Kva vil du gjere?');
    const blocks = body.blocks as { accessory?: { options: { text: { text: string }; value: string }[] } }[];
    const options = blocks[0].accessory?.options ?? [];
    expect(options.length).toBe(SUBCOMMANDS.length - 1);
    expect(options.map((o) => o.text.text.split(' — ')[0])).toEqual(expect.arrayContaining(['framdrift', 'påminningar', 'innstillingar']));
    for (const o of options) expect(Array.from(o.text.text).length).toBeLessThanOrEqual(75);
  });

  it('answers an unknown subcommand with what was not understood and the help', async () => {
    const user = h.user('UHELPUNK', { locale: 'en-US' });
    const n = h.slack.responses.length;
    await h.command(user, 'dance <@U999>');
    const body = await h.slack.waitForResponse(n + 1);
    const text = visibleText(body.blocks);
    expect(text).toContain('I did not understand “dance”');
    expect(text).toContain('/followup setup');
  });

  it('opens a menu when /followup has no text', async () => {
    const user = h.user('UMENU001', { locale: 'en-US' });
    const n = h.slack.responses.length;
    await h.command(user, '');
    const body = await h.slack.waitForResponse(n + 1);
    expect(visibleText(body.blocks)).toContain('What would you like to do?');
    const blocks = body.blocks as { accessory?: { type: string; options: unknown[] } }[];
    expect(blocks[0].accessory?.type).toBe('static_select');
    expect(blocks[0].accessory?.options.length).toBe(SUBCOMMANDS.length - 1);
  });
});
