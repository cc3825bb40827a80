import { z } from 'zod';

/**
 * The contract between producers (web, domain events, reconciler) and consumers (workflows/):
 * queue names and payload schemas, in one place. Job ids are built from the data and never
 * contain `:` (BullMQ refuses them) nor are all digits.
 */
export const QueueNames = {
  reminders: 'reminders',
  celebrations: 'celebrations',
  maintenance: 'maintenance',
} as const;

export type QueueName = (typeof QueueNames)[keyof typeof QueueNames];

/**
 * A reminder's job: its key, and (jobs queued since issue 9) where it goes, so that the worker asks
 * for the posting slot before reading anything from PostgreSQL. Older jobs carry the key only.
 */
export const ReminderJob = z.object({
  key: z.string().min(1).max(200).regex(/^[^:]+$/),
  workspaceId: z.string().min(1).max(100).optional(),
  recipientId: z.string().min(1).max(100).optional(),
});
export type ReminderJob = z.infer<typeof ReminderJob>;

export const CelebrationJob = z.object({ kind: z.enum(['milestone', 'goal']), id: z.string().min(1).max(100) });
export type CelebrationJob = z.infer<typeof CelebrationJob>;

export const MaintenanceJob = z.discriminatedUnion('task', [
  /** quick: ledger, lost jobs, celebrations; full: also re-plans every active follow-up. */
  z.object({ task: z.literal('reconcile'), full: z.boolean().optional() }),
  /** Re-plan one follow-up (or one senior leader's digest) after a delivery: the next occurrence. */
  z.object({ task: z.literal('replan'), followUpId: z.string().optional(), seniorId: z.string().optional() }),
  /** Purge what is past its retention: uninstalled workspaces, ended follow-ups (workspace setting). */
  z.object({ task: z.literal('retention') }),
]);
export type MaintenanceJob = z.infer<typeof MaintenanceJob>;

export const JobNames = {
  reminder: 'reminder',
  celebration: 'celebration',
  reconcile: 'reconcile',
  replan: 'replan',
  retention: 'retention',
} as const;

export function celebrationJobId(job: CelebrationJob): string {
  return `cel-${job.kind}-${job.id}`;
}

/** Guards a job id: no `:`, not all digits. */
export function safeJobId(id: string): string {
  if (id.includes(':') || /^\d+$/.test(id)) throw new Error(`invalid job id ${id}`);
  return id;
}
