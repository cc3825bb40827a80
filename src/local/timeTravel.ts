import type { Queue } from 'bullmq';
import type { RedisClient } from '../jobs/redis';
import { DateTime } from 'luxon';
import type { Logger } from 'pino';
import type { Queues } from '../jobs/queues';
import type { MovableClock } from '../time/clock';

/**
 * Moves the local workspace's clock and runs every job that became due, in the order and at the
 * time it was due. BullMQ delays are real milliseconds (delay = due − clock.now() when queued), so
 * moving the clock by Δ shortens every delayed job's remaining delay by Δ too: a job whose delay
 * runs out is promoted. The clock moves in steps, from one due job to the next, so a reminder is sent
 * (and its message stamped) at its own due time, and the next occurrence it plans is planned from
 * there and sent too when it falls before the target.
 */
export interface TimeTravelDeps {
  queues: Pick<Queues, 'reminders' | 'celebrations' | 'maintenance'>;
  /** The queues' Redis (to read the delayed sets' due times). */
  redis: RedisClient;
  clock: MovableClock;
  logger: Logger;
  /** After the clock moved: re-plan from the database (the workers' full reconcile). */
  reconcile?: () => Promise<unknown>;
  /** Resolves when the web side's deferred domain events have been handed to the queues. */
  idle?: () => Promise<void>;
}

export interface TravelResult {
  from: string;
  to: string;
  /** Jobs promoted on the way. */
  ran: number;
  /** False when the wait for the jobs to finish ran out (they go on in the background). */
  settled: boolean;
}

interface DelayedJob {
  queue: Queue;
  id: string;
  /** Real time (ms) at which BullMQ runs it. */
  realDueMs: number;
}

/** How long one advance waits in all for the jobs it made due. */
const SETTLE_TIMEOUT_MS = 20_000;
/** At most this many steps per advance (one per distinct due time). */
const MAX_STEPS = 400;

export class TimeTravel {
  private running: Promise<unknown> = Promise.resolve();
  constructor(private readonly deps: TimeTravelDeps) {}

  private get queues(): Queue[] {
    const q = this.deps.queues;
    return [q.reminders, q.celebrations, q.maintenance] as Queue[];
  }

  /** Every delayed job with its real due time (BullMQ's delayed set: score = due ms × 4096 + n). */
  private async delayed(): Promise<DelayedJob[]> {
    const out: DelayedJob[] = [];
    for (const queue of this.queues) {
      const entries = await this.deps.redis.zrange(queue.keys.delayed, '0', '-1', 'WITHSCORES');
      for (let i = 0; i < entries.length; i += 2) out.push({ queue, id: entries[i], realDueMs: Math.floor(Number(entries[i + 1]) / 0x1000) });
    }
    return out.sort((a, b) => a.realDueMs - b.realDueMs);
  }

  /** Jobs waiting, active or due (by the clock) that have not run yet. */
  private async pending(): Promise<number> {
    let n = 0;
    for (const queue of this.queues) {
      const counts = await queue.getJobCounts('waiting', 'active', 'prioritized', 'waiting-children');
      n += Object.values(counts).reduce((a, b) => a + b, 0);
    }
    // A job paced to a slot a moment away (or moved back until its time) is still due now.
    n += (await this.delayed()).filter((j) => j.realDueMs <= Date.now() + 1500).length;
    return n;
  }

  /** Waits until nothing due is left to run (or the deadline passes). */
  private async settle(deadline: number): Promise<boolean> {
    // Twice in a row: a job that finishes may queue another (a replan, a celebration).
    let quiet = 0;
    while (Date.now() < deadline) {
      await this.deps.idle?.();
      if ((await this.pending()) === 0) {
        quiet += 1;
        if (quiet >= 2) return true;
      } else quiet = 0;
      await new Promise((r) => setTimeout(r, 60));
    }
    return false;
  }

  /** Moves the clock by `byMs` and every delayed job's remaining delay with it. Returns the jobs promoted. */
  private async shift(byMs: number): Promise<number> {
    const jobs = await this.delayed();
    this.deps.clock.moveTo(this.deps.clock.now().plus({ milliseconds: byMs }));
    let promoted = 0;
    const now = Date.now();
    for (const j of jobs) {
      const job = await j.queue.getJob(j.id);
      if (!job) continue;
      const remaining = j.realDueMs - now - byMs;
      try {
        if (remaining <= 0) {
          await job.promote();
          promoted += 1;
        } else await job.changeDelay(remaining);
      } catch (err) {
        // It left the delayed set meanwhile (ran, or was removed): nothing to move.
        this.deps.logger.debug({ jobId: j.id, err: err instanceof Error ? err.message : String(err) }, 'time travel: job not moved');
      }
    }
    return promoted;
  }

  /** Moves the clock to `to` (never backwards) and runs what became due on the way. One advance at a time. */
  advanceTo(to: DateTime): Promise<TravelResult> {
    const run = this.running.then(() => this.travel(to));
    this.running = run.catch(() => undefined);
    return run;
  }

  private async travel(to: DateTime): Promise<TravelResult> {
    const { clock, logger } = this.deps;
    const from = clock.now();
    const deadline = Date.now() + SETTLE_TIMEOUT_MS;
    let ran = 0;
    let settled = await this.settle(deadline);
    for (let step = 0; step < MAX_STEPS; step++) {
      const next = (await this.delayed())[0];
      if (!next) break;
      const nextAt = clock.now().plus({ milliseconds: next.realDueMs - Date.now() });
      if (nextAt > to) break;
      ran += await this.shift(Math.max(0, next.realDueMs - Date.now()));
      settled = await this.settle(deadline);
      if (!settled) break;
    }
    const rest = to.toMillis() - clock.now().toMillis();
    if (rest > 0) ran += await this.shift(rest);
    if (this.deps.reconcile) await this.deps.reconcile().catch((err) => logger.warn({ err }, 'time travel: reconcile failed'));
    settled = (await this.settle(deadline)) && settled;
    logger.info({ from: from.toISO(), to: clock.now().toISO(), ran, settled }, 'local clock moved');
    return { from: from.toISO()!, to: clock.now().toISO()!, ran, settled };
  }
}
