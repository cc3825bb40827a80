import type { OutboundBody } from '../../src/domain/reminders/messages';
import { renderOutbound } from '../../src/slack/outbound/render';
import { scheduleMessage } from '../../src/slack/features/schedule/views';
import { translator } from '../../src/i18n';
import { checkCall } from '../support/blockKit';
import { visibleText } from '../support/harness';
import { englishDatesIn } from '../support/readerDates';
import { DateTime } from 'luxon';
import { dateFormatter } from '../../src/i18n/dates';

const long = (n: number) => 'Ø'.repeat(n);
const goals = Array.from({ length: 12 }, (_, i) => ({ title: `${long(200)} ${i}`, progress: i % 3 === 0 ? null : i / 12 }));

const bodies: OutboundBody[] = [
  { type: 'evaluation', phase: 'before', evaluationOn: '2027-03-31', asSenior: true, otherUserId: 'U1', leaderUserId: 'U1', goals },
  { type: 'evaluation', phase: 'day', evaluationOn: '2027-03-31', asSenior: false, otherUserId: 'U2', leaderUserId: 'U1', goals: [] },
  { type: 'nudge', leaderUserId: 'U1', since: '2027-03-01', days: 28 },
  { type: 'reflection', seniorUserId: 'U2', leaderUserId: 'U1', promptIndex: 7 },
  { type: 'action', actionId: 'a1', what: `<@U9> & ${long(600)}`, dueDay: '2027-03-30', overdue: true, barrier: long(400) },
  {
    type: 'digest',
    weekOf: '2027-03-29',
    leaders: Array.from({ length: 60 }, (_, i) => ({ userId: `UL${i}`, goals, checkIns: i, conversations: 1, openBarriers: 2, overdueActions: 3 })),
  },
  { type: 'celebration', what: 'goal', leaderUserId: 'U1', goalTitle: long(300), milestoneTitle: null, startedOn: '2027-01-04', baseline: 1.5, current: 3.25, target: 3, unit: 'pts', milestonesDone: 3, milestonesTotal: 3 },
  { type: 'celebration', what: 'milestone', leaderUserId: 'U1', goalTitle: 'Goal', milestoneTitle: long(300), startedOn: '2027-01-04', baseline: null, current: null, target: null, unit: null, milestonesDone: 1, milestonesTotal: 4 },
  { type: 'notice', reason: 'not_in_channel', channelId: 'G1', recipientUserId: null, failedKind: 'celebration-goal' },
  { type: 'notice', reason: 'account_inactive', channelId: null, recipientUserId: 'U3', failedKind: 'nudge' },
];

describe('workflow messages', () => {
  it.each(['nb', 'nn', 'en'] as const)('renders every workflow in %s within Slack\'s limits, escaping user text', (locale) => {
    for (const body of bodies) {
      const m = renderOutbound({ key: 'k', locale, zone: 'Europe/Oslo', body });
      expect(checkCall('chat.postMessage', { channel: 'D1', text: m.text, blocks: m.blocks })).toEqual([]);
      expect(m.text.length).toBeGreaterThan(0);
      expect(visibleText(m.blocks)).not.toContain('<@U9>');
    }
  });

  it('dates every workflow message as its reader reads it: bokmål written out (no token, no English word), English as Slack tokens', () => {
    // Composed on Monday 29 March 2027, 09:00 in Oslo.
    const composedAt = '2027-03-29T09:00:00.000+02:00';
    for (const body of bodies) {
      const nb = renderOutbound({ key: 'k', locale: 'nb', zone: 'Europe/Oslo', composedAt, body });
      expect(englishDatesIn(`${nb.text}\n${visibleText(nb.blocks)}`)).toEqual([]);
    }
    const nbText = (i: number) => visibleText(renderOutbound({ key: 'k', locale: 'nb', zone: 'Europe/Oslo', composedAt, body: bodies[i] }).blocks);
    expect(nbText(0)).toContain('onsdag'); // the evaluation on Wednesday 31 March
    expect(nbText(2)).toContain('1. mars'); // the last one-to-one, four weeks ago
    expect(nbText(4)).toContain('i morgen'); // the action due Tuesday 30 March
    expect(nbText(6)).toContain('startet 4. januar');
    // The same for a nynorsk reader, in nynorsk.
    for (const body of bodies) {
      const nn = renderOutbound({ key: 'k', locale: 'nn', zone: 'Europe/Oslo', composedAt, body });
      expect(englishDatesIn(`${nn.text}\n${visibleText(nn.blocks)}`)).toEqual([]);
    }
    const nnText = (i: number) => visibleText(renderOutbound({ key: 'k', locale: 'nn', zone: 'Europe/Oslo', composedAt, body: bodies[i] }).blocks);
    expect(nnText(0)).toContain('onsdag');
    expect(nnText(4)).toContain('i morgon');
    expect(nnText(6)).toContain('starta 4. januar');
    expect(renderOutbound({ key: 'k', locale: 'nn', zone: 'Europe/Oslo', composedAt, body: bodies[5] }).text).toBe('Vekeoppsummering, veke 13');
    // The digest's header names the ISO week, in both languages.
    const digest = (locale: 'nb' | 'en') => renderOutbound({ key: 'k', locale, zone: 'Europe/Oslo', composedAt, body: bodies[5] });
    expect(digest('nb').text).toBe('Ukeoppsummering, uke 13');
    expect(visibleText(digest('nb').blocks[0])).toBe('Ukeoppsummering, uke 13');
    expect(digest('en').text).toBe('Weekly digest, week 13');
    // English keeps Slack's tokens, with an English fallback.
    const en = renderOutbound({ key: 'k', locale: 'en', zone: 'Europe/Oslo', composedAt, body: bodies[0] });
    expect(visibleText(en.blocks)).toMatch(/<!date\^\d+\^\{date_short_pretty\}\|Wednesday 31 March 2027>/);
    // Without composedAt (a message queued before it existed) bokmål dates are written in full.
    expect(visibleText(renderOutbound({ key: 'k', locale: 'nb', zone: 'Europe/Oslo', body: bodies[0] }).blocks)).toContain('31. mars 2027');
  });

  it('counts in the digest read right for 0, 1 and 2 in both languages', () => {
    const line = (locale: 'nb' | 'en', n: number) =>
      visibleText(
        renderOutbound({ key: 'k', locale, zone: 'Europe/Oslo', body: { type: 'digest', weekOf: '2027-03-29', leaders: [{ userId: 'U1', goals: [], checkIns: n, conversations: n, openBarriers: n, overdueActions: n }] } }).blocks,
      );
    expect(line('nb', 0)).toContain('0 fremdriftsoppdateringer · 0 1:1-samtaler · 0 åpne hindringer · 0 forfalte tiltak');
    expect(line('nb', 1)).toContain('1 fremdriftsoppdatering · 1 1:1-samtale · 1 åpen hindring · 1 forfalt tiltak');
    expect(line('nb', 2)).toContain('2 fremdriftsoppdateringer · 2 1:1-samtaler · 2 åpne hindringer · 2 forfalte tiltak');
    expect(line('en', 0)).toContain('0 check-ins · 0 one-to-ones · 0 open barriers · 0 overdue actions');
    expect(line('en', 1)).toContain('1 check-in · 1 one-to-one · 1 open barrier · 1 overdue action');
    expect(line('en', 2)).toContain('2 check-ins · 2 one-to-ones · 2 open barriers · 2 overdue actions');
  });

  it('cuts a long digest and says how many leaders are not shown', () => {
    const digest = renderOutbound({ key: 'k', locale: 'en', zone: 'Europe/Oslo', body: bodies[5] });
    const text = visibleText(digest.blocks);
    expect(text).toMatch(/…and \d+ more leaders\./);
    expect(text).toContain('*<@UL0>* · 0 check-ins · 1 one-to-one · 2 open barriers · 3 overdue actions');
  });

  it('formats numbers the reader\'s way in a celebration, and a goal gets a header', () => {
    const nb = renderOutbound({ key: 'k', locale: 'nb', zone: 'Europe/Oslo', body: bodies[6] });
    expect(visibleText(nb.blocks)).toContain('pts 1,5 → 3,25 (målverdi 3)');
    expect(nb.blocks[0].type).toBe('header');
    const en = renderOutbound({ key: 'k', locale: 'en', zone: 'Europe/Oslo', body: bodies[7] });
    expect(en.blocks[0].type).toBe('section');
    expect(visibleText(en.blocks)).toContain('1 of 4 milestones');
  });

  it('lists upcoming reminders in the reader\'s words (bokmål written out, English as Slack tokens), or says there are none', () => {
    const now = DateTime.fromISO('2027-04-01T10:00:00Z');
    const nbDates = dateFormatter({ locale: 'nb', zone: 'Europe/Oslo', now });
    const tr = translator('nb');
    const m = scheduleMessage(tr, [{ kind: 'digest', dueAt: new Date('2027-04-05T06:00:00Z') }], nbDates);
    expect(visibleText(m.blocks)).toContain('• mandag kl. 08.00: ukeoppsummeringen');
    expect(visibleText(scheduleMessage(tr, [], nbDates).blocks)).toBe('Du har ingen planlagte påminnelser nå.');
    const en = scheduleMessage(translator('en'), [{ kind: 'digest', dueAt: new Date('2027-04-05T06:00:00Z') }], dateFormatter({ locale: 'en', zone: 'Europe/Oslo', now }));
    expect(visibleText(en.blocks)).toContain('<!date^1806904800^{date_short_pretty} at {time}|Monday 5 April 2027, 08:00> — the weekly digest');
  });

  it('shows a reminder moved off a public holiday, in both languages', () => {
    const now = DateTime.fromISO('2027-05-10T10:00:00Z');
    const upcoming = [{ kind: 'action', dueAt: new Date('2027-05-18T07:00:00Z'), moved: { movedFrom: '2027-05-17', holiday: 'Grunnlovsdag' } }];
    const nb = scheduleMessage(translator('nb'), upcoming, dateFormatter({ locale: 'nb', zone: 'Europe/Oslo', now }));
    expect(visibleText(nb.blocks)).toContain('• 18. mai kl. 09.00: ');
    expect(visibleText(nb.blocks)).toContain('(flyttet fra 17. mai: Grunnlovsdag)');
    const en = scheduleMessage(translator('en'), upcoming, dateFormatter({ locale: 'en', zone: 'Europe/Oslo', now }));
    expect(visibleText(en.blocks)).toContain('(moved from <!date^');
    expect(visibleText(en.blocks)).toContain('|Monday 17 May 2027>: Grunnlovsdag)');
  });
});
