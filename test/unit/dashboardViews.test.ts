import { englishDatesIn } from '../support/readerDates';
import { dateFormatter } from '../../src/i18n/dates';
import { DateTime } from 'luxon';
import type { HomeCard, HomeModel } from '../../src/domain/home';
import { translator } from '../../src/i18n';
import { homeView, LEADERS_PER_PAGE } from '../../src/slack/features/home/views';
import { statusMessage } from '../../src/slack/features/status/views';
import { checkMessage, checkView } from '../support/blockKit';
import { visibleText } from '../support/harness';

/** Worst cases for the dashboard builders: they must stay within Slack's limits whatever the data. */
const long = (n: number) => 'Ø😀 mixed 中文 '.repeat(Math.ceil(n / 14)).slice(0, n);

function card(i: number, opts: { barriers?: number; actions?: number; goals?: number } = {}): HomeCard {
  return {
    followUpId: `f${i}`,
    otherUserId: `USEN${i}`,
    leaderUserId: `ULEA${String(i).padStart(4, '0')}`,
    teamChannelId: 'C0TEAM',
    nextEvaluationOn: '2026-04-01',
    goals: Array.from({ length: opts.goals ?? 5 }, (_, g) => ({
      id: `g${i}-${g}`,
      title: long(150),
      kind: 'PROFESSIONAL' as const,
      status: 'ACTIVE' as const,
      progress: g / 5,
      targetDate: '2026-12-31',
      milestones: Array.from({ length: 5 }, (_, m) => ({ id: `m${m}`, title: long(150), dueDate: '2026-06-01', done: m % 2 === 0 })),
    })),
    lastConversationOn: null,
    oneToOneOverdue: true,
    openBarriers: Array.from({ length: opts.barriers ?? 12 }, (_, b) => ({ id: `b${i}-${b}`, kind: 'RESOURCE' as const, status: 'OPEN' as const, description: long(2000) })),
    openActions: Array.from({ length: opts.actions ?? 12 }, (_, a) => ({ id: `a${a}`, what: long(2000), dueDate: '2026-01-01', overdue: true, ownerUserId: 'ULEA' })),
    overdueActions: opts.actions ?? 12,
    reflectionDue: true,
  };
}

function model(asLeader: number, asSenior: number): HomeModel {
  return {
    asLeader: Array.from({ length: asLeader }, (_, i) => card(1000 + i)),
    asSenior: Array.from({ length: asSenior }, (_, i) => card(i)),
    feedback: Array.from({ length: 3 }, (_, i) => ({ id: `fb${i}`, giverUserId: 'USEN', works: long(3000), createdAt: new Date('2026-03-01T10:00:00Z') })),
    reflections: Array.from({ length: 3 }, (_, i) => ({ id: `r${i}`, firstAnswer: long(3000), shared: i === 0, createdAt: new Date('2026-03-01T10:00:00Z') })),
    today: '2026-03-10',
  };
}

describe.each(['en', 'nb', 'nn'] as const)('dashboard views within Slack limits (%s)', (locale) => {
  const tr = translator(locale);

  it.each([
    [0, 30],
    [1, 30],
    [3, 200],
    [3, 0],
  ])('App Home: %i follow-ups as leader, %i as senior leader, every page', (leaders, seniors) => {
    const m = model(leaders, seniors);
    const pages = Math.max(1, Math.ceil(seniors / LEADERS_PER_PAGE));
    for (let page = 0; page < pages; page++) {
      const view = homeView(tr, m, dateFormatter({ locale, zone: 'Europe/Oslo', now: DateTime.fromISO('2026-03-10T09:00:00Z') }), { page });
      expect(checkView(view)).toEqual([]);
      // Dates: bokmål and nynorsk written out by the server; English as Slack tokens.
      if (locale !== 'en') expect(englishDatesIn(visibleText(view))).toEqual([]);
      else if (leaders > 0 || seniors > 0) expect(visibleText(view)).toContain('<!date^');
      if (seniors > 0) expect(visibleText(view)).toContain(`<@ULEA${String(page * LEADERS_PER_PAGE).padStart(4, '0')}>`);
    }
  });

  it.each([1, 3, 4, 500])('status for %i leaders', (n) => {
    const message = statusMessage(tr, model(0, n), dateFormatter({ locale, zone: 'Europe/Oslo', now: DateTime.fromISO('2026-03-10T09:00:00Z') }));
    expect(checkMessage({ text: message.text, blocks: message.blocks })).toEqual([]);
    if (locale !== 'en') expect(englishDatesIn(visibleText(message.blocks))).toEqual([]);
    if (n === 500) expect(visibleText(message.blocks)).toMatch({ en: /\d+ more leaders not shown/, nb: /\d+ ledere til vises ikke/, nn: /\d+ leiarar til blir ikkje viste/ }[locale]);
  });
});
