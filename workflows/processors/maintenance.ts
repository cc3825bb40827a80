import type { Job } from 'bullmq';
import type { Reconciler, ReconcileResult } from '../../src/domain/reminders/reconcile';
import { MaintenanceJob } from '../../src/jobs/contract';

/** The periodic tick (and the one at start): rebuild Redis from PostgreSQL. */
export function maintenanceProcessor(reconciler: Reconciler) {
  return async (job: Job): Promise<ReconcileResult> => {
    MaintenanceJob.parse(job.data);
    return reconciler.run();
  };
}
