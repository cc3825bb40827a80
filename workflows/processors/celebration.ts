import type { Job, Queue } from 'bullmq';
import type { Logger } from 'pino';
import type { DeliveryOutcome, DeliveryService } from '../../src/domain/reminders/deliver';
import { CelebrationJob } from '../../src/jobs/contract';
import type { Clock } from '../../src/time/clock';
import { settle } from './common';

/** A milestone reached or a goal achieved, celebrated in the team channel once. */
export function celebrationProcessor(delivery: DeliveryService, queue: Queue, clock: Clock, logger: Logger) {
  return async (job: Job<CelebrationJob>, token?: string): Promise<DeliveryOutcome> => {
    const { kind, id } = CelebrationJob.parse(job.data);
    return settle(job, token, queue, clock, logger, () => delivery.celebrate(kind, id));
  };
}
