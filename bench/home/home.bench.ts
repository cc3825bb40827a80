import { WebClient } from '@slack/web-api';
import pino from 'pino';
import { createServices } from '../../src/domain';
import { noDomainEvents } from '../../src/domain/ports';
import type { AppContext } from '../../src/slack/context';
import { publishHome } from '../../src/slack/features/home/publish';
import { dayToDate } from '../../src/time/dates';
import { countingPrisma } from '../../test/support/countingPrisma';
import { FixedClock, Harness } from '../../test/support/harness';
import { followUp, goal, person } from '../../test/support/seed';

/**
 * App Home for a senior leader with 30 leaders × 5 goals (each leader also has a barrier, an
 * overdue action and a one-to-one): build the model, render the view and publish it to the fake
 * Slack API (one views.publish), repeated. Prints p50/p95 and the SQL statements per render.
 */
const LEADERS = Number(process.env.BENCH_LEADERS ?? 30);
const GOALS = 5;
const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const WARMUP = 10;

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

it(`App Home build + publish, ${LEADERS} leaders × ${GOALS} goals`, async () => {
  const clock = new FixedClock('2026-03-10T10:00:00Z');
  const h = await Harness.start({ clock });
  const counting = countingPrisma(process.env.TEST_DATABASE_URL!);
  try {
    const senior = h.user('UBENCHSEN', { locale: 'en-GB' });
    for (let i = 0; i < LEADERS; i++) {
      const leader = h.user(`UBENCHL${String(i).padStart(3, '0')}`, { locale: i % 2 ? 'nb-NO' : 'en-GB' });
      const f = await followUp(h, senior, leader, { channel: 'C0BENCH', nextEvaluationOn: '2026-04-01' });
      for (let g = 0; g < GOALS; g++) await goal(h, f, `Goal ${g + 1} of leader ${i + 1}`, { baseline: 0, target: 10, current: g * 2 });
      await h.prisma.barrier.create({ data: { followUpId: f.id, kind: 'RESOURCE', description: `Barrier ${i}`, createdById: f.leaderId } });
      await h.prisma.actionItem.create({ data: { followUpId: f.id, what: `Action ${i}`, ownerId: f.leaderId, dueDate: dayToDate('2026-03-01'), createdById: f.seniorId } });
      await h.prisma.conversation.create({ data: { followUpId: f.id, heldOn: dayToDate('2026-02-20'), agenda: [], loggedById: f.seniorId } });
    }
    const logger = pino({ level: 'silent' });
    const services = createServices({
      prisma: counting.prisma,
      slack: { userInfo: async () => null, channelInfo: async () => null, isChannelMember: async () => false },
      clock,
      defaults: { locale: 'en', timezone: 'Europe/Oslo' },
      logger,
    });
    const web = new WebClient(h.slack.token, { slackApiUrl: h.slack.apiUrl, retryConfig: { retries: 0 } });
    const ctx: AppContext = { config: h.config, services, web, logger, events: noDomainEvents };
    const actor = services.people.toActor(await person(h, senior));

    const times: number[] = [];
    const queries: number[] = [];
    for (let run = 0; run < WARMUP + RUNS; run++) {
      counting.reset();
      const start = process.hrtime.bigint();
      await publishHome(ctx, actor);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (run >= WARMUP) {
        times.push(ms);
        queries.push(counting.queries());
      }
    }
    const view = h.slack.callsOf('views.publish').pop()!.args.view as { blocks: unknown[] };
    const sorted = [...times].sort((a, b) => a - b);
    const distinctQueries = [...new Set(queries)];
    const line = [
      `App Home build + publish, ${LEADERS} leaders × ${GOALS} goals, ${RUNS} runs (after ${WARMUP} warm-up):`,
      `  p50 ${pct(sorted, 50).toFixed(1)} ms · p95 ${pct(sorted, 95).toFixed(1)} ms · max ${sorted[sorted.length - 1].toFixed(1)} ms`,
      `  SQL statements per render: ${distinctQueries.join(', ')}`,
      `  published view: ${view.blocks.length} blocks, ${Buffer.byteLength(JSON.stringify(view))} bytes`,
    ].join('\n');
    process.stdout.write(`\n${line}\n\n`);
    expect(distinctQueries).toHaveLength(1);
  } finally {
    await counting.prisma.$disconnect();
    await h.close();
  }
});
