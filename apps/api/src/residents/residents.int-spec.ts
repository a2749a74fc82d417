import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { importResidents, readResidentCsv, RESIDENT_CSV_COLUMNS } from './resident-import';
import { DEFAULT_POLICY } from '@madoguchi/domain';
import { agentCaseFromRegister, EXAMPLE_AGENT_CASE } from '../testing/fixtures';
import { useTestCity } from '../testing/test-city';
import { asStaff, testMunicipality } from '../testing/municipality';

/** 住民記録 (the resident-register issue): the embedded register, its import and its look-up. */
const t = useTestCity('990715');
const as = t.as;
const run = promisify(execFile);

const HEADER = RESIDENT_CSV_COLUMNS.join(',');
const ROW = (key: string, given = '花子', address = '試験県試験市本町1-2-3 試験ハイツ101号室') =>
  `${key},試験,${given},シケン,ハナコ,1950-04-01,1000003,"${address}"`;

describe('the resident register', () => {
  it('imports by the register’s key, reporting new, changed and unchanged rows', async () => {
    const first = readResidentCsv([HEADER, ROW('R-0001'), ROW('R-0002', '花江')].join('\r\n'));
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(await importResidents(t.db, t.city.municipalityId, first.records)).toEqual({ created: 2, changed: 0, unchanged: 0 });
    const second = readResidentCsv(`\uFEFF${[HEADER, ROW('R-0001'), ROW('R-0002', '花江', '試験県試験市本町9-9-9'), ROW('R-0003', '花代')].join('\n')}\n`);
    if (!second.ok) throw new Error(JSON.stringify(second.bad));
    expect(await importResidents(t.db, t.city.municipalityId, second.records)).toEqual({ created: 1, changed: 1, unchanged: 1 });
    const moved = await t.db.resident.findUniqueOrThrow({
      where: { municipalityId_residentKey: { municipalityId: t.city.municipalityId, residentKey: 'R-0002' } },
    });
    expect(moved.address).toBe('試験県試験市本町9-9-9');
    expect(moved.postalCode).toBe('100-0003');
  });

  it('imports a whole town’s export (more rows than one statement may carry) and finds it unchanged the second time', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => ROW(`T-${String(i).padStart(5, '0')}`));
    const read = readResidentCsv([HEADER, ...rows].join('\n'));
    if (!read.ok) throw new Error(JSON.stringify(read.bad.slice(0, 3)));
    expect(await importResidents(t.db, t.city.municipalityId, read.records)).toEqual({ created: 2500, changed: 0, unchanged: 0 });
    expect(await importResidents(t.db, t.city.municipalityId, read.records)).toEqual({ created: 0, changed: 0, unchanged: 2500 });
  });

  it('reports every bad row with its line and imports nothing, from the command line too', async () => {
    const csv = [
      HEADER,
      ROW('R-0101'),
      'R-0102,試験,花子,しけん,ハナコ,1950-02-30,1000003,試験県試験市本町1',
      ROW('R-0101'),
      ROW('R-0103', '花子', '試験県試験市本町 123456789018'),
    ].join('\n');
    const read = readResidentCsv(csv);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.bad.map((b) => b.line)).toEqual([3, 4, 5]);
    expect(read.bad[0]!.problems.join(' ')).toContain('birthDate');
    expect(read.bad[1]!.problems.join(' ')).toContain('2行目と重複');
    expect(read.bad[2]!.problems.join(' ')).toContain('個人番号');
    expect(read.bad[2]!.problems.join(' ')).not.toContain('123456789018');

    const dir = mkdtempSync(path.join(os.tmpdir(), 'residents-'));
    const file = path.join(dir, 'residents.csv');
    writeFileSync(file, csv);
    const cli = path.resolve(__dirname, '../../dist/residents/import-cli.js');
    const code = await run(process.execPath, [cli, '--municipality', '990715', file]).then(
      () => 0,
      (error: { code: number; stderr: string }) => {
        expect(error.stderr).toContain(`${file}:3:`);
        expect(error.stderr).toContain('nothing was imported');
        return error.code;
      },
    );
    expect(code).toBe(1);
    expect(await t.db.resident.count({ where: { municipalityId: t.city.municipalityId, residentKey: { in: ['R-0101', 'R-0102', 'R-0103'] } } })).toBe(0);

    writeFileSync(file, [HEADER, ROW('R-0104')].join('\n'));
    const { stdout } = await run(process.execPath, [cli, '--municipality', '990715', file]);
    expect(stdout).toContain('1 new, 0 changed, 0 unchanged');
  });

  it('answers the matches of a kana name and birth date in the caller’s municipality only', async () => {
    const read = readResidentCsv([HEADER, ROW('R-0201'), ROW('R-0202')].join('\n'));
    if (!read.ok) throw new Error('bad fixture');
    await importResidents(t.db, t.city.municipalityId, read.records);
    const query = { familyNameKana: 'シケン', givenNameKana: 'ハナコ', birthDate: '1950-04-01' };
    const found = (await as('clerk').get('/api/residents').query(query).expect(200)).body as { residentId: string; address: string }[];
    expect(found.map((r) => r.residentId)).toEqual(expect.arrayContaining(['R-0201', 'R-0202']));
    expect(found[0]).toMatchObject({ familyName: '試験', givenNameKana: 'ハナコ', birthDate: '1950-04-01', postalCode: '100-0003' });
    // Half-width and hiragana are read as the katakana the register holds.
    expect(
      (
        await as('clerk')
          .get('/api/residents')
          .query({ ...query, familyNameKana: 'ｼｹﾝ' })
          .expect(200)
      ).body.length,
    ).toBe(found.length);
    expect(
      (
        await as('clerk')
          .get('/api/residents')
          .query({ ...query, birthDate: '1950-04-02' })
          .expect(200)
      ).body,
    ).toEqual([]);
    expect((await as('clerk').get('/api/residents').query({ familyNameKana: 'シケン' }).expect(400)).body.details.map((d: { path: string }) => d.path)).toEqual(
      ['givenNameKana', 'birthDate'],
    );
    await as('print_staff').get('/api/residents').query(query).expect(403);

    // Another municipality's clerk finds none of them.
    const other = await testMunicipality(t.app, t.db, '990716');
    expect((await asStaff(t.app, other.tokens.clerk).get('/api/residents').query(query).expect(200)).body).toEqual([]);
  });
});

describe('on the agent route the register decides', () => {
  const { attested: _manualTick, ...withoutTick } = EXAMPLE_AGENT_CASE;

  it('without a register required (manual), the typed address stands once the clerk ticks it was checked; the tick is in the history', async () => {
    const unticked = await as('clerk').post('/api/cases', withoutTick).expect(422);
    expect(unticked.body.details.map((d: { code: string }) => d.code)).toEqual(['holder_address_checked_missing']);
    const made = await as('clerk').post('/api/cases', EXAMPLE_AGENT_CASE).expect(201);
    expect(made.body.history[0]).toMatchObject({ to: 'received', actor: { username: 'clerk_990715' }, details: { attested: ['holder_address_checked'] } });
  });

  it('with the register required: the holder is the register’s (name, birth date, address), the lookup recorded; a typed holder or an unknown resident is refused', async () => {
    const read = readResidentCsv([HEADER, ROW('R-0301', '花子', '試験県試験市本町3-3-3 試験荘203号室')].join('\n'));
    if (!read.ok) throw new Error('bad fixture');
    await importResidents(t.db, t.city.municipalityId, read.records);
    await as('admin')
      .put('/api/policy', { ...DEFAULT_POLICY, residentRegister: 'required' })
      .expect(200);
    try {
      const typed = await as('clerk').post('/api/cases', withoutTick).expect(422);
      expect(typed.body.details).toEqual([expect.objectContaining({ path: 'holder.residentId', code: 'holder_resident_required' })]);
      const unknown = await as('clerk').post('/api/cases', agentCaseFromRegister('R-9999')).expect(422);
      expect(unknown.body.details).toEqual([expect.objectContaining({ path: 'holder.residentId', code: 'holder_not_in_register' })]);

      const made = await as('clerk').post('/api/cases', agentCaseFromRegister('R-0301')).expect(201);
      expect(made.body.holder).toMatchObject({
        familyName: '試験',
        givenName: '花子',
        familyNameKana: 'シケン',
        birthDate: '1950-04-01',
        postalCode: '100-0003',
        address: '試験県試験市本町3-3-3 試験荘203号室',
      });
      expect(made.body.history[0]).toMatchObject({ details: { residentRegister: { source: 'embedded', residentId: 'R-0301' } } });
      // The letter goes to the address on record.
      const letterId = made.body.letters[0].id as string;
      const letter = await t.db.inquiryLetter.findUniqueOrThrow({ where: { id: letterId }, include: { case: { include: { parties: true } } } });
      expect(letter.case.parties.find((p) => p.role === 'holder')!.address).toBe('試験県試験市本町3-3-3 試験荘203号室');

      // Another municipality's resident is not this city's to pick.
      const other = await testMunicipality(t.app, t.db, '990717');
      const theirs = readResidentCsv([HEADER, ROW('R-0401')].join('\n'));
      if (!theirs.ok) throw new Error('bad fixture');
      await importResidents(t.db, other.municipalityId, theirs.records);
      await as('clerk').post('/api/cases', agentCaseFromRegister('R-0401')).expect(422);
    } finally {
      await as('admin').put('/api/policy', DEFAULT_POLICY).expect(200);
    }
  });
});
