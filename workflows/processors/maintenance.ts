import type { Job } from 'bullmq';
import type { ReminderService, SyncResult } from '../../src/domain/reminders';
import type { Reconciler, ReconcileResult } from '../../src/domain/reminders/reconcile';
import { MaintenanceJob } from '../../src/jobs/contract';

/** The periodic reconcile (quick, or full with re-planning) and the replanning after deliveries. */
export function maintenanceProcessor(reconciler: Reconciler, reminders: ReminderService) {
  return async (job: Job): Promise<ReconcileResult | SyncResult | null> => {
    const data = MaintenanceJob.parse(job.data);
    if (data.task === 'reconcile') return reconciler.run({ full: data.full ?? false });
    if (data.followUpId) return reminders.syncFollowUp(data.followUpId);
    if (data.seniorId) return reminders.syncDigest(data.seniorId);
    return null;
  };
}
