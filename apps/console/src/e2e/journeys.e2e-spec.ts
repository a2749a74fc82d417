import { createDatabaseClient, dateColumn, seedDemoData } from '@madoguchi/db';
import { addDays, japanDate } from '@madoguchi/domain';
import { LetterCodes } from '@madoguchi/platform';
import type { Page } from 'playwright-core';
import { accessibilityViolations, loggedIn, screenshot, startStack, type Stack } from './stack';

/**
 * The three journeys of the counter, in headless Chromium against the real API, database, worker
 * and console: a self walk-in registered and completed; an agent case from registration through
 * the print run, mailing and the returned reply to completion; an overdue case on the
 * supervisor's dashboard.
 */
const PASSWORD = 'e2e-demo-password';
const db = createDatabaseClient(process.env.DATABASE_URL!, { poolSize: 2 });
let stack: Stack;

beforeAll(async () => {
  await seedDemoData(db, PASSWORD);
  stack = await startStack();
}, 120000);
afterAll(async () => {
  await stack?.stop();
  await db.$disconnect();
});

/** Pick an option of a MUI select: open it, choose by its visible label. */
async function choose(page: Page, select: ReturnType<Page['locator']>, option: string) {
  await select.click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await page.waitForFunction(() => !document.querySelector('[role=listbox]'));
}

/** Add a document row on the form and set whose it is, what it is and its expiry. */
async function addDocument(page: Page, prefix: string, index: number, doc: { whose?: '本人' | '代理人'; type: string; expires?: string }) {
  await page.getByRole('button', { name: '書類を追加' }).click();
  const row = page.getByTestId(`${prefix}-document-${index}`);
  if (doc.whose) await choose(page, row.getByRole('combobox').nth(0), doc.whose);
  await choose(page, row.getByRole('combobox').nth(1), doc.type);
  if (doc.expires) await row.locator(`#${prefix}-expires-${index}`).fill(doc.expires);
}

async function fillPerson(page: Page, who: 'holder' | 'representative', p: { family: string; given: string; familyKana: string; givenKana: string; postal?: string; address?: string }) {
  await page.fill(`#${who}-familyName`, p.family);
  await page.fill(`#${who}-givenName`, p.given);
  await page.fill(`#${who}-familyNameKana`, p.familyKana);
  await page.fill(`#${who}-givenNameKana`, p.givenKana);
  if (p.postal) await page.fill(`#${who}-postalCode`, p.postal);
  if (p.address) await page.fill(`#${who}-address`, p.address);
  await page.locator(`#${who}-address`).focus(); // leave the kana fields: they become katakana on blur
}

async function submitRegistration(page: Page): Promise<string> {
  await page.click('#register-submit');
  const receipt = page.getByTestId('receipt-number');
  await receipt.waitFor();
  return (await receipt.textContent())!.trim();
}

async function caseByReceipt(receiptNumber: string) {
  return db.pinResetCase.findFirstOrThrow({ where: { receiptNumber }, include: { letters: { orderBy: { createdAt: 'asc' } } } });
}

jest.setTimeout(120000);

describe('the counter, in a browser', () => {
  it('a clerk registers a self walk-in and completes it', async () => {
    const page = await loggedIn(stack, 'clerk', PASSWORD);
    await page.goto(`${stack.consoleUrl}/#/cases/create`);
    await page.getByRole('heading', { name: '申請の内容' }).waitFor();
    await page.fill('#holder-birthDate', '1960-05-10');
    await page.check('#pin-user_auth');
    // The convenience-store alternative is pointed out for a lone user-auth PIN.
    await page.getByTestId('store-alternative').waitFor();
    await addDocument(page, 'visit1', 0, { type: 'マイナンバーカード' });
    await addDocument(page, 'visit1', 1, { type: '健康保険証' });
    await fillPerson(page, 'holder', { family: '江東', given: '花子', familyKana: 'こうとう', givenKana: 'ﾊﾅｺ', postal: '1358383', address: '東京都江東区東陽4-11-28' });
    expect(await page.inputValue('#holder-familyNameKana')).toBe('コウトウ');
    expect(await page.inputValue('#holder-givenNameKana')).toBe('ハナコ');
    expect(await page.getByTestId('checklist-holder_card').getAttribute('data-satisfied')).toBe('true');
    expect(await page.getByTestId('checklist-holder_second_id').getAttribute('data-satisfied')).toBe('true');

    // Enter moves to the next field, as on a paper form.
    await page.focus('#holder-familyName');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('holder-givenName');
    await screenshot(page, 'register-self');

    const receipt = await submitRegistration(page);
    expect(receipt).toMatch(/^HQ-\d{4}-\d{5}$/);
    await screenshot(page, 'receipt-number');
    await page.getByRole('button', { name: '申請を開く' }).click();
    await page.getByTestId('case-receipt-number').filter({ hasText: receipt }).waitFor();
    expect(await page.getByTestId('case-state').textContent()).toBe('受付');

    await page.click('#action-complete');
    await page.click('#confirm-complete');
    await page.getByTestId('case-state').filter({ hasText: '完了' }).waitFor();
    expect(await page.getByTestId('case-history').textContent()).toContain('受付 → 完了');
    await screenshot(page, 'case-completed');
    expect(await accessibilityViolations(page)).toEqual([]);
    expect((await caseByReceipt(receipt)).state).toBe('completed');
  });

  it('an agent case goes from registration through the print run, mailing and the reply to completion', async () => {
    const clerk = await loggedIn(stack, 'clerk', PASSWORD);
    await clerk.goto(`${stack.consoleUrl}/#/cases/create`);
    await clerk.check('#route-voluntary_agent');
    await clerk.fill('#holder-birthDate', '1948-02-29');
    await clerk.check('#pin-resident_registry');
    await addDocument(clerk, 'visit1', 0, { whose: '代理人', type: '旅券（パスポート）', expires: '2099-01-01' });
    await fillPerson(clerk, 'holder', { family: '𠮷田', given: '花子', familyKana: 'ヨシダ', givenKana: 'ハナコ', postal: '135-8383', address: '東京都江東区東陽4-11-28' });
    await fillPerson(clerk, 'representative', { family: '𠮷田', given: '太郎', familyKana: 'ヨシダ', givenKana: 'タロウ' });
    const receipt = await submitRegistration(clerk);

    // The worker renders the letter; print staff find it waiting, make a run, and mail it.
    const printer = await loggedIn(stack, 'print_staff', PASSWORD);
    await printer.goto(`${stack.consoleUrl}/#/print-desk`);
    const waitingList = printer.getByRole('heading', { name: /印刷待ちの照会書/ });
    for (let tries = 0; !(await waitingList.waitFor().then(() => printer.getByRole('link', { name: receipt }).isVisible())); tries++) {
      if (tries > 60) {
        await screenshot(printer, 'failed-print-desk');
        const letters = (await caseByReceipt(receipt)).letters.map((l) => `${l.status} ${l.lastError ?? ''}`);
        throw new Error(`the letter of ${receipt} never became ready to print (${letters.join(', ')}):\n${stack.output()}`);
      }
      await printer.waitForTimeout(500);
      await printer.reload();
    }
    await screenshot(printer, 'print-desk');
    await printer.click('#create-print-run');
    await printer.getByTestId('print-run-ready').first().waitFor({ timeout: 60000 });
    await printer.locator('.mail-run').first().click();
    await printer.getByRole('dialog').getByText(receipt).waitFor();
    await printer.click('#confirm-mailed');
    await printer.getByTestId('print-run-mailed').first().waitFor();
    const mailed = await caseByReceipt(receipt);
    expect(mailed.state).toBe('inquiry_mailed');

    // The agent comes back with the sealed reply: the clerk scans its QR code (number and code in one).
    const letter = mailed.letters.at(-1)!;
    const checkCode = new LetterCodes(stack.letterSecret).checkCodeFor(letter.inquiryNumber);
    await clerk.goto(`${stack.consoleUrl}/#/reply-desk`);
    await clerk.fill('#reply-inquiry-number', `${letter.inquiryNumber} ${checkCode}`);
    expect(await clerk.inputValue('#reply-check-code')).toBe(checkCode);
    await clerk.click('#reply-lookup');
    await clerk.getByTestId('reply-match').getByText(receipt).waitFor();
    await addDocument(clerk, 'visit2', 0, { whose: '本人', type: '封入・封緘された照会書兼回答書' });
    await addDocument(clerk, 'visit2', 1, { whose: '本人', type: 'マイナンバーカード' });
    await addDocument(clerk, 'visit2', 2, { whose: '本人', type: '年金手帳' });
    await addDocument(clerk, 'visit2', 3, { whose: '代理人', type: '旅券（パスポート）', expires: '2099-01-01' });
    await addDocument(clerk, 'visit2', 4, { whose: '代理人', type: '健康保険証' });
    await screenshot(clerk, 'reply-desk');
    expect(await accessibilityViolations(clerk)).toEqual([]);
    await clerk.click('#reply-record');
    await clerk.click('#reply-complete');
    await clerk.getByText('この申請は完了しました。').waitFor();
    expect((await caseByReceipt(receipt)).state).toBe('completed');

    await clerk.goto(`${stack.consoleUrl}/#/cases/${mailed.id}/show`);
    await clerk.getByTestId('case-state').filter({ hasText: '完了' }).waitFor();
    expect(await clerk.getByTestId('case-history').textContent()).toMatch(/受付 → 照会書発送済.*照会書発送済 → 回答書受領.*回答書受領 → 完了/);
    await screenshot(clerk, 'case-agent-completed');
  });

  it('a supervisor sees an overdue case on the dashboard', async () => {
    const clerk = await loggedIn(stack, 'clerk', PASSWORD);
    await clerk.goto(`${stack.consoleUrl}/#/cases/create`);
    await clerk.check('#route-voluntary_agent');
    await clerk.fill('#holder-birthDate', '1955-07-07');
    await clerk.check('#pin-card_info');
    await addDocument(clerk, 'visit1', 0, { whose: '代理人', type: '運転免許証', expires: '2099-01-01' });
    await fillPerson(clerk, 'holder', { family: '期限', given: '過子', familyKana: 'キゲン', givenKana: 'スギコ', postal: '100-0001', address: '見本県見本市中央2-2-2' });
    await fillPerson(clerk, 'representative', { family: '期限', given: '一郎', familyKana: 'キゲン', givenKana: 'イチロウ' });
    const receipt = await submitRegistration(clerk);
    // Mailed forty days ago, its reply never came back.
    const c = await caseByReceipt(receipt);
    const mailedOn = addDays(japanDate(new Date()), -40);
    await db.pinResetCase.update({ where: { id: c.id }, data: { state: 'inquiry_mailed', version: { increment: 1 } } });
    await db.inquiryLetter.update({ where: { id: c.letters[0]!.id }, data: { status: 'mailed', mailedOn: dateColumn(mailedOn), replyDeadline: dateColumn(addDays(mailedOn, 30)) } });

    const supervisor = await loggedIn(stack, 'supervisor', PASSWORD);
    const overdue = supervisor.getByTestId('overdue-cases');
    await overdue.getByText(receipt).waitFor();
    await screenshot(supervisor, 'dashboard');

    await supervisor.getByRole('link', { name: '一覧で見る' }).first().click();
    await supervisor.getByRole('tab', { name: '期限超過', selected: true }).waitFor();
    await supervisor.getByText(receipt).waitFor();
    await screenshot(supervisor, 'cases-overdue');
  });

  it('an administrator adds a member of staff, who can then log in', async () => {
    const admin = await loggedIn(stack, 'admin', PASSWORD);
    await admin.goto(`${stack.consoleUrl}/#/users/create`);
    await admin.getByLabel('ユーザー名').fill('e2e.clerk');
    await admin.getByLabel('表示名').fill('試験 職員');
    await choose(admin, admin.getByRole('combobox', { name: '役割' }), '窓口職員');
    await choose(admin, admin.getByRole('combobox', { name: '所属窓口' }), '見本市 東支所');
    await admin.getByLabel('パスワード').fill('a-long-e2e-password');
    await admin.getByRole('button', { name: '保存' }).click();
    await admin.getByRole('cell', { name: 'e2e.clerk' }).waitFor();
    await screenshot(admin, 'users');
    await admin.goto(`${stack.consoleUrl}/#/offices`);
    await admin.getByRole('heading', { name: /運用方針（第\d+版）/ }).waitFor();
    await admin.getByRole('heading', { name: '見本市 東支所' }).waitFor();
    await screenshot(admin, 'offices-and-policy');

    const newcomer = await loggedIn(stack, 'e2e.clerk', 'a-long-e2e-password');
    await newcomer.goto(`${stack.consoleUrl}/#/cases`);
    await newcomer.getByRole('tab', { name: '今日の受付' }).click();
    await newcomer.getByRole('tab', { name: '今日の受付', selected: true }).waitFor();
    await screenshot(newcomer, 'cases-today');
  });

  it.each([
    ['clerk', '/cases/create', '申請の内容'],
    ['clerk', '/cases', '今日の受付'],
    ['clerk', '/reply-desk', '照会番号と確認コード'],
    ['print_staff', '/print-desk', '印刷バッチ'],
    ['supervisor', '/', '本日の受付（窓口別）'],
    ['admin', '/users', 'ユーザー名'],
    ['admin', '/offices', '版の履歴'],
  ])('%s: %s passes the WCAG 2.1 AA checks of axe-core', async (user, path, landmark) => {
    const page = await loggedIn(stack, user, PASSWORD);
    await page.goto(`${stack.consoleUrl}/#${path}`);
    await page.getByText(landmark, { exact: true }).first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
