import { DelayedError, Worker, type Job, type Queue } from 'bullmq';
import type { Logger } from 'pino';
import { DeliveryRateLimited } from '../../src/domain/ports';
import type { DeliveryOutcome } from '../../src/domain/reminders/deliver';
import type { Clock } from '../../src/time/clock';

/**
 * What every delivering processor does with an outcome or an error: a job paced to a later slot of
 * its workspace (or past a Retry-After) goes back to the delayed set until then; a 429 the delivery
 * did not handle pauses the whole queue; a job that ran early goes back to the delayed set;
 * anything else unexpected is rethrown so BullMQ retries with backoff.
 */
export async function settle<T>(
  job: Job<T>,
  token: string | undefined,
  queue: Queue,
  clock: Clock,
  logger: Logger,
  run: () => Promise<DeliveryOutcome>,
): Promise<DeliveryOutcome> {
  let outcome: DeliveryOutcome;
  try {
    outcome = await run();
  } catch (err) {
    if (err instanceof DeliveryRateLimited) {
      logger.warn({ jobId: job.id, retryAfterMs: err.retryAfterMs }, 'Slack rate limit: pausing the queue');
      await queue.rateLimit(err.retryAfterMs);
      throw Worker.RateLimitError();
    }
    throw err;
  }
  if (outcome.status === 'early') {
    // The reminder was moved later after this job was queued: wait for its new time.
    const at = Date.now() + Math.max(0, outcome.dueAt.getTime() - clock.now().toMillis());
    await job.moveToDelayed(at, token);
    throw new DelayedError();
  }
  if (outcome.status === 'paced') {
    // The workspace's next posting slot (or the end of its Retry-After): other workspaces go on meanwhile.
    await job.moveToDelayed(Date.now() + outcome.waitMs, token);
    throw new DelayedError();
  }
  if (outcome.status === 'failed') logger.warn({ jobId: job.id, reason: outcome.reason }, 'delivery failed for good');
  return outcome;
}
