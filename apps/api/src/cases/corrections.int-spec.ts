import type { CaseView, PrintRunView } from '@madoguchi/contract';
import { DEFAULT_POLICY } from '@madoguchi/domain';
import { renderInquiryLetter } from '@madoguchi/jobs';
import { importResidents, readResidentCsv, RESIDENT_CSV_COLUMNS } from '../residents/resident-import';
import { mailedAgentCase, mergePrintRun, printedRun, registerAgentCases, renderLetters } from '../testing/agent-cases';
import { agentCaseFromRegister, EXAMPLE_SELF_CASE } from '../testing/fixtures';
import { asStaff, testMunicipality } from '../testing/municipality';
import { useTestCity } from '../testing/test-city';

/** 訂正 (the resident-register issue): PATCH /api/cases/:id, its guards, its history and what it does to the letter. */
const t = useTestCity('990731');
const as = t.as;

const caseOf = async (id: string) => (await as('clerk').get(`/api/cases/${id}`).expect(200)).body as CaseView;
const currentLetter = (c: CaseView) => c.letters.filter((l) => l.status !== 'superseded').at(-1)!;
const historyRows = (caseId: string) => t.db.caseHistory.findMany({ where: { caseId }, orderBy: { id: 'asc' } });
const ADDRESS_TICK = { attested: ['holder_address_checked'] };

describe('PATCH /api/cases/:id before the letter is mailed', () => {
  it("corrects the agent's name: the history keeps old and new with who; the unprinted letter is replaced and rendered again", async () => {
    const [c] = await registerAgentCases(t.app, t.city.tokens.clerk, 1);
    const res = await as('clerk')
      .patch(`/api/cases/${c!.id}`, { version: c!.version, representative: { familyName: '江藤', familyNameKana: 'エトウ' } })
      .expect(200);
    const corrected = res.body as CaseView;
    expect(corrected.version).toBe(c!.version + 1);
    expect(corrected.representative).toMatchObject({ familyName: '江藤', givenName: '太郎', familyNameKana: 'エトウ' });
    expect(corrected.history.at(-1)).toMatchObject({
      from: 'received',
      to: 'received',
      event: 'corrected',
      actor: { username: 'clerk_990731' },
      details: {
        changes: [
          { field: 'representative.familyName', from: '江東', to: '江藤' },
          { field: 'representative.familyNameKana', from: 'コウトウ', to: 'エトウ' },
        ],
        replacedInquiryNumber: c!.letters[0]!.inquiryNumber,
      },
    });
    expect(corrected.letters.map((l) => l.status)).toEqual(['superseded', 'pending']);
    const fresh = currentLetter(corrected);
    expect(fresh.inquiryNumber).not.toBe(c!.letters[0]!.inquiryNumber);
    const outbox = await t.db.outboxMessage.findMany({ where: { payload: { equals: { letterId: fresh.id } } } });
    expect(outbox.map((o) => o.job)).toEqual([renderInquiryLetter.name]);
    // The name is found under its new spelling.
    const found = (
      await as('clerk')
        .get('/api/cases')
        .query({ filter: JSON.stringify({ q: '江藤' }) })
        .expect(200)
    ).body as { id: string }[];
    expect(found.map((f) => f.id)).toContain(c!.id);
  });

  it('a change the letter does not print (kana, the note) keeps the letter', async () => {
    const [c] = await registerAgentCases(t.app, t.city.tokens.clerk, 1);
    const res = await as('clerk')
      .patch(`/api/cases/${c!.id}`, { version: c!.version, holder: { givenNameKana: 'ハナエ' }, note: null })
      .expect(200);
    expect(res.body.letters.map((l: { status: string }) => l.status)).toEqual(['pending']);
    expect(res.body.note).toBeNull();
    expect(res.body.history.at(-1).details.changes).toEqual([
      { field: 'holder.givenNameKana', from: 'ハナコ', to: 'ハナエ' },
      { field: 'note', from: '代理人は長男', to: null },
    ]);
  });

  it('supersedes a printed letter in a rendered run: the run lists it for its pages to be taken out and mails only the others', async () => {
    const { cases, run } = await printedRun(t.app, t.db, t.city, 2);
    const [first, second] = [await caseOf(cases[0]!.id), await caseOf(cases[1]!.id)];

    const res = await as('clerk')
      .patch(`/api/cases/${first.id}`, { version: first.version, holder: { address: '東京都江東区東陽4-11-29' }, ...ADDRESS_TICK })
      .expect(200);
    expect(res.body.history.at(-1).details).toMatchObject({ attested: ['holder_address_checked'] });
    const listed = (await as('print_staff').get(`/api/print-runs/${run.id}`).expect(200)).body as PrintRunView;
    expect(listed.status).toBe('ready');
    expect(listed.letters.map((l) => [l.caseId, l.status])).toEqual([
      [first.id, 'superseded'],
      [second.id, 'printed'],
    ]);

    await as('print_staff').post(`/api/print-runs/${run.id}/mailed`).expect(200);
    expect((await caseOf(second.id)).state).toBe('inquiry_mailed');
    const still = await caseOf(first.id);
    expect(still.state).toBe('received');
    expect(still.letters.map((l) => l.status)).toEqual(['superseded', 'pending']);

    // The new letter prints the corrected address and goes into the next run.
    const fresh = currentLetter(still);
    await renderLetters(t.db, t.city, [fresh.id]);
    const next = (
      await as('print_staff')
        .post('/api/print-runs', { caseIds: [first.id] })
        .expect(201)
    ).body as PrintRunView;
    expect(next.letters.map((l) => l.inquiryNumber)).toEqual([fresh.inquiryNumber]);
    const stored = await t.db.inquiryLetter.findUniqueOrThrow({ where: { id: fresh.id } });
    expect(stored).toMatchObject({ reissueReason: 'corrected', reissueOfId: first.letters[0]!.id });
  });

  it('takes the letter out of a run still rendering; a run left empty is cancelled', async () => {
    const cases = await registerAgentCases(t.app, t.city.tokens.clerk, 2);
    await renderLetters(
      t.db,
      t.city,
      cases.map((c) => c.letters[0]!.id),
    );
    const run = (
      await as('print_staff')
        .post('/api/print-runs', { caseIds: cases.map((c) => c.id) })
        .expect(201)
    ).body as PrintRunView;
    const before = await caseOf(cases[0]!.id);
    await as('clerk')
      .patch(`/api/cases/${before.id}`, { version: before.version, representative: { givenName: '次郎' } })
      .expect(200);
    const left = (await as('print_staff').get(`/api/print-runs/${run.id}`).expect(200)).body as PrintRunView;
    expect(left).toMatchObject({ status: 'rendering', letterCount: 1 });
    expect(left.letters.map((l) => [l.caseId, l.position])).toEqual([[cases[1]!.id, 0]]);
    await mergePrintRun(t.db, t.city, run.id);
    expect((await as('print_staff').get(`/api/print-runs/${run.id}`).expect(200)).body.status).toBe('ready');

    const [alone] = await registerAgentCases(t.app, t.city.tokens.clerk, 1);
    await renderLetters(t.db, t.city, [alone!.letters[0]!.id]);
    const single = (
      await as('print_staff')
        .post('/api/print-runs', { caseIds: [alone!.id] })
        .expect(201)
    ).body as PrintRunView;
    const aloneNow = await caseOf(alone!.id);
    await as('clerk')
      .patch(`/api/cases/${alone!.id}`, { version: aloneNow.version, representative: { givenName: '三郎' } })
      .expect(200);
    expect((await as('print_staff').get(`/api/print-runs/${single.id}`).expect(200)).body).toMatchObject({ status: 'cancelled', letterCount: 0, letters: [] });
  });
});

describe('a correction racing the mailing of its run', () => {
  it('one of them goes first and the other sees what it did: never a superseded letter mailed, never a deadlock', async () => {
    for (let round = 0; round < 4; round++) {
      const { cases, run } = await printedRun(t.app, t.db, t.city, 2);
      const target = await caseOf(cases[0]!.id);
      const [correction, mailing] = await Promise.all([
        as('clerk').patch(`/api/cases/${target.id}`, { version: target.version, representative: { givenName: '次郎' } }),
        as('print_staff').post(`/api/print-runs/${run.id}/mailed`),
      ]);
      expect(mailing.status).toBe(200);
      const after = await caseOf(target.id);
      if (correction.status === 200) {
        // The correction went first: its letter stayed behind, superseded, and a new one waits.
        expect(after.state).toBe('received');
        expect(after.letters.map((l) => l.status)).toEqual(['superseded', 'pending']);
      } else {
        expect(correction.status).toBe(409);
        expect(after.state).toBe('inquiry_mailed');
        expect(after.letters.map((l) => l.status)).toEqual(['mailed']);
        expect(after.history.map((h) => h.event)).not.toContain('corrected');
      }
      expect((await caseOf(cases[1]!.id)).state).toBe('inquiry_mailed');
    }
  });

  it('a rendered run whose every letter was superseded is cancelled, with nothing left to mail', async () => {
    const {
      cases: [c],
      run,
    } = await printedRun(t.app, t.db, t.city, 1);
    const now = await caseOf(c!.id);
    await as('clerk')
      .patch(`/api/cases/${c!.id}`, { version: now.version, representative: { familyName: '江藤' } })
      .expect(200);
    const cancelled = (await as('print_staff').get(`/api/print-runs/${run.id}`).expect(200)).body as PrintRunView;
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.letters.map((l) => l.status)).toEqual(['superseded']);
    expect((await as('print_staff').post(`/api/print-runs/${run.id}/mailed`).expect(409)).body.code).toBe('print_run_cancelled');
  });
});

describe('the guards', () => {
  it('refuses a planted secret in any corrected field, changes nothing, and keeps it out of the history', async () => {
    const [c] = await registerAgentCases(t.app, t.city.tokens.clerk, 1);
    const planted = [
      { note: '暗証番号:4821' },
      { representative: { familyName: '江東123456789018' } },
      { holder: { address: '東京都江東区東陽 123456789018' }, ...ADDRESS_TICK },
      { representative: { address: '暗証番号 4821' } },
    ];
    for (const body of planted) {
      const res = await as('clerk').patch(`/api/cases/${c!.id}`, { version: c!.version, ...body });
      expect([400, 422]).toContain(res.status);
      expect(JSON.stringify(res.body)).not.toMatch(/4821|123456789018/);
    }
    const after = await caseOf(c!.id);
    expect(after.version).toBe(c!.version);
    expect(after.history).toHaveLength(1);
    expect(JSON.stringify(await historyRows(c!.id), (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).not.toMatch(/4821|123456789018/);
  });

  it('holds the route’s rules on the new values, and the tick on a typed address', async () => {
    const [c] = await registerAgentCases(t.app, t.city.tokens.clerk, 1);
    const child = await as('clerk')
      .patch(`/api/cases/${c!.id}`, { version: c!.version, holder: { birthDate: '2020-04-01' } })
      .expect(422);
    expect(child.body.code).toBe('correction_refused');
    expect(child.body.details.map((d: { code: string }) => d.code)).toContain('agent_holder_under_15');
    const unticked = await as('clerk')
      .patch(`/api/cases/${c!.id}`, { version: c!.version, holder: { postalCode: '1350017' } })
      .expect(422);
    expect(unticked.body.details).toEqual([expect.objectContaining({ code: 'holder_address_recheck_required', path: 'attested' })]);
    const same = await as('clerk')
      .patch(`/api/cases/${c!.id}`, { version: c!.version, representative: { familyName: '江東' } })
      .expect(422);
    expect(same.body.code).toBe('correction_nothing_changed');
    const both = await as('clerk')
      .patch(`/api/cases/${c!.id}`, { version: c!.version, holder: { residentId: 'R-1', address: 'x' } })
      .expect(400);
    expect(both.body.details).toEqual([expect.objectContaining({ code: 'holder_register_or_typed', path: 'holder.address' })]);
    expect((await caseOf(c!.id)).version).toBe(c!.version);
  });

  it('a stale screen gets 409; print staff 403; a finished case 409; a self case has no representative', async () => {
    const [c] = await registerAgentCases(t.app, t.city.tokens.clerk, 1);
    await as('clerk').patch(`/api/cases/${c!.id}`, { version: c!.version, note: '一度目' }).expect(200);
    const stale = await as('clerk').patch(`/api/cases/${c!.id}`, { version: c!.version, note: '二度目' }).expect(409);
    expect(stale.body.code).toBe('version_conflict');
    await as('print_staff')
      .patch(`/api/cases/${c!.id}`, { version: c!.version + 1, note: '印刷係' })
      .expect(403);
    await as('admin')
      .patch(`/api/cases/${c!.id}`, { version: c!.version + 1, note: '管理者' })
      .expect(403);

    const self = (await as('clerk').post('/api/cases', EXAMPLE_SELF_CASE).expect(201)).body as CaseView;
    const noAgent = await as('clerk')
      .patch(`/api/cases/${self.id}`, { version: self.version, representative: { familyName: '某' } })
      .expect(422);
    expect(noAgent.body.details).toEqual([expect.objectContaining({ code: 'correction_no_representative' })]);
    const fixed = await as('clerk')
      .patch(`/api/cases/${self.id}`, { version: self.version, holder: { address: '東京都江東区東陽4-11-30' } })
      .expect(200);
    await as('clerk').post(`/api/cases/${self.id}/transitions`, { to: 'completed', version: fixed.body.version }).expect(200);
    const finished = await as('supervisor')
      .patch(`/api/cases/${self.id}`, { version: fixed.body.version + 1, note: '後から' })
      .expect(409);
    expect(finished.body.code).toBe('case_finished_no_correction');
  });

  it("another municipality's case is not found, and the rules of its register do not leak", async () => {
    const [c] = await registerAgentCases(t.app, t.city.tokens.clerk, 1);
    const other = await testMunicipality(t.app, t.db, '990732');
    const res = await asStaff(t.app, other.tokens.supervisor).patch(`/api/cases/${c!.id}`, { version: c!.version, note: '他市' }).expect(404);
    expect(res.body.code).toBe('case_not_found');
    expect((await caseOf(c!.id)).version).toBe(c!.version);
  });
});

describe('after mailing', () => {
  it('only a supervisor corrects; a name is recorded, an address reissues the letter to it', async () => {
    const mailed = await mailedAgentCase(t.app, t.db, t.city);
    const byClerk = await as('clerk')
      .patch(`/api/cases/${mailed.id}`, { version: mailed.version, representative: { givenName: '次郎' } })
      .expect(403);
    expect(byClerk.body.code).toBe('correction_after_mailing_supervisor');

    const named = (
      await as('supervisor')
        .patch(`/api/cases/${mailed.id}`, { version: mailed.version, representative: { givenName: '次郎' } })
        .expect(200)
    ).body as CaseView;
    expect(named.letters.map((l) => l.status)).toEqual(['mailed']);

    const moved = (
      await as('supervisor')
        .patch(`/api/cases/${mailed.id}`, { version: named.version, holder: { postalCode: '135-0016', address: '東京都江東区東陽1-2-3' }, ...ADDRESS_TICK })
        .expect(200)
    ).body as CaseView;
    expect(moved.state).toBe('inquiry_mailed');
    expect(moved.letters.map((l) => l.status)).toEqual(['superseded', 'pending']);
    expect(moved.history.at(-1)).toMatchObject({
      event: 'corrected',
      actor: { username: 'supervisor_990731' },
      details: { replacedInquiryNumber: mailed.letters[0]!.inquiryNumber },
    });
    // The reissue goes out like any other: rendered, printed, mailed, the case staying where it is.
    await renderLetters(t.db, t.city, [currentLetter(moved).id]);
    const run = (
      await as('print_staff')
        .post('/api/print-runs', { caseIds: [mailed.id] })
        .expect(201)
    ).body as PrintRunView;
    await mergePrintRun(t.db, t.city, run.id);
    await as('print_staff').post(`/api/print-runs/${run.id}/mailed`).expect(200);
    const after = await caseOf(mailed.id);
    expect(after.history.at(-1)).toMatchObject({ event: 'reissued_letter_mailed' });
  });
});

describe('with the resident register required', () => {
  const HEADER = RESIDENT_CSV_COLUMNS.join(',');
  it('a holder detail changes only by looking the holder up again; the new look-up is recorded', async () => {
    const read = readResidentCsv(
      [
        HEADER,
        'C-0001,試験,花子,シケン,ハナコ,1950-04-01,1000003,試験県試験市本町1-1-1',
        'C-0002,試験,花子,シケン,ハナコ,1950-04-01,1000004,試験県試験市新町2-2-2',
      ].join('\n'),
    );
    if (!read.ok) throw new Error('bad fixture');
    await importResidents(t.db, t.city.municipalityId, read.records);
    await as('admin')
      .put('/api/policy', { ...DEFAULT_POLICY, residentRegister: 'required' })
      .expect(200);
    try {
      const made = (await as('clerk').post('/api/cases', agentCaseFromRegister('C-0001')).expect(201)).body as CaseView;
      const typed = await as('clerk')
        .patch(`/api/cases/${made.id}`, { version: made.version, holder: { address: '試験県試験市新町2-2-2' }, ...ADDRESS_TICK })
        .expect(422);
      expect(typed.body.details).toEqual([expect.objectContaining({ code: 'holder_correction_from_register', path: 'holder.address' })]);
      const unknown = await as('clerk')
        .patch(`/api/cases/${made.id}`, { version: made.version, holder: { residentId: 'C-9999' } })
        .expect(422);
      expect(unknown.body.details).toEqual([expect.objectContaining({ code: 'holder_not_in_register', path: 'holder.residentId' })]);

      const picked = (
        await as('clerk')
          .patch(`/api/cases/${made.id}`, { version: made.version, holder: { residentId: 'C-0002' } })
          .expect(200)
      ).body as CaseView;
      expect(picked.holder).toMatchObject({ postalCode: '100-0004', address: '試験県試験市新町2-2-2' });
      expect(picked.history.at(-1)!.details).toMatchObject({
        residentRegister: { source: 'embedded', residentId: 'C-0002' },
        changes: [
          { field: 'holder.postalCode', from: '100-0003', to: '100-0004' },
          { field: 'holder.address', from: '試験県試験市本町1-1-1', to: '試験県試験市新町2-2-2' },
        ],
      });
      expect(picked.letters.map((l) => l.status)).toEqual(['superseded', 'pending']);
      // The agent's details are the counter's to correct, as on any route.
      await as('clerk')
        .patch(`/api/cases/${made.id}`, { version: picked.version, representative: { givenName: '次郎' } })
        .expect(200);
    } finally {
      await as('admin').put('/api/policy', DEFAULT_POLICY).expect(200);
    }
  });
});
