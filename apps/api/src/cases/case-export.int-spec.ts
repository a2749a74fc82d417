import type { Response } from 'supertest';
import { EXAMPLE_AGENT_CASE, EXAMPLE_SELF_CASE } from '../testing/fixtures';
import { asStaff, testMunicipality } from '../testing/municipality';
import { useTestCity } from '../testing/test-city';

/** 一覧のCSV (the reports issue): the list as filtered, as a spreadsheet opens it, in the audit log. */
const t = useTestCity('990761', { EXPORT_ROW_CAP: '3' });
const as = t.as;

/** The answer's bytes, as sent. */
const bytes = (req: ReturnType<ReturnType<typeof as>['get']>) =>
  req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });

/** A CSV as a spreadsheet reads it: quoted cells, "" for a quote, CRLF lines. */
function parse(res: Response): string[][] {
  const text = (res.body as Buffer).toString('utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return text
    .slice(1)
    .split('\r\n')
    .filter((line) => line.length)
    .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!.replace(/""/g, '"')));
}

const exportOf = (role: 'supervisor' | 'admin', filter: object = {}) =>
  bytes(
    as(role)
      .get('/api/cases/export')
      .query({ filter: JSON.stringify(filter) }),
  );

describe('GET /api/cases/export', () => {
  it('answers the filtered list with Japanese headers, 和暦 and ISO dates, the names as written, and formulas neutralised; the export is audited', async () => {
    // An office name a spreadsheet would run as a formula.
    await t.db.office.update({ where: { id: t.city.officeId }, data: { name: '=SUM(1)出張所' } });
    const holder = (familyName: string) => ({ ...EXAMPLE_AGENT_CASE, holder: { ...EXAMPLE_AGENT_CASE.holder, familyName } });
    await as('clerk').post('/api/cases', holder('髙橋')).expect(201);
    await as('clerk').post('/api/cases', holder('𠮷田')).expect(201);
    await as('clerk').post('/api/cases', EXAMPLE_SELF_CASE).expect(201);

    const res = await exportOf('supervisor', { route: 'voluntary_agent' }).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['x-total-count']).toBe('2');
    const [header, ...rows] = parse(res);
    expect(header).toEqual([
      '受付番号',
      '受付日（和暦）',
      '受付日',
      '窓口',
      '申請者',
      '再設定の理由',
      '状態',
      '本人氏名',
      '本人氏名（カナ）',
      '回答期限（和暦）',
      '回答期限',
      '期限超過',
      '返戻',
    ]);
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r[7])).toEqual(['𠮷田 花子', '髙橋 花子']); // newest first
    expect(rows[0]![1]).toMatch(/^令和\d+年\d+月\d+日$/);
    expect(rows[0]![2]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(rows[0]![3]).toBe("'=SUM(1)出張所");
    expect(rows[0]!.slice(4, 7)).toEqual(['任意代理人', '暗証番号を忘れた', '受付']);
    // Nothing the list does not show: no birth date, no note.
    expect((res.body as Buffer).toString('utf8')).not.toMatch(/1950-04-01|代理人は長男/);

    const audit = await t.db.auditEvent.findMany({ where: { municipalityId: t.city.municipalityId } });
    expect(audit).toEqual([expect.objectContaining({ action: 'cases_exported', details: { filter: { route: 'voluntary_agent' }, rows: 2, capped: false } })]);
  });

  it('gives at most EXPORT_ROW_CAP rows, newest first, and says it was capped', async () => {
    for (let i = 0; i < 3; i++) await as('clerk').post('/api/cases', EXAMPLE_SELF_CASE).expect(201);
    const res = await exportOf('supervisor').expect(200);
    expect(res.headers['x-total-capped']).toBe('true');
    expect(res.headers['x-total-count']).toBe('3');
    expect(parse(res)).toHaveLength(4); // the header and three rows
    const last = await t.db.auditEvent.findFirstOrThrow({ where: { municipalityId: t.city.municipalityId }, orderBy: { id: 'desc' } });
    expect(last.details).toMatchObject({ rows: 3, capped: true });
  });

  it("is for supervisors and admins only, and another municipality's export holds none of these cases", async () => {
    await as('clerk').get('/api/cases/export').expect(403);
    expect(parse(await exportOf('admin')).length).toBeGreaterThan(1);
    const other = await testMunicipality(t.app, t.db, '990762');
    const theirs = await bytes(asStaff(t.app, other.tokens.supervisor).get('/api/cases/export')).expect(200);
    expect(parse(theirs)).toHaveLength(1); // the header alone
    // Their filter naming this city's office is refused, not widened.
    await asStaff(t.app, other.tokens.supervisor)
      .get('/api/cases/export')
      .query({ filter: JSON.stringify({ officeId: t.city.officeId }) })
      .expect(404);
  });
});
