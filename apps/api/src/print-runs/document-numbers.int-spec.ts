import { DEFAULT_POLICY } from '@madoguchi/domain';
import { mergePrintRun, registerAgentCases, renderLetters, type RegisteredCase } from '../testing/agent-cases';
import { useTestCity } from '../testing/test-city';

/**
 * 文書番号 (the rules issue, the letter): a letter takes its number when it first goes into a print
 * run, in the run's order, in the city's format, within the fiscal year; a re-render keeps it; a
 * letter superseded after it was numbered keeps its number as void (欠番), never given again.
 */
const t = useTestCity('990714');
const as = t.as;

interface RunLetter {
  caseId: string;
  documentNumber: string | null;
}

async function readyCases(count: number): Promise<RegisteredCase[]> {
  const cases = await registerAgentCases(t.app, t.city.tokens.clerk, count);
  await renderLetters(
    t.db,
    t.city,
    cases.map((c) => c.letters[0]!.id),
  );
  return cases;
}

const createRun = async (cases: RegisteredCase[]) =>
  (
    await as('print_staff')
      .post('/api/print-runs', { caseIds: cases.map((c) => c.id) })
      .expect(201)
  ).body as { id: string; letters: RunLetter[] };

beforeAll(async () => {
  await as('admin')
    .put('/api/policy', { ...DEFAULT_POLICY, documentNumberFormat: '試市民第#号', letterIssuer: '試験市長 試験 太郎' })
    .expect(200);
});

describe('document numbers', () => {
  it('are given in the run’s order when letters first go into a run, and kept when the run is dropped and made again', async () => {
    const cases = await readyCases(3);
    const first = await createRun(cases);
    expect(first.letters.map((l) => [l.caseId, l.documentNumber])).toEqual(cases.map((c, i) => [c.id, `試市民第${i + 1}号`]));
    await as('print_staff').post(`/api/print-runs/${first.id}/cancel`).expect(200);
    const again = await createRun(cases);
    expect(again.letters.map((l) => l.documentNumber)).toEqual(['試市民第1号', '試市民第2号', '試市民第3号']);

    // The run's PDF prints them, with the issuer as the city writes it.
    await mergePrintRun(t.db, t.city, again.id);
    const pdf = await as('print_staff').get(`/api/print-runs/${again.id}/pdf`).buffer(true).expect(200);
    expect(pdf.body.length).toBeGreaterThan(1000);
    await as('print_staff').post(`/api/print-runs/${again.id}/mailed`).expect(200);

    // A reissue supersedes the numbered letter: its number stays recorded, void; the new letter takes the next one.
    const lost = cases[0]!;
    const current = (await as('clerk').get(`/api/cases/${lost.id}`).expect(200)).body as { version: number };
    const reissued = await as('clerk').post(`/api/cases/${lost.id}/letters`, { version: current.version, reason: 'lost' }).expect(201);
    const newLetter = (reissued.body.letters as { id: string; status: string }[]).find((l) => l.status !== 'superseded')!;
    await renderLetters(t.db, t.city, [newLetter.id]);
    const next = await createRun([lost]);
    expect(next.letters.map((l) => l.documentNumber)).toEqual(['試市民第4号']);
    const letters = (
      await as('print_staff')
        .get('/api/letters')
        .query({ filter: JSON.stringify({ caseId: lost.id }) })
        .expect(200)
    ).body as {
      documentNumber: string | null;
      documentNumberVoid: boolean;
      status: string;
    }[];
    expect(letters.map((l) => [l.documentNumber, l.documentNumberVoid]).sort()).toEqual([
      ['試市民第1号', true],
      ['試市民第4号', false],
    ]);
  });

  it('never gives one number twice when two runs are made at once', async () => {
    const cases = await readyCases(6);
    const [a, b] = await Promise.all([createRun(cases.slice(0, 3)), createRun(cases.slice(3))]);
    const numbers = [...a.letters, ...b.letters].map((l) => l.documentNumber);
    expect(new Set(numbers).size).toBe(6);
    const rows = await t.db.inquiryLetter.findMany({ where: { case: { office: { municipalityId: t.city.municipalityId } }, documentNumber: { not: null } } });
    expect(new Set(rows.map((r) => r.documentSeq)).size).toBe(rows.length);
    expect(Math.max(...rows.map((r) => r.documentSeq!))).toBe(rows.length);
  });
});
