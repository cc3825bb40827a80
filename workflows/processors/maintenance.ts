import type { Job } from 'bullmq';
import type { ReminderService, SyncResult } from '../../src/domain/reminders';
import type { Reconciler, ReconcileResult } from '../../src/domain/reminders/reconcile';
import type { RetentionResult, RetentionService } from '../../src/domain/retention';
import { MaintenanceJob } from '../../src/jobs/contract';

/** The periodic reconcile (quick, or full with re-planning), the replanning after deliveries, and retention. */
export function maintenanceProcessor(reconciler: Reconciler, reminders: ReminderService, retention?: RetentionService) {
  return async (job: Job): Promise<ReconcileResult | SyncResult | RetentionResult | null> => {
    const data = MaintenanceJob.parse(job.data);
    if (data.task === 'reconcile') return reconciler.run({ full: data.full ?? false });
    if (data.task === 'retention') return retention ? retention.run() : null;
    if (data.followUpId) return reminders.syncFollowUp(data.followUpId);
    if (data.seniorId) return reminders.syncDigest(data.seniorId);
    return null;
  };
}
