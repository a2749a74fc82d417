import type { JobDefinition, Writer } from './job';

/**
 * Enqueue a job: write its outbox row with the caller's `tx`, so the job exists exactly when the
 * change that needs it commits. The payload is checked against the job's schema first; the
 * worker's relay moves the row into the job's queue.
 */
export async function enqueue<P>(tx: Writer, job: JobDefinition<P>, payload: P, owner: { municipalityId: string | null }): Promise<void> {
  await tx.outboxMessage.create({ data: outboxRow(job, payload, owner) });
}

/** A job's outbox row, its payload checked: for a statement that writes it together with the change that needs it. */
export function outboxRow<P>(
  job: JobDefinition<P>,
  payload: P,
  owner: { municipalityId: string | null },
): { job: string; payload: object; municipalityId: string | null } {
  return { job: job.name, payload: job.payload.parse(payload) as object, municipalityId: owner.municipalityId };
}

/** The same for many payloads of one job, in one statement. */
export async function enqueueMany<P>(tx: Writer, job: JobDefinition<P>, payloads: readonly P[], owner: { municipalityId: string | null }): Promise<void> {
  if (!payloads.length) return;
  const checked = payloads.map((p) => job.payload.parse(p));
  await tx.outboxMessage.createMany({ data: checked.map((payload) => ({ job: job.name, payload: payload as object, municipalityId: owner.municipalityId })) });
}

/**
 * What a job carries in Redis: its payload and the municipality of its outbox row, which the worker
 * runs it for (row-level security shows it that municipality's rows only). The payload schemas drop
 * the extra key; the daily jobs' payloads name the municipality already.
 */
export function jobData(payload: unknown, municipalityId: string | null): unknown {
  return municipalityId && typeof payload === 'object' && payload !== null ? { ...payload, municipalityId } : payload;
}

/** The municipality a queued job is run for (jobData). */
export function jobMunicipality(data: unknown): string | undefined {
  const id = typeof data === 'object' && data !== null ? (data as { municipalityId?: unknown }).municipalityId : undefined;
  return typeof id === 'string' ? id : undefined;
}
