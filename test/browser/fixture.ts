import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { DateTime } from 'luxon';
import { translator, type Locale } from '../../src/i18n';
import { dateFormatter } from '../../src/i18n/dates';
import { commandName, SUBCOMMANDS } from '../../src/slack/commandText';
import { goalModal } from '../../src/slack/features/goal/views';
import { setupModal } from '../../src/slack/features/setup/views';
import { helpMessage, menuMessage } from '../../src/slack/features/help/views';
import { acceptModal, invitationMessage } from '../../src/slack/features/consent/views';
import { exportSentToOther } from '../../src/slack/features/export/views';
import { homeView } from '../../src/slack/features/home/views';
import { barrierBlock } from '../../src/slack/features/home/cards';
import type { HomeModel } from '../../src/domain/home';
import { buildPage } from '../../scripts/build-page';
const PNG_1x1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAYAAACp8Z5+AAAABHNCSVQICAgIfAhkiAAAAAFzUkdCAK7OHOkAAAAVSURBVAiZY9TbVvufAQkwMaABwgIAm8cCaD8qHZEAAAAASUVORK5CYII=', 'base64');

/**
 * A stand-in for the local workspace's JSON API (the contract in /work/notes/LOCAL-WORKSPACE.md),
 * serving the built page with a state made by the app's own view builders (the goal and setup
 * modals, the invitation, the help and menu, an App Home). It records what the page posts, so a
 * test checks the page alone: rendering, the state.values it sends, field errors, focus.
 */
export interface FixtureServer {
  baseUrl: string;
  posts: { path: string; body: Record<string, unknown> }[];
  state: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Delays /local/state answers (a slow server), in ms. */
  stateDelayMs: number;
  /** What /local/submit answers next (e.g. `{ ok: true, errors: { block: 'message' } }`). */
  nextSubmit: Record<string, unknown> | null;
  bump(): void;
  close(): Promise<void>;
}

export const CAST = [
  { id: 'ULOCALSENIOR', name: 'ingrid', realName: 'Ingrid Berg', locale: 'nb-NO', tz: 'Europe/Oslo', isAdmin: false, title: 'Toppleder' },
  { id: 'ULOCALLEAD1', name: 'ola', realName: 'Ola Nordmann', locale: 'nb-NO', tz: 'Europe/Oslo', isAdmin: false, title: 'Leder' },
  { id: 'ULOCALLEAD2', name: 'sam', realName: 'Sam Taylor', locale: 'en-GB', tz: 'America/New_York', isAdmin: false, title: 'Leader' },
  { id: 'ULOCALADMIN', name: 'kari', realName: 'Kari Admin', locale: 'en-GB', tz: 'Europe/Oslo', isAdmin: true, title: 'Admin' },
];

const NOW = DateTime.fromISO('2026-12-07T09:00:00', { zone: 'Europe/Oslo' });

function home(locale: Locale): Record<string, unknown> {
  const tr = translator(locale);
  const model: HomeModel = {
    asLeader: [],
    asSenior: [
      {
        followUpId: 'f1',
        otherUserId: 'ULOCALLEAD1',
        leaderUserId: 'ULOCALLEAD1',
        teamChannelId: 'CLOCALTEAM1',
        nextEvaluationOn: '2027-01-18',
        goals: [{ id: 'g1', title: 'Dele problemer tidlig', kind: 'PROFESSIONAL', status: 'ACTIVE', progress: 0.4, targetDate: '2027-03-01', milestones: [{ id: 'm1', title: 'Første teammøte', dueDate: '2026-12-14', done: true }] }],
        lastConversationOn: '2026-11-30',
        oneToOneOverdue: false,
        openBarriers: [{ id: 'b1', kind: 'RESOURCE', status: 'OPEN', description: 'Too little time for one-to-ones' }],
        openActions: [],
        overdueActions: 0,
        reflectionDue: false,
      },
    ],
    feedback: [],
    reflections: [],
    today: '2026-12-07',
  } as unknown as HomeModel;
  return { id: 'VHOME1', hash: 'h1', ...homeView(tr, model, dateFormatter({ locale, zone: 'Europe/Oslo', now: NOW })) };
}

export function fixtureState(locale: Locale, me = locale === 'nb' ? 'ULOCALSENIOR' : 'ULOCALLEAD2'): Record<string, unknown> {
  const tr = translator(locale);
  const ts = (minutes: number) => (NOW.toSeconds() + minutes * 60).toFixed(6);
  const mrkdwn = [
    '*bold* _italic_ ~struck~ `code` and a <https://example.org/guide|link &amp; more>',
    '&gt; a quote from <@ULOCALLEAD1>',
    '• first\n• second in <#CLOCALTEAM1>',
    '```const x = 1 &lt; 2;```',
    `Due <!date^${Math.floor(NOW.plus({ days: 1 }).toSeconds())}^{date_short_pretty} at {time}|tomorrow>`,
  ].join('\n');
  return {
    banner: { text_nb: 'Lokal prøve — ikke koblet til Slack', text_en: 'Local trial — not connected to Slack' },
    locale,
    clock: { now: NOW.toUTC().toISO(), zone: 'Europe/Oslo', label: locale === 'nb' ? 'mandag 7. desember 09:00 Oslo' : 'Monday 7 December 09:00 Oslo' },
    people: CAST,
    me,
    team: { id: 'TLOCAL0001', name: 'Local trial' },
    channels: [
      { id: 'CLOCALTEAM1', name: 'team-ola', isMember: true, isPrivate: false },
      { id: 'CLOCALTEAM2', name: 'team-sam', isMember: true, isPrivate: false },
      { id: 'CLOCALGEN', name: 'general', isMember: true, isPrivate: false },
    ],
    ims: [{ id: 'DLOCAL0001', name: 'Follow-up', unread: 2 }],
    messages: {
      DLOCAL0001: [
        { ts: ts(1), bot: true, ...invitationMessage(tr, 'ULOCALSENIOR', 'f1', 'CLOCALTEAM1') },
        { ts: ts(2), bot: true, ...helpMessage(tr, locale) },
        { ts: ts(3), bot: true, text: mrkdwn },
        { ts: ts(4), bot: true, text: 'file', files: ['F1'] },
        { ts: ts(5), bot: true, ...exportSentToOther(tr, 'ULOCALLEAD1') },
        { ts: ts(7), bot: true, text: 'barrier', blocks: [barrierBlock(tr, { id: 'b1', kind: 'RESOURCE', status: 'OPEN', description: 'Too little time' }, 0)] },
      ],
      CLOCALTEAM1: [{ ts: ts(0), user: 'ULOCALLEAD1', text: 'Hei alle sammen' }],
    },
    ephemerals: { DLOCAL0001: [{ ts: ts(6), bot: true, ...menuMessage(tr, locale) }] },
    home: home(locale),
    modals: [],
    files: { F1: { name: 'chart.png', title: 'Progress chart', mimetype: 'image/png', isImage: true } },
    commands: [
      {
        name: '/followup',
        hint_nb: 'Oppfølging av ledere',
        hint_en: 'Follow up the leaders who report to you',
        subcommands: SUBCOMMANDS.map((s) => ({ en: commandName('en', s), nb: commandName('nb', s), help_en: translator('en')(`help.sub.${s}`), help_nb: translator('nb')(`help.sub.${s}`) })),
      },
    ],
    version: 1,
  };
}

export const fixtureModals = {
  accept: (locale: Locale) => ({
    id: 'VACCEPT1',
    hash: 'a1',
    ...acceptModal(translator(locale), 'f1', [
      { id: 'g1', title: 'Share problems early', followUpId: 'f0', seniorUserId: 'ULOCALADMIN' },
      { id: 'g2', title: 'Plan in the new routine', followUpId: 'f0', seniorUserId: 'ULOCALADMIN' },
    ]),
  }),
  goal: (locale: Locale) => ({ id: 'VGOAL1', hash: 'g1', ...goalModal(translator(locale), { leaderUserId: 'ULOCALLEAD1' }) }),
  setup: (locale: Locale) => ({ id: 'VSETUP1', hash: 's1', ...setupModal(translator(locale), { editing: false, leaderUserId: null, teamChannelId: null, oneToOneCadence: 'BIWEEKLY', evaluationEveryWeeks: 6, reflectionCadence: 'BIWEEKLY', startDate: '2026-12-07', teamLocale: null }) }),
};

export async function startFixture(locale: Locale, me?: string): Promise<FixtureServer> {
  const outdir = await buildPage();
  const app = express();
  app.use(express.json());
  const fx: FixtureServer = {
    baseUrl: '',
    posts: [],
    state: fixtureState(locale, me),
    nextSubmit: null,
    stateDelayMs: 0,
    bump: () => {
      fx.state.version += 1;
      for (const res of streams) res.write(`event: change\ndata: ${JSON.stringify({ version: fx.state.version })}\n\n`);
    },
    close: async () => {
      for (const res of streams) res.end();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
  const streams = new Set<express.Response>();
  app.get('/', (_req, res) => res.sendFile('index.html', { root: outdir }));
  app.use('/local/page', express.static(outdir));
  app.get('/local/state', (req, res) => {
    // The person asked for is the one the state is about (its `me`), as the real API does.
    const answer = { ...fx.state, me: typeof req.query.as === 'string' && req.query.as ? req.query.as : fx.state.me };
    setTimeout(() => res.json(answer), fx.stateDelayMs);
  });
  app.get('/local/stream', (req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.write(': hello\n\n');
    streams.add(res);
    req.on('close', () => streams.delete(res));
  });
  app.get('/local/files/:id', (_req, res) => res.type('image/png').send(PNG_1x1));
  app.post('/local/:what', (req, res) => {
    fx.posts.push({ path: String(req.params.what), body: req.body as Record<string, unknown> });
    if (req.params.what === 'submit' && fx.nextSubmit) {
      const answer = fx.nextSubmit;
      fx.nextSubmit = null;
      return res.json(answer);
    }
    if (req.params.what === 'command' && !String((req.body as { text?: string }).text ?? '').startsWith('/followup')) return res.json({ ok: false, error: 'unknown_command' });
    if (req.params.what === 'close') {
      fx.state.modals = fx.state.modals.filter((v: { id: string }) => v.id !== (req.body as { viewId: string }).viewId);
      fx.bump();
    }
    return res.json({ ok: true });
  });
  const server: Server = await new Promise((r) => {
    const s = app.listen(0, '127.0.0.1', () => r(s));
  });
  fx.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fx;
}
