import type { INestApplication } from '@nestjs/common';
import { createDatabaseClient } from '@madoguchi/db';
import { renderInquiryLetter } from '@madoguchi/jobs';
import { Client } from 'pg';
import request from 'supertest';
import { EXAMPLE_AGENT_CASE } from '../testing/fixtures';
import { testMunicipality, type TestMunicipality } from '../testing/municipality';
import { startTestApp } from '../testing/test-app';

/**
 * PostgreSQL drops the API's connections in the middle of registrations (as a failover or a
 * restarted server would): whatever each request answered, no case is half-written and no outbox
 * row points at nothing. A 201 is always a whole case; anything else is a clean refusal.
 */
const APPLICATION = 'madoguchi-fault-api';
const db = createDatabaseClient(process.env.DATABASE_URL!, { poolSize: 2 });
let app: INestApplication;
let city: TestMunicipality;

beforeAll(async () => {
  const url = new URL(process.env.DATABASE_URL!);
  url.searchParams.set('application_name', APPLICATION);
  app = await startTestApp({ DATABASE_URL: url.toString() });
  city = await testMunicipality(app, db, '990601');
});
afterAll(async () => {
  await app.close();
  await db.$disconnect();
});

describe('PostgreSQL connections dropped mid-transaction', () => {
  it('leave no half-written case and no orphan outbox row; every 201 is a whole case', async () => {
    const killer = new Client({ connectionString: process.env.DATABASE_URL });
    await killer.connect();
    let dropped = 0;
    /**
     * While a round of registrations runs, drop up to `most` of the API's connections, each as soon
     * as one is seen busy (a request half-way): some requests lose theirs, the others finish.
     */
    const dropWhile = async (round: Promise<unknown>, most: number) => {
      let running = true;
      const stop = () => (running = false);
      void round.then(stop, stop);
      for (let left = most; running && left > 0;) {
        const res = await killer.query(
          `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity
           WHERE application_name = $1 AND datname = current_database() AND state <> 'idle' ORDER BY random() LIMIT 1`,
          [APPLICATION],
        );
        const ok = res.rows.filter((r: { ok: boolean }) => r.ok).length;
        dropped += ok;
        left -= ok;
      }
    };
    const statuses: number[] = [];
    const created: string[] = [];
    try {
      for (let round = 0; round < 6; round++) {
        const answering = Promise.all(
          Array.from({ length: 10 }, () =>
            request(app.getHttpServer()).post('/api/cases').set('authorization', `Bearer ${city.tokens.clerk}`).send(EXAMPLE_AGENT_CASE),
          ),
        );
        await dropWhile(answering, 3);
        for (const a of await answering) {
          statuses.push(a.status);
          if (a.status === 201) created.push(a.body.id as string);
        }
      }
    } finally {
      await killer.end();
    }
    expect(dropped).toBeGreaterThan(0);
    // Refused cleanly when its connection went: 503, never a 500 or a hang.
    expect([...new Set(statuses)].filter((s) => s !== 201 && s !== 503)).toEqual([]);

    const cases = await db.pinResetCase.findMany({
      where: { office: { municipality: { code: '990601' } } },
      include: { parties: true, history: true, letters: true, documents: true },
    });
    expect(cases.map((c) => c.id)).toEqual(expect.arrayContaining(created));
    for (const c of cases) {
      expect([c.receiptNumber, c.parties.length, c.history.length, c.letters.length, c.documents.length]).toEqual([c.receiptNumber, 2, 1, 1, 1]);
    }
    const letterIds = new Set(cases.flatMap((c) => c.letters.map((l) => l.id)));
    const outbox = await db.outboxMessage.findMany({ where: { job: renderInquiryLetter.name } });
    const ours = outbox.filter((o) => letterIds.has((o.payload as { letterId: string }).letterId));
    expect(ours).toHaveLength(letterIds.size);
    const allLetters = new Set((await db.inquiryLetter.findMany({ select: { id: true } })).map((l) => l.id));
    expect(outbox.filter((o) => !allLetters.has((o.payload as { letterId: string }).letterId))).toEqual([]);
    console.log(
      `database-drop: ${statuses.length} registrations, ${dropped} connections dropped, ${created.length} created, ${statuses.filter((s) => s === 503).length} refused with 503, 0 half-written`,
    );
  });
});
