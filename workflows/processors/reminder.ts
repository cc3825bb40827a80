import type { Job, Queue } from 'bullmq';
import type { Logger } from 'pino';
import type { DeliveryOutcome, DeliveryService } from '../../src/domain/reminders/deliver';
import { ReminderJob } from '../../src/jobs/contract';
import type { Clock } from '../../src/time/clock';
import { settle } from './common';

/** Every planned reminder (evaluation, nudge, reflection, action, digest): parse, deliver once, rethrow. */
export function reminderProcessor(delivery: DeliveryService, queue: Queue, clock: Clock, logger: Logger) {
  return async (job: Job<ReminderJob>, token?: string): Promise<DeliveryOutcome> => {
    const { key, workspaceId, recipientId } = ReminderJob.parse(job.data);
    const route = workspaceId && recipientId ? { workspaceId, recipientId } : undefined;
    return settle(job, token, queue, clock, logger, () => delivery.deliverReminder(key, route));
  };
}
