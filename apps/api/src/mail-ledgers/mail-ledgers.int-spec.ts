import { checkCodeFor, DEFAULT_POLICY } from '@madoguchi/domain';
import { renderCompletionNotice, renderMailLedger } from '@madoguchi/jobs';
import { hmacAuthenticator } from '@madoguchi/platform';
import type { CaseView, MailLedgerDay, MailLedgerView, PrintRunView } from '@madoguchi/contract';
import { mailedAgentCase, mergePrintRun, printedRun, runJobs } from '../testing/agent-cases';
import { EXAMPLE_SECOND_VISIT } from '../testing/fixtures';
import { asStaff, testMunicipality } from '../testing/municipality';
import { TEST_LETTER_SECRET } from '../testing/test-app';
import { useTestCity } from '../testing/test-city';

/** 発送簿 and 完了通知 (the mail-out-and-back issue): what was mailed is on record, and the holder hears of the reset. */
const t = useTestCity('990751');
const as = t.as;
const mac = hmacAuthenticator(TEST_LETTER_SECRET);

/** Agent cases whose letters go through one print run, confirmed mailed. */
async function mailRun(count: number): Promise<PrintRunView> {
  const { run } = await printedRun(t.app, t.db, t.city, count);
  return (await as('print_staff').post(`/api/print-runs/${run.id}/mailed`).expect(200)).body as PrintRunView;
}

const days = async () => (await as('print_staff').get('/api/mail-ledgers').expect(200)).body as MailLedgerDay[];
const renderLedgers = () => runJobs(t.db, t.city, (job) => job === renderMailLedger.name);

/** An agent case taken from mailing through the returned reply to completion. */
async function completedAgentCase(): Promise<CaseView> {
  const mailed = await mailedAgentCase(t.app, t.db, t.city);
  const { inquiryNumber } = mailed.letters[0]!;
  const returned = await as('clerk')
    .post(`/api/cases/${mailed.id}/transitions`, {
      to: 'reply_returned',
      version: mailed.version,
      reply: { inquiryNumber, checkCode: checkCodeFor(inquiryNumber, mac) },
      ...EXAMPLE_SECOND_VISIT,
    })
    .expect(200);
  return (await as('clerk').post(`/api/cases/${mailed.id}/transitions`, { to: 'completed', version: returned.body.version }).expect(200)).body as CaseView;
}

describe('the mailing ledger', () => {
  it("records each run mailed, line by line, and a day's runs merge; totals match the lines; PDF and CSV", async () => {
    const first = await mailRun(2);
    const [today] = await days();
    expect(today).toMatchObject({ officeId: t.city.officeId, runs: 1, pieceCount: 2, postageTotal: 220, pdfReady: false });
    // The PDF is the worker's to make: until then the desk is told to wait.
    expect((await as('print_staff').get(`/api/mail-ledgers/${today!.id}/pdf`).expect(409)).body.code).toBe('mail_ledger_not_rendered');

    await mailRun(1);
    const ledger = (await as('print_staff').get(`/api/mail-ledgers/${today!.id}`).expect(200)).body as MailLedgerView;
    expect(ledger).toMatchObject({ runs: 2, pieceCount: 3, postageYen: 110, postageTotal: 330, postagePayment: 'deferred' });
    expect(ledger.lines).toHaveLength(ledger.pieceCount);
    expect(ledger.postageTotal).toBe(ledger.postageYen * ledger.lines.length);
    expect(ledger.lines[0]).toMatchObject({ kind: 'inquiry_letter', addresseeName: '江東 花子', postalCode: '135-8383', mailClass: '普通・転送不要' });
    expect(ledger.lines.map((l) => l.documentNumber).slice(0, 2)).toEqual(first.letters.map((l) => l.documentNumber));
    expect(ledger.confirmations.map((c) => [c.by.username, c.pieces])).toEqual([
      ['print_staff_990751', 2],
      ['print_staff_990751', 1],
    ]);

    await renderLedgers();
    const pdf = await as('supervisor').get(`/api/mail-ledgers/${today!.id}/pdf`).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await days())[0]!.pdfReady).toBe(true);

    const sheet = await as('print_staff')
      .get(`/api/mail-ledgers/${today!.id}/csv`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(sheet.status).toBe(200);
    const text = (sheet.body as Buffer).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('"No.","種別","文書番号","宛名","郵便番号","郵便の種別"\r\n');
    expect(text).toContain(`"1","照会書","${ledger.lines[0]!.documentNumber}","江東 花子","135-8383","普通・転送不要"`);
    expect(text).toContain('"通数","3"');

    // Another municipality's print desk sees none of it.
    const other = await testMunicipality(t.app, t.db, '990752');
    expect((await asStaff(t.app, other.tokens.print_staff).get('/api/mail-ledgers').expect(200)).body).toEqual([]);
    await asStaff(t.app, other.tokens.print_staff).get(`/api/mail-ledgers/${today!.id}`).expect(404);
  });
});

describe('the completion notice', () => {
  it('goes to the holder when an agent case completes: printed in the next run after the letters, numbered in its own series, on the ledger', async () => {
    const done = await completedAgentCase();
    expect(done.completionNotice).toMatchObject({ status: 'pending', noticeNumber: null });
    await runJobs(t.db, t.city, (job) => job === renderCompletionNotice.name);
    expect((await as('clerk').get(`/api/cases/${done.id}`).expect(200)).body.completionNotice.status).toBe('ready');
    // The print desk sees it waiting.
    const waiting = (
      await as('print_staff')
        .get('/api/completion-notices')
        .query({ filter: JSON.stringify({ status: 'ready' }) })
        .expect(200)
    ).body;
    expect(waiting).toEqual([expect.objectContaining({ caseId: done.id, holderName: '江東 花子', status: 'ready' })]);

    // The next run takes it, even with no letter picked.
    const run = (await as('print_staff').post('/api/print-runs', { caseIds: [] }).expect(201)).body as PrintRunView;
    expect(run).toMatchObject({ letterCount: 0, noticeCount: 1 });
    expect(run.notices).toEqual([expect.objectContaining({ caseId: done.id, status: 'printed', noticeNumber: '完了通知第1号' })]);
    await mergePrintRun(t.db, t.city, run.id);
    const mailed = (await as('print_staff').post(`/api/print-runs/${run.id}/mailed`).expect(200)).body as PrintRunView;
    expect(mailed.notices[0]!.status).toBe('mailed');
    // Mailing it moves no case.
    const after = (await as('clerk').get(`/api/cases/${done.id}`).expect(200)).body as CaseView;
    expect(after.state).toBe('completed');
    expect(after.completionNotice).toMatchObject({ status: 'mailed', noticeNumber: '完了通知第1号' });
    const [today] = await days();
    const ledger = (await as('print_staff').get(`/api/mail-ledgers/${today!.id}`).expect(200)).body as MailLedgerView;
    expect(ledger.lines.at(-1)).toMatchObject({ kind: 'completion_notice', caseId: done.id, documentNumber: '完了通知第1号' });
  });

  it('is not sent where the policy says not to; and a run with nothing to print is refused', async () => {
    await as('admin')
      .put('/api/policy', { ...DEFAULT_POLICY, completionNotice: false })
      .expect(200);
    try {
      const done = await completedAgentCase();
      expect(done.completionNotice).toBeNull();
    } finally {
      await as('admin').put('/api/policy', DEFAULT_POLICY).expect(200);
    }
    expect((await as('print_staff').post('/api/print-runs', { caseIds: [] }).expect(400)).body.details).toEqual([
      expect.objectContaining({ code: 'print_run_empty', path: 'caseIds' }),
    ]);
  });
});

describe('a PDF removed under the retention rule', () => {
  it('is refused with the reason, and the case page says so; the ledger stays', async () => {
    const run = await mailRun(1);
    const letterId = run.letters[0]!.id;
    await t.db.inquiryLetter.update({ where: { id: letterId }, data: { pdf: null, pdfRemovedAt: new Date() } });
    await t.db.printRun.update({ where: { id: run.id }, data: { pdf: null, pdfRemovedAt: new Date() } });
    expect((await as('print_staff').get(`/api/letters/${letterId}/pdf`).expect(409)).body.code).toBe('pdf_removed_by_retention');
    expect((await as('print_staff').get(`/api/print-runs/${run.id}/pdf`).expect(409)).body.code).toBe('pdf_removed_by_retention');
    const shown = (await as('clerk').get(`/api/cases/${run.letters[0]!.caseId}`).expect(200)).body as CaseView;
    expect(shown.letters[0]).toMatchObject({ status: 'mailed', pdfRemoved: true });
    expect((await days()).length).toBeGreaterThan(0);
  });
});
