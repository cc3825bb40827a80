/**
 * chart — render time (p50/p95) of one goal chart and of one overview (10 leaders × 5 goals), and peak memory.
 *
 * Builds the specs the way ChartService does (goalChartSpec / overviewChartSpec, bokmål, Oslo) and
 * renders them to PNG with renderChart (Chart.js on @napi-rs/canvas, DejaVu Sans) at the app's
 * pixel density (2×). Times spec + render + PNG encoding per picture, after a warm-up; no database,
 * no Slack (the upload is a separate, cached step).
 *
 *   npm run bench -- chart [--runs 200] [--warmup 20] [--checkins 26]
 *
 * Goal (issue 8): goal chart p95 < 150 ms on this machine.
 */
import os from 'node:os';
import { DateTime } from 'luxon';
import { goalChartSpec, type GoalChartInput } from '../../src/domain/charts/goalChart';
import { overviewChartSpec, type OverviewLeaderInput } from '../../src/domain/charts/overviewChart';
import { renderChart } from '../../src/domain/charts/render';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const runs = arg('runs', 200);
const warmup = arg('warmup', 20);
const checkins = arg('checkins', 26);
const reader = { locale: 'nb' as const, zone: 'Europe/Oslo', now: DateTime.fromISO('2026-11-30T10:00', { zone: 'Europe/Oslo' }) };

// A goal a year in: fortnightly check-ins, five milestones, three reached.
const goal: GoalChartInput = {
  title: 'Øke medarbeidertilfredsheten på Ålesund-kontoret',
  metricName: 'Medarbeidertilfredshet',
  metricUnit: '%',
  baseline: 62,
  target: 80,
  createdAt: new Date('2025-12-01T08:00:00Z'),
  targetDate: '2027-03-01',
  checkIns: Array.from({ length: checkins }, (_, i) => ({ at: new Date(Date.UTC(2025, 11, 8 + i * 14, 8)), value: 62 + i * 0.6 + (i % 3) * 0.8 })),
  milestones: Array.from({ length: 5 }, (_, i) => ({ title: `Delmål ${i + 1}`, doneAt: i < 3 ? new Date(Date.UTC(2026, 2 + i * 2, 10)) : null })),
};

const leaders: OverviewLeaderInput[] = Array.from({ length: 10 }, (_, i) => ({
  name: `Leder ${i + 1} Ødegård`,
  goals: Array.from({ length: 5 }, (_, j) => ({
    title: `Mål ${j + 1}: bedre samarbeid på tvers av avdelingene`,
    baseline: j === 2 ? null : 0,
    target: j === 2 ? null : 100,
    currentValue: j === 2 ? null : (i * 11 + j * 17) % 100,
    status: (i + j) % 9 === 0 ? ('ACHIEVED' as const) : ('ACTIVE' as const),
  })),
}));

function measure(name: string, draw: () => { png: Buffer; width: number; height: number }) {
  for (let i = 0; i < warmup; i += 1) draw();
  const times: number[] = [];
  let bytes = 0;
  let size = '';
  for (let i = 0; i < runs; i += 1) {
    const t0 = process.hrtime.bigint();
    const out = draw();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    bytes = out.png.length;
    size = `${out.width}×${out.height}`;
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)];
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  return { name, runs, p50: q(50), p95: q(95), max: times[times.length - 1], mean, size, kb: bytes / 1024 };
}

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 5);
const rssBefore = process.memoryUsage().rss;

const results = [
  measure('goal chart', () => renderChart(goalChartSpec(goal, reader))),
  measure('overview 10 × 5', () => renderChart(overviewChartSpec(leaders, '2026-11-30', reader))),
];
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
const maxRssKb = process.resourceUsage().maxRSS;

const f = (n: number) => n.toFixed(1);
console.log(`node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; ${runs} runs after ${warmup} warm-up, ${checkins} check-ins on the goal chart\n`);
console.log('| chart | size (px) | PNG | p50 | p95 | mean | max |');
console.log('|---|---|---|---|---|---|---|');
for (const r of results) console.log(`| ${r.name} | ${r.size} | ${f(r.kb)} kB | ${f(r.p50)} ms | ${f(r.p95)} ms | ${f(r.mean)} ms | ${f(r.max)} ms |`);
console.log(`\nRSS before rendering ${f(rssBefore / 2 ** 20)} MB; peak RSS while rendering ${f(peakRss / 2 ** 20)} MB (getrusage maxRSS ${f(maxRssKb / 1024)} MB)`);
const goalP95 = results[0].p95;
console.log(`goal chart p95 ${f(goalP95)} ms — goal < 150 ms: ${goalP95 < 150 ? 'met' : 'MISSED'}`);
