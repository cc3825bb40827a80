import pino from 'pino';
import { createServices } from '../../src/domain';
import { countingPrisma } from '../../test/support/countingPrisma';
import { FixedClock, Harness } from '../../test/support/harness';

/**
 * The HR overview of one workspace with BENCH_FOLLOWUPS follow-ups (default 5,000): each with two
 * goals (one with a metric), a one-to-one every other week, an open barrier on every second and a
 * reached milestone on every third. Computes the overview (HrService.compute: the six aggregate
 * statements and the composition with the threshold) BENCH_RUNS times. Prints p50/p95 and the SQL
 * statements per overview (counted at the pg driver).
 */
const FOLLOW_UPS = Number(process.env.BENCH_FOLLOWUPS ?? 5000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUP = 3;
const CHUNK = 2000;

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function inChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

it(`HR overview, ${FOLLOW_UPS} follow-ups`, async () => {
  const clock = new FixedClock('2027-03-01T09:00:00Z');
  const h = await Harness.start({ clock });
  const counting = countingPrisma(process.env.TEST_DATABASE_URL!);
  try {
    const ws = h.teamId;
    await h.prisma.workspace.create({ data: { id: ws } });
    const people = Array.from({ length: FOLLOW_UPS * 2 }, (_, i) => ({ id: `${ws}-p${i}`, workspaceId: ws, slackUserId: `UB${String(i).padStart(7, '0')}` }));
    await inChunks(people, (data) => h.prisma.person.createMany({ data }));
    const followUps = Array.from({ length: FOLLOW_UPS }, (_, i) => ({
      id: `${ws}-f${i}`,
      workspaceId: ws,
      seniorId: `${ws}-p${2 * i}`,
      leaderId: `${ws}-p${2 * i + 1}`,
      startDate: new Date('2026-09-01'),
      oneToOneCadence: 'BIWEEKLY' as const,
      status: i % 20 === 0 ? ('PENDING' as const) : i % 15 === 0 ? ('ENDED' as const) : ('ACTIVE' as const),
      endedAt: i % 15 === 0 && i % 20 !== 0 ? new Date('2027-01-15') : null,
    }));
    await inChunks(followUps, (data) => h.prisma.followUp.createMany({ data }));
    const goals = followUps.flatMap((f, i) => [
      { id: `${f.id}-g0`, followUpId: f.id, kind: 'PROFESSIONAL' as const, title: 'g', baseline: 0, target: 10, currentValue: i % 10, createdById: f.seniorId },
      { id: `${f.id}-g1`, followUpId: f.id, kind: 'PERSONAL' as const, title: 'g', status: i % 7 === 0 ? ('ACHIEVED' as const) : ('ACTIVE' as const), createdById: f.seniorId },
    ]);
    await inChunks(goals, (data) => h.prisma.goal.createMany({ data }));
    const conversations = followUps.flatMap((f, i) =>
      Array.from({ length: 6 + (i % 2) }, (_, k) => ({ followUpId: f.id, heldOn: new Date(Date.UTC(2026, 11, 1 + k * 14)), agenda: [], loggedById: f.seniorId })),
    );
    await inChunks(conversations, (data) => h.prisma.conversation.createMany({ data }));
    await inChunks(
      followUps.filter((_, i) => i % 2 === 0).map((f, i) => ({ followUpId: f.id, kind: (['PERSONAL', 'ORGANISATIONAL', 'RESOURCE'] as const)[i % 3], description: 'b', createdById: f.leaderId })),
      (data) => h.prisma.barrier.createMany({ data }),
    );
    await inChunks(
      followUps.filter((_, i) => i % 3 === 0).map((f) => ({ goalId: `${f.id}-g0`, title: 'm', position: 1, doneAt: new Date('2027-02-10') })),
      (data) => h.prisma.milestone.createMany({ data }),
    );
    await h.prisma.$executeRawUnsafe('ANALYZE');

    const services = createServices({ prisma: counting.prisma, slack: { userInfo: async () => null, channelInfo: async () => null, isChannelMember: async () => false }, clock, defaults: { locale: 'en', timezone: 'Europe/Oslo' }, logger: pino({ level: 'silent' }) });
    const times: number[] = [];
    const queries: number[] = [];
    let last;
    for (let run = 0; run < WARMUP + RUNS; run++) {
      counting.reset();
      const start = process.hrtime.bigint();
      last = await services.hr.compute(ws, 'Europe/Oslo');
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (run >= WARMUP) {
        times.push(ms);
        queries.push(counting.queries());
      }
    }
    const sorted = [...times].sort((a, b) => a - b);
    const line = [
      `HR overview, ${FOLLOW_UPS} follow-ups (${goals.length} goals, ${conversations.length} one-to-ones), ${RUNS} runs (after ${WARMUP} warm-up):`,
      `  p50 ${pct(sorted, 50).toFixed(1)} ms · p95 ${pct(sorted, 95).toFixed(1)} ms · max ${sorted[sorted.length - 1].toFixed(1)} ms`,
      `  SQL statements per overview: ${[...new Set(queries)].join(', ')}`,
      `  follow-ups shown: ${JSON.stringify(last?.followUps.total)}`,
    ].join('\n');
    process.stdout.write(`\n${line}\n\n`);
    expect(last?.followUps.total).toEqual({ shown: true, value: FOLLOW_UPS });
  } finally {
    await counting.prisma.$disconnect();
    await h.close();
  }
}, 600_000);
