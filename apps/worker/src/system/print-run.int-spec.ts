import { createDatabaseClient } from '@madoguchi/db';
import { PAGES_PER_LETTER } from '@madoguchi/letters';
import { pdfPageTexts } from '@madoguchi/letters/testing';
import { LetterCodes } from '@madoguchi/platform';
import { openCounter, STAFF_PASSWORD, TEST_LETTER_SECRET } from '../testing/fixtures';
import { killAll, startWorker, stop, waitFor } from '../testing/processes';

const db = createDatabaseClient(process.env.DATABASE_URL!, { poolSize: 4 });
const codes = new LetterCodes(TEST_LETTER_SECRET);

afterEach(() => killAll());
afterAll(() => db.$disconnect());

describe('a print run of 100 letters, through the API and the worker processes', () => {
  it('merges the letters in order into one PDF, and confirming it mailed moves all 100 cases on', async () => {
    const { api, register } = await openCounter(db);
    const worker = startWorker();
    try {
      // Registered at the counter one after another, each at its own address.
      const cases = [];
      for (let i = 0; i < 100; i++) cases.push(await register({ address: `東京都江東区東陽4-11-${i + 1}` }));
      const call = async (method: string, path: string, token: string, body?: object) => {
        const res = await fetch(`${api.url}${path}`, {
          method,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: body && JSON.stringify(body),
        });
        return {
          status: res.status,
          body: res.headers.get('content-type')?.includes('json') ? ((await res.json()) as Record<string, unknown>) : Buffer.from(await res.arrayBuffer()),
        };
      };
      const login = await fetch(`${api.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'print_staff', password: STAFF_PASSWORD }),
      });
      const token = ((await login.json()) as { accessToken: string }).accessToken;

      const letterIds = cases.map((c) => c.letterId);
      await waitFor(
        async () => (await db.inquiryLetter.count({ where: { id: { in: letterIds }, status: 'ready' } })) === 100,
        60000,
        () => `the letters:\n${worker.output()}`,
      );

      // Picked in a shuffled order; printed oldest first.
      const picked = [...cases].sort((a, b) => a.letterId.localeCompare(b.letterId)).map((c) => c.caseId);
      const created = await call('POST', '/api/print-runs', token, { caseIds: picked });
      expect(created.status).toBe(201);
      const runId = (created.body as { id: string }).id;
      await waitFor(
        async () => ((await call('GET', `/api/print-runs/${runId}`, token)).body as { status: string }).status === 'ready',
        60000,
        () => `the print run:\n${worker.output()}`,
      );

      const run = (await call('GET', `/api/print-runs/${runId}`, token)).body as { letters: { caseId: string; inquiryNumber: string }[] };
      expect(run.letters.map((l) => l.caseId)).toEqual(cases.map((c) => c.caseId));
      const pdf = await call('GET', `/api/print-runs/${runId}/pdf`, token);
      expect(pdf.status).toBe(200);
      const pages = await pdfPageTexts(pdf.body as Buffer);
      expect(pages).toHaveLength(100 * PAGES_PER_LETTER);
      run.letters.forEach((letter, i) => {
        const inquiry = pages[i * PAGES_PER_LETTER]!;
        expect(inquiry).toContain(`照会番号${letter.inquiryNumber}`);
        expect(inquiry).toContain(`確認コード${codes.checkCodeFor(letter.inquiryNumber)}`);
        expect(inquiry).toContain(`東京都江東区東陽4-11-${i + 1}`);
        expect(pages[i * PAGES_PER_LETTER + 1]).toContain(`回答書照会番号${letter.inquiryNumber}`);
      });

      const mailed = await call('POST', `/api/print-runs/${runId}/mailed`, token, {});
      expect(mailed.status).toBe(200);
      expect(await db.pinResetCase.count({ where: { id: { in: cases.map((c) => c.caseId) }, state: 'inquiry_mailed' } })).toBe(100);
      expect(await db.caseHistory.count({ where: { caseId: { in: cases.map((c) => c.caseId) }, toState: 'inquiry_mailed' } })).toBe(100);
    } finally {
      await Promise.all([stop(worker), stop(api)]);
    }
  }, 180000);
});
