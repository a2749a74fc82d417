import type { CaseView, LetterSummary, OpenAgentCases } from '@madoguchi/contract';
import { mailedAgentCase, registerAgentCases } from '../testing/agent-cases';
import { asStaff, testMunicipality } from '../testing/municipality';
import { useTestCity } from '../testing/test-city';

/** 返戻 (the mail-out-and-back issue): a letter that came back holds its case until a supervisor acts. */
const t = useTestCity('990741');
const as = t.as;
const caseOf = async (id: string) => (await as('clerk').get(`/api/cases/${id}`).expect(200)).body as CaseView;

describe('POST /api/letters/returned', () => {
  it('records the return by the number on the letter; the case is held, its letter not reissued to the same address', async () => {
    const mailed = await mailedAgentCase(t.app, t.db, t.city);
    const { inquiryNumber } = mailed.letters[0]!;
    const res = await as('print_staff').post('/api/letters/returned', { inquiryNumber, reason: 'moved_no_forwarding' }).expect(200);
    expect(res.body as LetterSummary).toMatchObject({ caseId: mailed.id, status: 'mailed', returnedReason: 'moved_no_forwarding' });
    expect(res.body.returnedAt).not.toBeNull();

    const held = await caseOf(mailed.id);
    expect(held.version).toBe(mailed.version + 1);
    expect(held.history.at(-1)).toMatchObject({
      event: 'letter_returned',
      actor: { username: 'print_staff_990741' },
      details: { returnReason: 'moved_no_forwarding', inquiryNumber },
    });
    const listed = (
      await as('clerk')
        .get('/api/cases')
        .query({ filter: JSON.stringify({ id: [mailed.id] }) })
        .expect(200)
    ).body as { returned: boolean }[];
    expect(listed[0]!.returned).toBe(true);

    // Once only; and never out again to the address it came back from.
    expect((await as('clerk').post('/api/letters/returned', { inquiryNumber, reason: 'addressee_unknown' }).expect(409)).body.code).toBe(
      'letter_already_returned',
    );
    const again = await as('supervisor').post(`/api/cases/${mailed.id}/letters`, { version: held.version, reason: 'returned' }).expect(422);
    expect(again.body.code).toBe('reissue_same_address');
    expect((await caseOf(mailed.id)).letters.map((l) => l.status)).toEqual(['mailed']);

    // The supervisor's worklist shows it, with what can be done.
    const worklist = (await as('supervisor').get('/api/supervision/open-agent-cases').expect(200)).body as OpenAgentCases;
    expect(worklist.returned).toBeGreaterThanOrEqual(1);
    expect(worklist.worklist.find((w) => w.id === mailed.id)).toMatchObject({ returned: true, lapsesOn: null, actions: ['look_up_address', 'cancel'] });

    // The register shows a new address: the supervisor corrects it, which reissues the letter there.
    const moved = (
      await as('supervisor')
        .patch(`/api/cases/${mailed.id}`, {
          version: held.version,
          holder: { postalCode: '135-0016', address: '東京都江東区東陽2-2-2' },
          attested: ['holder_address_checked'],
        })
        .expect(200)
    ).body as CaseView;
    expect(moved.letters.map((l) => l.status)).toEqual(['superseded', 'pending']);
  });

  it('a letter that cannot be delivered anywhere: the supervisor cancels the case as undeliverable', async () => {
    const mailed = await mailedAgentCase(t.app, t.db, t.city);
    await as('clerk').post('/api/letters/returned', { inquiryNumber: mailed.letters[0]!.inquiryNumber, reason: 'addressee_unknown' }).expect(200);
    const held = await caseOf(mailed.id);
    const cancelled = await as('supervisor')
      .post(`/api/cases/${mailed.id}/transitions`, { to: 'cancelled', version: held.version, reason: 'letter_undeliverable' })
      .expect(200);
    expect(cancelled.body.state).toBe('cancelled');
  });

  it('refuses what is not a return to record, and changes nothing', async () => {
    const mailed = await mailedAgentCase(t.app, t.db, t.city);
    const { inquiryNumber } = mailed.letters[0]!;
    const noWords = await as('print_staff').post('/api/letters/returned', { inquiryNumber, reason: 'other' }).expect(422);
    expect(noWords.body.details).toEqual([expect.objectContaining({ code: 'return_note_required', path: 'note' })]);
    const secret = await as('print_staff').post('/api/letters/returned', { inquiryNumber, reason: 'other', note: '暗証番号:4821' }).expect(422);
    expect(JSON.stringify(secret.body)).not.toContain('4821');
    await as('admin').post('/api/letters/returned', { inquiryNumber, reason: 'refused' }).expect(403);

    const [unmailed] = await registerAgentCases(t.app, t.city.tokens.clerk, 1);
    const notOut = await as('print_staff').post('/api/letters/returned', { inquiryNumber: unmailed!.letters[0]!.inquiryNumber, reason: 'refused' }).expect(409);
    expect(notOut.body.code).toBe('letter_not_out');
    // Another municipality's print staff do not find it.
    const other = await testMunicipality(t.app, t.db, '990742');
    await asStaff(t.app, other.tokens.print_staff).post('/api/letters/returned', { inquiryNumber, reason: 'refused' }).expect(404);
    expect((await caseOf(mailed.id)).version).toBe(mailed.version);
  });
});
