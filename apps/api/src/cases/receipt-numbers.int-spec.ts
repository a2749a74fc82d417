import { createHash } from 'node:crypto';
import { waitFor } from '@madoguchi/devstack/testing';
import { Client } from 'pg';
import { EXAMPLE_AGENT_CASE } from '../testing/fixtures';
import { useTestCity } from '../testing/test-city';

/**
 * An office's receipt numbers come from one row, which a registration holds from taking its number
 * until it commits: every other registration at the office waits for it. So a registration writes
 * all it can first — parties, documents, history, letter, outbox row, Idempotency-Key — and takes its
 * number last, holding the row only for the case itself and the commit.
 */
const t = useTestCity('991701');

async function connected(): Promise<Client> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  return client;
}

/** The backend `pid` (or, without one, any of this database's) is waiting for another transaction to end, in a statement whose start matches `like`. */
async function waitingForTransaction(observer: Client, like: string, pid?: number): Promise<boolean> {
  const { rows } = await observer.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity
     WHERE datname = current_database() AND wait_event = 'transactionid' AND query LIKE $1 AND ($2::int IS NULL OR pid = $2)`,
    [like, pid ?? null],
  );
  return rows[0]!.n > 0;
}

describe('receipt numbers', () => {
  it('a registration waiting for its office’s next number has written everything else already, and takes the number when it is free', async () => {
    const first = await t.as('clerk').post('/api/cases', EXAMPLE_AGENT_CASE).expect(201);
    const [observer, counter, probe] = await Promise.all([connected(), connected(), connected()]);
    try {
      const {
        rows: [made],
      } = await observer.query<{ office_id: string; created_by_id: string }>('SELECT office_id, created_by_id FROM cases WHERE id = $1', [first.body.id]);
      // Another registration at the office holds its number (its transaction not yet committed).
      await counter.query('BEGIN');
      await counter.query('SELECT last FROM receipt_sequences WHERE office_id = $1 FOR UPDATE', [made!.office_id]);

      const key = 'receipt-numbers-waiting';
      const answered = t
        .as('clerk')
        .post('/api/cases', EXAMPLE_AGENT_CASE)
        .set('idempotency-key', key)
        .then((res) => res);
      await waitFor(
        () => waitingForTransaction(observer, '/* kept prepared: registration */%'),
        10_000,
        () => 'the registration to wait for the receipt number',
      );
      // Its key is written (not yet committed): the same key written beside it waits for the registration to end.
      const { rows: probing } = await probe.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const sameKey = probe
        .query('INSERT INTO idempotency_keys (staff_user_id, key, request_hash, case_id) VALUES ($1, $2, $3, $4)', [
          made!.created_by_id,
          createHash('sha256').update(key).digest('hex'),
          '0'.repeat(64),
          first.body.id,
        ])
        .then(
          () => 'written',
          (error: { code?: string }) => error.code,
        );
      await waitFor(
        () => waitingForTransaction(observer, 'INSERT INTO idempotency_keys%', probing[0]!.pid),
        10_000,
        () => 'the same key to wait for the registration',
      );

      await counter.query('COMMIT');
      const res = await answered;
      expect(res.status).toBe(201);
      const number = (r: { body: { receiptNumber: string } }) => Number(r.body.receiptNumber.split('-').at(-1));
      expect(number(res)).toBe(number(first) + 1);
      expect(await sameKey).toBe('23505');
    } finally {
      await counter.query('ROLLBACK').catch(() => undefined);
      await Promise.all([observer.end(), counter.end(), probe.end()]);
    }
  });
});
