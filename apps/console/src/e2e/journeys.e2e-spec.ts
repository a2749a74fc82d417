import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { dateColumn, onboardMunicipality } from '@madoguchi/db';
import { addDays, japanDate } from '@madoguchi/domain';
import { LetterCodes } from '@madoguchi/platform';
import { Counter } from './counter';
import { accessibilityViolations, atLogin, loggedIn, screenshot, PASSWORD, useDemoStack } from './stack';

/**
 * The counter's journeys across desks, in headless Chromium against the real API, database,
 * worker and console: an agent case from registration through the print run, mailing and the
 * returned reply to completion; a supervisor opening cases from every link of the dashboard; an
 * administrator adding a member of staff; and the accessibility checks of every main screen.
 */
const demo = useDemoStack();
const { db } = demo;

async function caseByReceipt(receiptNumber: string) {
  return db.pinResetCase.findFirstOrThrow({ where: { receiptNumber }, include: { letters: { orderBy: { createdAt: 'asc' } } } });
}

/** Register an agent case at the console, documents from the checklist. */
async function registerAgentCase(
  at: Counter,
  holder: { family: string; given: string; familyKana: string; givenKana: string },
  birthDate: string,
): Promise<string> {
  await at.page.goto(`${demo.stack.consoleUrl}/#/cases/create`);
  await at.click('#route-voluntary_agent');
  await at.type('#holder-birthDate', birthDate);
  await at.click('#pin-resident_registry');
  await at.click(at.page.getByTestId('checklist-agent_first_visit_id').getByRole('button', { name: '旅券（パスポート）' }));
  await at.typeHere('2099-01-01');
  await at.person('holder', { ...holder, postal: '135-8383', address: '東京都江東区東陽4-11-28' });
  // No resident register connected (the default policy): the clerk ticks that the address was checked against the 住民票.
  await at.click('#add-holder_address_checked');
  await at.person('representative', { family: holder.family, given: '太郎', familyKana: holder.familyKana, givenKana: 'タロウ' });
  // The agent's birth date, asked on this route: the second visit checks the agent against it.
  await at.type('#representative-birthDate', 'S50.3.3');
  const receipt = await at.register();
  await at.click(at.page.getByRole('button', { name: '次の受付' }));
  return receipt;
}

/**
 * The reply desk's documents, from the checklist's buttons: the sealed reply, the holder's card and
 * 資格確認書, the agent's licence and 資格確認書, and the tick that the agent's IDs show the current
 * address and name (000).
 */
async function secondVisitDocuments(at: Counter): Promise<void> {
  const desk = at.page;
  await at.click(desk.getByTestId('checklist-sealed_reply_form').getByRole('button'));
  await at.click(desk.getByTestId('checklist-holder_card').getByRole('button'));
  await at.typeHere('R12.1.1');
  await at.click(desk.getByTestId('checklist-holder_second_id').getByRole('button', { name: '資格確認書' }));
  await at.click(desk.getByTestId('checklist-representative_ids').getByRole('button', { name: '運転免許証' }));
  await at.typeHere('20300101');
  await at.click(desk.getByTestId('checklist-representative_ids').getByRole('button', { name: '資格確認書' }));
  expect(await desk.getByTestId('checklist-representative_current_address').getAttribute('data-satisfied')).toBe('false');
  await at.click('#add-representative_current_address');
}

jest.setTimeout(180000);

describe('the counter, in a browser', () => {
  it('an agent case goes from registration through the print run, mailing and the reply to completion', async () => {
    const clerk = new Counter(await loggedIn(demo.stack, 'clerk', PASSWORD));
    const receipt = await registerAgentCase(clerk, { family: '𠮷田', given: '花子', familyKana: 'ヨシダ', givenKana: 'ハナコ' }, 'S23.2.29');

    // The worker renders the letter; print staff find it waiting (the list refreshes itself), make a run, and mail it.
    const printer = await loggedIn(demo.stack, 'print_staff', PASSWORD);
    await printer.goto(`${demo.stack.consoleUrl}/#/print-desk`);
    await printer.getByRole('link', { name: receipt }).waitFor({ timeout: 60000 });
    await screenshot(printer, 'print-desk');
    await printer.click('#create-print-run');
    await printer.getByTestId('print-run-ready').first().waitFor({ timeout: 60000 });
    await printer.locator('.mail-run').first().click();
    await printer.getByRole('dialog').getByText(receipt).waitFor();
    await printer.click('#confirm-mailed');
    await printer.getByTestId('print-run-mailed').first().waitFor();
    // People, not usernames: the run names who made and mailed it.
    expect(await printer.getByTestId('print-run-mailed').first().textContent()).toContain('印刷 次郎');
    const mailed = await caseByReceipt(receipt);
    expect(mailed.state).toBe('inquiry_mailed');

    // The agent comes back with the sealed reply. A number typed short says how long it is.
    const letter = mailed.letters.at(-1)!;
    const checkCode = new LetterCodes(demo.stack.letterSecret).checkCodeFor(letter.inquiryNumber);
    const desk = clerk.page;
    await desk.goto(`${demo.stack.consoleUrl}/#/reply-desk`);
    await clerk.type('#reply-inquiry-number', letter.inquiryNumber.slice(0, 6));
    expect(await desk.locator('#reply-inquiry-number-helper-text').textContent()).toBe('9文字です（今は5文字）。');
    // The clerk scans the letter's QR code (number and code in one) and looks it up with Enter.
    await desk.locator('#reply-inquiry-number').fill('');
    await clerk.typeHere(`${letter.inquiryNumber} ${checkCode}`);
    expect(await desk.inputValue('#reply-check-code')).toBe(checkCode);
    await desk.keyboard.press('Enter');
    await desk.getByTestId('reply-match').getByText(receipt).waitFor();

    // The desk shows the agent as recorded at visit 1, to check against the person at the counter.
    expect(await desk.getByTestId('reply-match').textContent()).toContain('昭和50年3月3日');

    // The second visit's documents from the checklist in at most 8 clicks (6 here, the address tick
    // included); confirming the agent, recording and completing bring the whole desk to at most 10.
    clerk.clicks = 0;
    await secondVisitDocuments(clerk);
    expect(await desk.getByTestId('checklist-representative_current_address').getAttribute('data-satisfied')).toBe('true');
    expect(clerk.clicks).toBeLessThanOrEqual(8);
    // Not without the clerk's word that this is the agent who applied.
    expect(await desk.locator('#reply-record').isDisabled()).toBe(true);
    await clerk.click('#reply-agent-confirmed');
    await desk.locator('#reply-record:not([disabled])').waitFor();
    await screenshot(desk, 'reply-desk');
    expect(await accessibilityViolations(desk)).toEqual([]);
    await clerk.click('#reply-record');
    await clerk.click('#reply-complete');
    // Completing asks first, as on the case page.
    await desk.getByRole('dialog').getByText('再設定の完了').waitFor();
    await clerk.click('#confirm-complete');
    await desk.getByText('この申請は完了しました。').waitFor();
    expect(clerk.clicks).toBeLessThanOrEqual(10);
    expect((await caseByReceipt(receipt)).state).toBe('completed');

    await desk.goto(`${demo.stack.consoleUrl}/#/cases/${mailed.id}/show`);
    await desk.getByTestId('case-state').filter({ hasText: '完了' }).waitFor();
    expect(await desk.getByTestId('case-history').textContent()).toMatch(/受付 → 照会書発送済.*照会書発送済 → 回答書受領.*回答書受領 → 完了/);
    await screenshot(desk, 'case-agent-completed');
    expect(await desk.getByTestId('reply-checks').count()).toBe(0); // a clerk's case page has no audit

    // A supervisor reads who checked the returned reply, and what came of it.
    const supervisor = await loggedIn(demo.stack, 'supervisor', PASSWORD);
    await supervisor.goto(`${demo.stack.consoleUrl}/#/cases/${mailed.id}/show`);
    const checks = supervisor.getByTestId('reply-checks');
    await checks.waitFor();
    expect(await checks.textContent()).toMatch(/回答の受付.*一致.*照合（回答書受付）.*一致/);
  });

  it('a late reply is refused to the clerk and accepted by a supervisor who says why; the history keeps the why', async () => {
    const clerk = new Counter(await loggedIn(demo.stack, 'clerk', PASSWORD));
    const receipt = await registerAgentCase(clerk, { family: '遅延', given: '花子', familyKana: 'チエン', givenKana: 'ハナコ' }, '1958-08-08');
    // Mailed 35 days ago: its deadline was five days ago.
    const c = await caseByReceipt(receipt);
    const mailedOn = addDays(japanDate(new Date()), -35);
    await db.pinResetCase.update({ where: { id: c.id }, data: { state: 'inquiry_mailed', version: { increment: 1 } } });
    await db.inquiryLetter.update({
      where: { id: c.letters[0]!.id },
      data: { status: 'mailed', issuedOn: dateColumn(mailedOn), mailedOn: dateColumn(mailedOn), replyDeadline: dateColumn(addDays(mailedOn, 30)) },
    });
    const { inquiryNumber } = c.letters[0]!;
    const checkCode = new LetterCodes(demo.stack.letterSecret).checkCodeFor(inquiryNumber);
    const fillVisit2 = async (at: Counter) => {
      const desk = at.page;
      await desk.goto(`${demo.stack.consoleUrl}/#/reply-desk`);
      await at.type('#reply-inquiry-number', `${inquiryNumber} ${checkCode}`);
      await desk.keyboard.press('Enter');
      await desk.getByTestId('reply-match').getByText(receipt).waitFor();
      await secondVisitDocuments(at);
      await at.click('#reply-agent-confirmed');
    };

    // The clerk is told the application has lapsed, and cannot record the reply.
    await fillVisit2(clerk);
    expect(await clerk.page.getByTestId('reply-match').textContent()).toContain('回答期限を5日過ぎています');
    expect(await clerk.page.locator('#reply-late-note').count()).toBe(0);
    expect(await clerk.page.locator('#reply-record').isDisabled()).toBe(true);

    // A supervisor records it, with the why.
    const supervisor = new Counter(await loggedIn(demo.stack, 'supervisor', PASSWORD));
    await fillVisit2(supervisor);
    expect(await supervisor.page.locator('#reply-record').isDisabled()).toBe(true);
    await supervisor.type('#reply-late-note', '入院のため返送が遅れた（入院証明書で確認）');
    await supervisor.click('#reply-record');
    await supervisor.page.getByText('回答書を受け付けました。').first().waitFor();
    expect((await caseByReceipt(receipt)).state).toBe('reply_returned');
    await supervisor.page.goto(`${demo.stack.consoleUrl}/#/cases/${c.id}/show`);
    await supervisor.page.getByTestId('case-state').filter({ hasText: '回答書受領' }).waitFor();
    expect(await supervisor.page.getByTestId('case-history').textContent()).toContain('入院のため返送が遅れた');
  });

  it('where the city requires its resident register, the clerk picks the holder from it, corrects the agent’s name, and the letter printed carries it', async () => {
    const municipality = await db.municipality.findUniqueOrThrow({
      where: { code: '999999' },
      include: { policies: { orderBy: { version: 'desc' }, take: 1 } },
    });
    await db.resident.create({
      data: {
        municipalityId: municipality.id,
        residentKey: 'E2E-0001',
        familyName: '住民',
        givenName: '記子',
        familyNameKana: 'ジュウミン',
        givenNameKana: 'キコ',
        birthDate: dateColumn('1957-05-05'),
        postalCode: '100-0099',
        address: '見本県見本市記録町9-9-9 記録ハイツ909号室',
      },
    });
    const latest = municipality.policies[0]!;
    const withPolicy = (residentRegister: 'required' | 'manual', version: number) =>
      db.policyVersion.create({ data: { municipalityId: municipality.id, version, policy: { ...(latest.policy as object), residentRegister } } });
    await withPolicy('required', latest.version + 1);
    try {
      const at = new Counter(await loggedIn(demo.stack, 'clerk', PASSWORD));
      const page = at.page;
      await page.goto(`${demo.stack.consoleUrl}/#/cases/create`);
      await at.click('#route-voluntary_agent');
      await at.type('#holder-birthDate', 'S32.5.5');
      await at.click('#pin-resident_registry');
      await at.click(page.getByTestId('checklist-agent_first_visit_id').getByRole('button', { name: '旅券（パスポート）' }));
      await at.typeHere('2099-01-01');
      expect(await page.getByTestId('missing-list').textContent()).toContain('本人を住民記録から選んでください');
      await at.type('#holder-familyNameKana', 'じゅうみん');
      await at.type('#holder-givenNameKana', 'キコ');
      await at.click('#resident-lookup');
      await at.click(page.getByTestId('resident-matches').getByRole('button', { name: /住民 記子/ }));
      await page.getByTestId('resident-picked').waitFor();
      expect(await page.inputValue('#holder-address')).toBe('見本県見本市記録町9-9-9 記録ハイツ909号室');
      await at.person('representative', { family: '住民', given: '太郎', familyKana: 'ジュウミン', givenKana: 'タロウ' });
      await at.type('#representative-birthDate', 'S55.1.1');
      const receipt = await at.register();
      const made = await db.pinResetCase.findFirstOrThrow({ where: { receiptNumber: receipt }, include: { parties: true, history: true } });
      expect(made.parties.find((p) => p.role === 'holder')).toMatchObject({
        familyName: '住民',
        address: '見本県見本市記録町9-9-9 記録ハイツ909号室',
        postalCode: '100-0099',
      });
      expect(made.history[0]!.details).toEqual({ residentRegister: { source: 'embedded', residentId: 'E2E-0001' } });

      // The agent's given name was misheard: the clerk corrects it on the case page, by keyboard.
      await page.goto(`${demo.stack.consoleUrl}/#/cases/${made.id}/show`);
      await at.click('#action-correct');
      const dialog = page.getByRole('dialog');
      // The holder is the register's: the dialog offers a new look-up, not typing.
      expect(await dialog.textContent()).toContain('住民記録でもう一度照会');
      expect(await dialog.locator('#confirm-correct').isDisabled()).toBe(true);
      for (const [field, value] of [
        ['#representative-givenName', '次郎'],
        ['#representative-givenNameKana', 'じろう'],
      ] as const) {
        await page.locator(field).focus();
        await page.keyboard.press('Control+A');
        await at.typeHere(value);
      }
      await page.keyboard.press('Tab');
      await screenshot(page, 'case-correct-dialog');
      await at.click('#confirm-correct');
      const history = page.getByTestId('case-history');
      await history.getByText('代理人の名：太郎 → 次郎').waitFor();
      expect(await history.textContent()).toContain('代理人の名（カナ）：タロウ → ジロウ');
      await screenshot(page, 'case-corrected');

      // Print staff print the letter made again with the corrected name; the first one is void.
      const printer = await loggedIn(demo.stack, 'print_staff', PASSWORD);
      await printer.goto(`${demo.stack.consoleUrl}/#/print-desk`);
      await printer.getByRole('link', { name: receipt }).waitFor({ timeout: 60000 });
      await printer.click('#create-print-run');
      await printer.getByTestId('print-run-ready').first().waitFor({ timeout: 60000 });
      const printed = await db.pinResetCase.findFirstOrThrow({
        where: { id: made.id },
        include: { parties: true, letters: { orderBy: { createdAt: 'asc' } } },
      });
      expect(printed.parties.find((p) => p.role === 'representative')).toMatchObject({ givenName: '次郎', givenNameKana: 'ジロウ' });
      expect(printed.letters.map((l) => [l.status, l.reissueReason])).toEqual([
        ['superseded', null],
        ['printed', 'corrected'],
      ]);
    } finally {
      await withPolicy('manual', latest.version + 2);
    }
  });

  it('a letter comes back: recorded at the print desk, not reissued to the same address, reissued once the address is corrected; completion sends the notice, on the ledger', async () => {
    const clerk = new Counter(await loggedIn(demo.stack, 'clerk', PASSWORD));
    const receipt = await registerAgentCase(clerk, { family: '返戻', given: '戻子', familyKana: 'ヘンレイ', givenKana: 'モドコ' }, '1952-02-02');
    const printer = await loggedIn(demo.stack, 'print_staff', PASSWORD);
    /** The newest run (the desk lists them newest first) reaching `status`. */
    const newestRun = (status: string) =>
      printer.waitForFunction((want) => document.querySelector('[data-testid^="print-run-"]')?.getAttribute('data-testid') === `print-run-${want}`, status, {
        timeout: 60000,
      });
    /**
     * Make a run and wait for the desk to list it (the list shows its runs newest first). The runs
     * there are are counted once the desk lists them all: counted before the list has loaded, an
     * earlier test's run still ready would pass for the new one.
     */
    const createRun = async () => {
      const before = Math.min(await db.printRun.count({ where: { office: { municipality: { code: '999999' } } } }), 20);
      await printer.waitForFunction((n) => document.querySelectorAll('[data-testid^="print-run-"]').length === n, before, { timeout: 60000 });
      await printer.click('#create-print-run');
      await printer.waitForFunction((n) => document.querySelectorAll('[data-testid^="print-run-"]').length > n, before, { timeout: 60000 });
      await newestRun('ready');
    };
    const mailNewestRun = async () => {
      await createRun();
      await printer.locator('.mail-run').first().click();
      // The run the dialog confirms is the one with this case's letter.
      await printer.getByRole('dialog').getByText(receipt).waitFor();
      await printer.click('#confirm-mailed');
      await newestRun('mailed');
    };
    const printAndMail = async () => {
      await printer.goto(`${demo.stack.consoleUrl}/#/print-desk`);
      await printer.getByRole('link', { name: receipt }).waitFor({ timeout: 60000 });
      await mailNewestRun();
    };
    await printAndMail();
    const first = (await caseByReceipt(receipt)).letters.at(-1)!;

    // The post office brings it back: print staff record it by the number on the envelope.
    const desk = new Counter(printer);
    await printer.goto(`${demo.stack.consoleUrl}/#/print-desk`);
    await desk.click('#open-record-return');
    await desk.type('#return-inquiry-number', first.inquiryNumber);
    await desk.choose(printer.locator('#return-reason'), '転居先不明');
    await desk.click('#confirm-return');
    await printer.getByText('返戻を記録しました').waitFor();

    // The supervisor finds it on the worklist, and cannot send it to the same address again.
    const supervisor = await loggedIn(demo.stack, 'supervisor', PASSWORD);
    const worklist = supervisor.getByTestId('overdue-cases');
    const held = worklist.getByTestId('worklist-returned').filter({ hasText: receipt });
    await held.waitFor();
    // What can be done next, each opening the case.
    expect(await held.getByRole('link').allTextContents()).toEqual([receipt, '住民記録で住所を確認して訂正', '中止']);
    await worklist.getByRole('link', { name: receipt }).click();
    await supervisor.getByTestId('letter-returned').waitFor();
    const boss = new Counter(supervisor);
    await boss.click('#action-reissue');
    await boss.choose(supervisor.locator('#reissue-reason'), '返送されてきた（宛先不明等）');
    await boss.click(supervisor.getByRole('dialog').getByRole('button', { name: '照会書を再発行する' }));
    await supervisor.getByText('今の住所から返戻されています', { exact: false }).waitFor();
    await supervisor.keyboard.press('Escape');

    // The register shows where the holder moved: the supervisor corrects the address, which reissues the letter there.
    await boss.click('#action-correct');
    for (const [field, value] of [
      ['#holder-postalCode', '1350016'],
      ['#holder-address', '東京都江東区東陽2-2-2'],
    ] as const) {
      await supervisor.locator(field).focus();
      await supervisor.keyboard.press('Control+A');
      await boss.typeHere(value);
    }
    await boss.click('#correct-address-checked');
    await boss.click('#confirm-correct');
    await supervisor.getByTestId('case-history').getByText('本人の住所：東京都江東区東陽4-11-28 → 東京都江東区東陽2-2-2').waitFor();
    const reissued = (await caseByReceipt(receipt)).letters.at(-1)!;
    expect(reissued.reissueReason).toBe('corrected');

    // The new letter goes out, the agent comes back with its reply, and the case completes.
    await printAndMail();
    const checkCode = new LetterCodes(demo.stack.letterSecret).checkCodeFor(reissued.inquiryNumber);
    await clerk.page.goto(`${demo.stack.consoleUrl}/#/reply-desk`);
    await clerk.type('#reply-inquiry-number', `${reissued.inquiryNumber} ${checkCode}`);
    await clerk.page.keyboard.press('Enter');
    await clerk.page.getByTestId('reply-match').getByText(receipt).waitFor();
    await secondVisitDocuments(clerk);
    await clerk.click('#reply-agent-confirmed');
    await clerk.click('#reply-record');
    await clerk.click('#reply-complete');
    await clerk.click('#confirm-complete');
    await clerk.page.getByText('この申請は完了しました。').waitFor();

    // The completion notice is made, goes into the next run by itself, is mailed, and is on the day's ledger.
    await printer.goto(`${demo.stack.consoleUrl}/#/print-desk`);
    await printer.getByTestId('notices-waiting').waitFor({ timeout: 60000 });
    await createRun();
    await printer.locator('.mail-run').first().click();
    await printer.getByTestId('run-notices').waitFor();
    await printer.click('#confirm-mailed');
    await newestRun('mailed');
    const done = await db.pinResetCase.findFirstOrThrow({ where: { receiptNumber: receipt }, include: { notice: true } });
    expect(done.state).toBe('completed');
    expect(done.notice).toMatchObject({ status: 'mailed' });
    const ledger = await db.mailLedgerLine.findFirstOrThrow({ where: { caseId: done.id, kind: 'completion_notice' } });
    expect(ledger).toMatchObject({ documentNumber: done.notice!.noticeNumber, mailClass: '普通・転送不要' });
    await printer.getByTestId('mail-ledger-day').first().waitFor();
    await screenshot(printer, 'print-desk-ledgers');
  });

  it('a supervisor finds an overdue case on the dashboard, and opens cases from every link of it', async () => {
    const clerk = new Counter(await loggedIn(demo.stack, 'clerk', PASSWORD));
    const receipt = await registerAgentCase(clerk, { family: '期限', given: '過子', familyKana: 'キゲン', givenKana: 'スギコ' }, '1955-07-07');
    // Another waits for its letter: the dashboard's "received" bar has a case to open.
    await registerAgentCase(clerk, { family: '待機', given: '花子', familyKana: 'タイキ', givenKana: 'ハナコ' }, '1960-01-01');
    // Mailed forty days ago, its reply never came back.
    const c = await caseByReceipt(receipt);
    const mailedOn = addDays(japanDate(new Date()), -40);
    await db.pinResetCase.update({ where: { id: c.id }, data: { state: 'inquiry_mailed', version: { increment: 1 } } });
    await db.inquiryLetter.update({
      where: { id: c.letters[0]!.id },
      data: { status: 'mailed', mailedOn: dateColumn(mailedOn), replyDeadline: dateColumn(addDays(mailedOn, 30)) },
    });

    const supervisor = await loggedIn(demo.stack, 'supervisor', PASSWORD);
    const overdue = supervisor.getByTestId('overdue-cases');
    await overdue.getByText(receipt).waitFor();
    await screenshot(supervisor, 'dashboard');

    // The overdue row opens its case.
    await overdue.getByRole('link', { name: receipt }).click();
    await supervisor.getByTestId('case-receipt-number').filter({ hasText: receipt }).waitFor();

    // Every list link of the dashboard lands on the list, and its first row opens a case.
    const links = [
      (p: typeof supervisor) => p.getByRole('region', { name: /対応が必要な案件/ }).getByRole('link', { name: '一覧で見る' }),
      (p: typeof supervisor) => p.getByRole('link', { name: '受付', exact: true }),
      (p: typeof supervisor) => p.getByRole('link', { name: '照会書発送済', exact: true }),
      (p: typeof supervisor) => p.getByRole('region', { name: '本日の受付（窓口別）' }).getByRole('link', { name: '一覧で見る' }),
      (p: typeof supervisor) => p.getByRole('link', { name: '見本市役所 市民課' }),
    ];
    for (const [i, link] of links.entries()) {
      await supervisor.goto(`${demo.stack.consoleUrl}/#/`);
      await link(supervisor).click();
      await supervisor.waitForURL(/#\/cases(\?|$)/);
      // A row of cases, not one of the grey rows react-admin draws while the page loads (those take no click).
      const row = supervisor.locator('tr.RaDatagrid-clickableRow').first();
      await row.waitFor();
      if (i === 0) await supervisor.getByRole('tab', { name: '期限超過', selected: true }).waitFor();
      await row.click();
      await supervisor.getByTestId('case-receipt-number').waitFor();
      expect(supervisor.url()).toMatch(/#\/cases\/[0-9a-f-]{36}\/show$/);
    }
    await supervisor.goto(`${demo.stack.consoleUrl}/#/cases?filter=${encodeURIComponent(JSON.stringify({ overdue: true }))}`);
    await supervisor.getByText(receipt).waitFor();
    await screenshot(supervisor, 'cases-overdue');

    // The list as filtered, taken out as CSV for the month-end report.
    const [download] = await Promise.all([supervisor.waitForEvent('download'), supervisor.click('#export-cases')]);
    expect(download.suggestedFilename()).toMatch(/^cases-\d{4}-\d{2}-\d{2}\.csv$/);
    const sheet = readFileSync((await download.path())!, 'utf8');
    expect(sheet.charCodeAt(0)).toBe(0xfeff);
    expect(sheet).toContain(`"${receipt}"`);
    expect(sheet).toContain('"期限超過"');

    // The month in numbers, from the menu: titled with the 和暦 month, the figures and the charts drawn.
    await supervisor.getByRole('menuitem', { name: '月報' }).click();
    const title = supervisor.getByTestId('report-title');
    await title.waitFor();
    expect(await title.textContent()).toMatch(/^月報（令和\d+年\d+月）$/);
    const received = supervisor.getByRole('region', { name: /^受付（\d+件）$/ });
    await received.waitFor();
    expect(Number((await received.getByRole('heading').textContent())!.match(/\d+/)![0])).toBeGreaterThanOrEqual(2);
    await supervisor.getByRole('region', { name: '日別の受付件数' }).locator('svg').first().waitFor();
    await screenshot(supervisor, 'monthly-report');
    // On paper: the report alone, on one A4 page (the browser's own print, as the supervisor prints it).
    await supervisor.emulateMedia({ media: 'print' });
    const paper = await supervisor.pdf({ format: 'A4', printBackground: true });
    expect(paper.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    await supervisor.emulateMedia({ media: 'screen' });
  });

  it('an administrator adds a member of staff (a taken username is marked at its field), who can then log in', async () => {
    const admin = await loggedIn(demo.stack, 'admin', PASSWORD);
    await admin.goto(`${demo.stack.consoleUrl}/#/users/create`);
    const fill = async (name: string, value: string) => {
      await admin.getByLabel(name).fill(value);
    };
    const at = new Counter(admin);
    await fill('ユーザー名', 'clerk');
    await fill('表示名', '試験 職員');
    await at.choose(admin.getByRole('combobox', { name: '役割' }), '窓口職員');
    await at.choose(admin.getByRole('combobox', { name: '所属窓口' }), '見本市 東支所');
    await fill('パスワード', 'a-long-e2e-password');
    await admin.getByRole('button', { name: '保存' }).click();
    await admin.getByText('このユーザー名は既に使われています。').waitFor();
    await fill('ユーザー名', 'e2e.clerk');
    await admin.getByRole('button', { name: '保存' }).click();
    await admin.getByRole('cell', { name: 'e2e.clerk' }).waitFor();
    await screenshot(admin, 'users');
    await admin.goto(`${demo.stack.consoleUrl}/#/offices`);
    await admin.getByRole('heading', { name: /運用方針（第\d+版）/ }).waitFor();
    await admin.getByRole('heading', { name: '見本市 東支所' }).waitFor();
    await screenshot(admin, 'offices-and-policy');
    // The four cities' presets: loading one fills the form (saving it is the admin's own act).
    await at.choose(admin.getByRole('combobox', { name: '見本から読み込む' }), '江東区');
    expect(await admin.getByTestId('policy-preset-loaded').textContent()).toContain('（資料 002）');
    expect(await admin.getByRole('combobox', { name: '任意代理人の申請時の本人確認書類' }).textContent()).toBe('本人確認書類 1点（種類を問わない）');
    expect(await admin.getByRole('button', { name: '新しい版として保存' }).isEnabled()).toBe(true);

    const newcomer = await loggedIn(demo.stack, 'e2e.clerk', 'a-long-e2e-password');
    await newcomer.goto(`${demo.stack.consoleUrl}/#/cases`);
    await newcomer.getByRole('tab', { name: '今日の受付' }).click();
    await newcomer.getByRole('tab', { name: '今日の受付', selected: true }).waitFor();
    await screenshot(newcomer, 'cases-today');
  });

  it('on a platform of many cities, a username two of them have asks for the 団体コード, and logs in to the city it names', async () => {
    for (const [code, name] of [
      ['991301', '共通市'],
      ['991302', '共通町'],
    ] as const) {
      await onboardMunicipality(
        db,
        {
          code,
          name,
          office: { code: 'HQ', name: `${name}役所`, postalCode: '100-0001', address: `${name}本町1`, phone: '03-0000-0000' },
          admin: { username: 'kyotsu', displayName: `${name} 管理`, password: `e2e-password-${code}` },
        },
        null,
      );
    }
    const page = await atLogin(demo.stack);
    await page.locator('input[name=username]').click();
    await page.keyboard.type('kyotsu');
    await page.locator('input[name=password]').click();
    await page.keyboard.type('e2e-password-991302');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'このユーザー名は複数の自治体にあります。団体コード（6桁）も入力してください。' }).waitFor();
    // The code field has the focus: the clerk types the code and presses Enter again.
    await page.getByLabel('団体コード（6桁）').waitFor();
    await page.keyboard.type('991302');
    await page.keyboard.press('Enter');
    await page.locator('#main-content').waitFor();
    const me = await page.evaluate(() => (JSON.parse(sessionStorage.getItem('madoguchi.session')!) as { user: { displayName: string } }).user.displayName);
    expect(me).toBe('共通町 管理');
  });

  it('is served with its CSP and headers, without source maps, and an inline script injected into it does not run', async () => {
    const res = await fetch(demo.stack.consoleUrl);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(readdirSync(path.join(__dirname, '../../dist/assets')).filter((f) => f.endsWith('.map'))).toEqual([]);
    const page = await atLogin(demo.stack);
    const ran = await page
      .addScriptTag({ content: 'window.__injected = true;' })
      .then(() => page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected === true))
      .catch(() => false);
    expect(ran).toBe(false);
  });

  it('the login form, drawn before the rest of the console loads, passes the WCAG 2.1 AA checks of axe-core', async () => {
    const page = await atLogin(demo.stack);
    await page.getByRole('heading', { name: '窓口 Madoguchi' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    // A wrong password is refused in words, at once.
    await page.locator('input[name=username]').fill('clerk');
    await page.locator('input[name=password]').fill('not-the-password');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'ユーザー名またはパスワードが正しくありません。' }).waitFor();
    await screenshot(page, 'login');
  });

  it.each([
    ['clerk', '/cases/create', '申請の内容'],
    ['clerk', '/cases', '今日の受付'],
    ['clerk', '/reply-desk', '照会番号と確認コード'],
    ['print_staff', '/print-desk', '印刷バッチ'],
    ['supervisor', '/', '本日の受付（窓口別）'],
    ['supervisor', '/reports', '日別の受付件数'],
    ['admin', '/users', 'ユーザー名'],
    ['admin', '/offices', '版の履歴'],
  ])('%s: %s passes the WCAG 2.1 AA checks of axe-core', async (user, path, landmark) => {
    const page = await loggedIn(demo.stack, user, PASSWORD);
    await page.goto(`${demo.stack.consoleUrl}/#${path}`);
    await page.getByText(landmark, { exact: true }).first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
