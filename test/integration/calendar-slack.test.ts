import { FixedClock, Harness } from '../support/harness';
import { acceptInvitation, openModal, setupValues } from '../support/flows';
import { settle } from '../support/seed';

const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '').split('\r\n');
const eventOf = (ics: string) => {
  const all = unfold(ics);
  return all.slice(all.indexOf('BEGIN:VEVENT'), all.indexOf('END:VEVENT'));
};
const field = (ics: string, name: string) => eventOf(ics).find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));

/** The `.ics` invitation reaches both people's DMs when the evaluation is scheduled or moved — once per version. */
describe('calendar invitations by DM', () => {
  let h: Harness;
  const SENIOR = 'UCALSEN1';
  const LEADER = 'UCALLEA1';
  beforeAll(async () => {
    h = await Harness.start({ clock: new FixedClock('2026-11-30T09:00:00Z') });
    h.user(SENIOR, { locale: 'en-GB', tz: 'Europe/London', real_name: 'Sam Senior' });
    h.user(LEADER, { locale: 'nb-NO', tz: 'Europe/Oslo', real_name: 'Åse Ødegård' });
  });
  afterAll(async () => {
    await settle(h);
    await h.close();
  });

  /** The invitations uploaded so far: to whom (DM channel), the comment, and the file. */
  const invites = () =>
    h.slack.callsOf('files.completeUploadExternal')
      .filter((c) => c.args.channel_id)
      .map((c) => {
        const [file] = JSON.parse(String(c.args.files)) as { id: string; title: string }[];
        return { channel: String(c.args.channel_id), comment: String(c.args.initial_comment ?? ''), title: file.title, ics: h.slack.uploads.get(file.id) ?? '' };
      });
  const save = async (evaluation: string, startDate = '2026-12-01') => {
    const view = await openModal(h, SENIOR, `setup <@${LEADER}>`);
    const res = await h.submitView(SENIOR, view, setupValues({ leader: LEADER, evaluation, startDate }));
    expect(res.status).toBe(200);
    // The first save invites the leader; the follow-up (and its calendar) starts when they accept.
    await acceptInvitation(h, SENIOR, LEADER);
    await settle(h);
  };

  it('scheduled: both get the file in their DM, in their language and zone; saved again unchanged: nothing; moved: same UID, next SEQUENCE', async () => {
    await save('6'); // first evaluation: 12 January 2027
    await h.slack.waitFor(() => invites().length >= 2, 5000, 'two invitations');
    const [toSenior, toLeader] = [invites().find((i) => i.channel === `D${SENIOR.slice(1)}`)!, invites().find((i) => i.channel === `D${LEADER.slice(1)}`)!];
    expect(toSenior.comment).toContain(`Your evaluation conversation with <@${LEADER}> is on <!date^`);
    expect(toSenior.comment).toContain('Open the attached file to add it to your calendar');
    expect(toLeader.comment).toBe(`Evalueringssamtalen din med <@${SENIOR}> er 12. januar 2027. Åpne den vedlagte filen for å legge den inn i kalenderen (den erstatter en tidligere invitasjon til samme møte).`);
    expect(toSenior.title).toBe('evaluation-2027-01-12.ics');
    expect(toLeader.title).toBe('evalueringssamtale-2027-01-12.ics');
    expect(field(toSenior.ics, 'DTSTART')).toBe('DTSTART;TZID=Europe/London:20270112T100000');
    expect(field(toLeader.ics, 'DTSTART')).toBe('DTSTART;TZID=Europe/Oslo:20270112T110000'); // 10:00 in the senior leader's London
    expect(field(toLeader.ics, 'SUMMARY')).toBe('SUMMARY:Evalueringssamtale: Sam Senior og Åse Ødegård');
    expect(field(toSenior.ics, 'SEQUENCE')).toBe('SEQUENCE:0');
    const uid = field(toSenior.ics, 'UID');
    expect(field(toLeader.ics, 'UID')).toBe(uid);

    // Saved again with the same rhythm: the same version, already delivered — no second file.
    await save('6');
    expect(invites()).toHaveLength(2);

    // Moved (a later start: 15 December + 6 weeks = 26 January): a new version of the same event to both.
    await save('6', '2026-12-15');
    await h.slack.waitFor(() => invites().length >= 4, 5000, 'two more invitations');
    const moved = invites().slice(2);
    for (const m of moved) {
      expect(field(m.ics, 'UID')).toBe(uid);
      expect(field(m.ics, 'SEQUENCE')).toBe('SEQUENCE:1');
    }
    expect(moved.map((m) => m.title).sort()).toEqual(['evaluation-2027-01-26.ics', 'evalueringssamtale-2027-01-26.ics']);
    // The ledger holds one delivery per person and version.
    const keys = (await h.prisma.delivery.findMany({ where: { workspaceId: h.teamId, kind: 'ics' } })).map((d) => d.key);
    expect(keys).toHaveLength(4);
    expect(keys.every((k) => /^ics-evaluation-.+@followup-[01]-.+$/.test(k))).toBe(true);
  });

  it('the follow-up ends (the leader left): the senior leader gets the cancellation of the same event', async () => {
    const before = invites().length;
    const uid = field(invites()[0].ics, 'UID');
    const res = await h.event({ type: 'user_change', user: { id: LEADER, team_id: h.teamId, deleted: true } });
    expect(res.status).toBe(200);
    await h.slack.waitFor(() => invites().length > before, 5000, 'the cancellation');
    await settle(h);
    const sent = invites().slice(before);
    expect(sent).toHaveLength(1);
    const [cancel] = sent;
    expect(cancel.channel).toBe(`D${SENIOR.slice(1)}`);
    expect(cancel.comment).toBe(`The evaluation conversation with <@${LEADER}> is cancelled. Open the attached file to remove it from your calendar.`);
    expect(unfold(cancel.ics)).toContain('METHOD:CANCEL');
    expect(field(cancel.ics, 'UID')).toBe(uid);
    expect(field(cancel.ics, 'SEQUENCE')).toBe('SEQUENCE:2');
    expect(field(cancel.ics, 'STATUS')).toBe('STATUS:CANCELLED');
    // Slack sends the event again: nothing more.
    await h.event({ type: 'user_change', user: { id: LEADER, team_id: h.teamId, deleted: true } });
    await settle(h);
    expect(invites()).toHaveLength(before + 1);
  });
});
