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

/** The backends waiting for `blocker`'s transaction to end (a lock it holds). */
async function waitingFor(observer: Client, blocker: number): Promise<number[]> {
  const { rows } = await observer.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE $1 = ANY (pg_blocking_pids(pid))', [blocker]);
  return rows.map((r) => r.pid);
}
const pidOf = async (client: Client) => (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;

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
      const counterPid = await pidOf(counter);

      const key = 'receipt-numbers-waiting';
      const answered = t
        .as('clerk')
        .post('/api/cases', EXAMPLE_AGENT_CASE)
        .set('idempotency-key', key)
        .then((res) => res);
      let registration: number | undefined;
      await waitFor(
        async () => {
          [registration] = await waitingFor(observer, counterPid);
          return registration !== undefined;
        },
        10_000,
        () => 'the registration to wait for the receipt number',
      );
      // Its key is written (not yet committed): the same key written beside it waits for the registration to end.
      const probePid = await pidOf(probe);
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
        async () => (await waitingFor(observer, registration!)).includes(probePid),
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
