import { addDays, ageOn, formatJapaneseDate, japanDate } from '@madoguchi/domain';
import { Counter } from './counter';
import { accessibilityViolations, atLogin, loggedIn, logIn, screenshot, PASSWORD, useDemoStack } from './stack';

/**
 * The counter's first hour, in headless Chromium with a Japanese locale, against the real API,
 * database, worker and console: dates typed digit by digit, documents from the checklist in one
 * click, a draft that survives a reload and goes with the logout, a failing panel that takes
 * nothing typed with it, and the search box reading names as written.
 */
const demo = useDemoStack();
const { db } = demo;

jest.setTimeout(120000);

const HOLDER = { family: '江東', given: '花子', familyKana: 'こうとう', givenKana: 'ﾊﾅｺ', postal: '1358383', address: '東京都江東区東陽4-11-28' };

describe('registering a walk-in, as a clerk types it', () => {
  it('takes dates as Japan writes them, digit by digit, a year retyped included, and never loses the form', async () => {
    const page = await loggedIn(demo.stack, 'clerk', PASSWORD);
    const at = new Counter(page);
    await page.goto(`${demo.stack.consoleUrl}/#/cases/create`);
    await page.getByRole('heading', { name: '申請の内容' }).waitFor();

    // Every prefix of S23.2.29 is typed; each is "not a date yet" or a reading, never a crash.
    await at.type('#holder-birthDate', 'S23.2.29');
    const age = ageOn('1948-02-29', japanDate(new Date()));
    expect(await at.reading('#holder-birthDate')).toBe(`昭和23年2月29日（${age}歳）`);
    // The same date in the Western form, then its year retyped in place: 1950 has no 29 February.
    await page.locator('#holder-birthDate').fill('');
    await at.typeHere('1948-02-29');
    await page.keyboard.press('Home');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowRight');
    await at.typeHere('1950');
    expect(await at.reading('#holder-birthDate')).toBe('1950-02-29 という日はありません。');
    await page.keyboard.press('Home');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowRight');
    await at.typeHere('1948');
    expect(await at.reading('#holder-birthDate')).toBe(`昭和23年2月29日（${age}歳）`);
    // Impossible dates say why; a date in the future is refused at the field.
    await page.locator('#holder-birthDate').fill('');
    await at.typeHere('H31.5.1');
    expect(await at.reading('#holder-birthDate')).toBe('平成は平成31年4月30日までです（令和元年5月1日）。');
    await page.locator('#holder-birthDate').fill('');
    await at.typeHere('20991231');
    expect(await at.reading('#holder-birthDate')).toBe('生年月日が未来の日付になっています。');
    await page.locator('#holder-birthDate').fill('');
    await at.typeHere('１９４８０２２９');
    expect(await at.reading('#holder-birthDate')).toBe(`昭和23年2月29日（${age}歳）`);

    // A licence issued before May 2019 prints 平成33年: on a document that is 2021.
    await at.click('#pin-user_auth');
    await at.click('#add-holder_card');
    await at.typeHere('平成33年6月1日');
    expect(await at.reading('#visit1-expires-0')).toBe('令和3年6月1日');
    expect(await page.getByTestId('checklist-holder_card').getAttribute('data-satisfied')).toBe('false');
    expect(await page.locator('#visit1-expires-0').inputValue()).toBe('平成33年6月1日');
    await screenshot(page, 'register-dates');
  });

  it('registers a self walk-in with the keyboard and the checklist’s buttons, in at most 10 clicks, then completes it', async () => {
    const page = await loggedIn(demo.stack, 'clerk', PASSWORD);
    const at = new Counter(page);
    await page.goto(`${demo.stack.consoleUrl}/#/cases/create`);
    await page.getByRole('heading', { name: '申請の内容' }).waitFor();

    await at.type('#holder-birthDate', '19600510');
    await at.click('#pin-user_auth');
    // The convenience-store alternative is pointed out for a lone user-auth PIN.
    await page.getByTestId('store-alternative').waitFor();
    // Its certificate expires within three months: the guidance lists the reset, then the renewal (004).
    await at.type('#holder-userAuthExpiresOn', addDays(japanDate(new Date()), 30));
    await page.getByTestId('steps-user_auth').waitFor();
    expect(await page.getByTestId('steps-user_auth').textContent()).toContain('暗証番号の再設定');
    expect(await page.getByTestId('steps-user_auth').textContent()).toContain('電子証明書の更新');
    // Each unmet line offers its documents: one click adds the row, the clerk types the expiry.
    await at.click('#add-holder_card');
    await at.typeHere('R12.4.1');
    await at.click(page.getByTestId('checklist-holder_second_id').getByRole('button', { name: '資格確認書' }));
    await at.typeHere('2027-12-31');
    expect(await page.getByTestId('checklist-holder_card').getAttribute('data-satisfied')).toBe('true');
    expect(await page.getByTestId('checklist-holder_second_id').getAttribute('data-satisfied')).toBe('true');

    // What is still missing is listed under the disabled button; the list takes the clerk to the first field.
    expect(await page.locator('#register-submit').isDisabled()).toBe(true);
    expect(await page.getByTestId('missing-list').textContent()).toContain('本人：氏');
    await page.locator('#missing-first').focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('holder-familyName');

    await at.person('holder', HOLDER);
    expect(await page.inputValue('#holder-familyNameKana')).toBe('コウトウ');
    expect(await page.inputValue('#holder-givenNameKana')).toBe('ハナコ');
    // Enter moves to the next field, as on a paper form.
    await page.focus('#holder-familyName');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('holder-givenName');
    await screenshot(page, 'register-self');

    const receipt = await at.register();
    expect(receipt).toMatch(/^999999-HQ-\d{4}-\d{5}$/);
    expect(at.clicks).toBeLessThanOrEqual(10);
    await screenshot(page, 'receipt-number');

    await page.getByRole('button', { name: '申請を開く' }).click();
    await page.getByTestId('case-receipt-number').filter({ hasText: receipt }).waitFor();
    expect(await page.getByTestId('case-state').textContent()).toBe('受付');
    await page.click('#action-complete');
    await page.click('#confirm-complete');
    await page.getByTestId('case-state').filter({ hasText: '完了' }).waitFor();
    expect(await page.getByTestId('case-history').textContent()).toContain('受付 → 完了');
    // People, not usernames: the history names the clerk.
    expect(await page.getByTestId('case-history').textContent()).toContain('窓口 一郎');
    await screenshot(page, 'case-completed');
    expect(await accessibilityViolations(page)).toEqual([]);
    expect((await db.pinResetCase.findFirstOrThrow({ where: { receiptNumber: receipt } })).state).toBe('completed');
  });

  it('keeps a draft through a reload, and forgets it at logout', async () => {
    const page = await loggedIn(demo.stack, 'clerk', PASSWORD);
    const at = new Counter(page);
    await page.goto(`${demo.stack.consoleUrl}/#/cases/create`);
    await at.type('#holder-birthDate', 'S30.7.7');
    await at.click('#pin-card_info');
    await at.person('holder', { ...HOLDER, family: '下書', given: '残子' });

    await page.reload();
    await page.getByTestId('draft-restored').waitFor();
    expect(await page.inputValue('#holder-familyName')).toBe('下書');
    expect(await page.inputValue('#holder-birthDate')).toBe('S30.7.7');
    expect(await page.locator('#pin-card_info').isChecked()).toBe(true);
    await screenshot(page, 'register-draft-restored');

    // The next person at this PC finds nothing of it.
    await page.getByRole('button', { name: '窓口 一郎' }).click();
    await page.getByRole('menuitem', { name: 'ログアウト' }).click();
    await page.locator('input[name=username]').waitFor();
    await logIn(page, 'clerk', PASSWORD);
    await page.goto(`${demo.stack.consoleUrl}/#/cases/create`);
    await page.getByRole('heading', { name: '申請の内容' }).waitFor();
    expect(await page.getByTestId('draft-restored').count()).toBe(0);
    expect(await page.inputValue('#holder-familyName')).toBe('');
    expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('madoguchi.draft.')))).toEqual([]);
  });

  it('keeps everything typed when the rules cannot be worked out: the checklist says what failed', async () => {
    const page = await atLogin(demo.stack);
    // The server hands the console a policy it cannot use (a proof's age that is not a number).
    await page.route('**/api/policy', async (route) => {
      const res = await route.fetch();
      const versions = (await res.json()) as { policy: Record<string, unknown> }[];
      await route.fulfill({ response: res, json: versions.map((v) => ({ ...v, policy: { ...v.policy, representationProofMaxAgeMonths: 'x' } })) });
    });
    await logIn(page, 'clerk', PASSWORD);
    const at = new Counter(page);
    await page.goto(`${demo.stack.consoleUrl}/#/cases/create`);
    await at.click('#route-legal_representative');
    await at.type('#holder-birthDate', 'H28.5.5');
    await at.click('#pin-user_auth');
    await at.person('holder', { ...HOLDER, family: '見本', given: '陽太' });
    await at.click(page.getByRole('button', { name: '書類を追加' }));
    await at.choose(page.getByTestId('visit1-document-0').getByRole('combobox').nth(0), '代理人');
    await at.choose(page.getByTestId('visit1-document-0').getByRole('combobox').nth(1), '戸籍謄本');
    await at.type('#visit1-issued-0', 'R8.11.1');

    await page.getByTestId('rules-failed').waitFor();
    expect(await page.inputValue('#holder-familyName')).toBe('見本');
    expect(await page.inputValue('#visit1-issued-0')).toBe('R8.11.1');
    expect(await page.locator('#register-submit').isDisabled()).toBe(true);
    expect(await page.getByTestId('missing-list').textContent()).toContain('必要書類を判定できませんでした');
    await screenshot(page, 'register-rules-failed');
  });
});

describe('finding a case', () => {
  it('finds a name as written, a common form finding its variant, says what it reads, and opens the case from its row', async () => {
    const page = await loggedIn(demo.stack, 'clerk', PASSWORD);
    const at = new Counter(page);
    await page.goto(`${demo.stack.consoleUrl}/#/cases/create`);
    await at.type('#holder-birthDate', '19551010');
    await at.click('#pin-card_info');
    await at.click('#add-holder_card');
    await at.typeHere('20300101');
    await at.click(page.getByTestId('checklist-holder_second_id').getByRole('button', { name: '運転免許証' }));
    await at.typeHere('20300101');
    await at.person('holder', { ...HOLDER, family: '髙橋', given: '一郎', familyKana: 'タカハシ', givenKana: 'イチロウ' });
    const receipt = await at.register();

    await page.goto(`${demo.stack.consoleUrl}/#/cases`);
    await page.getByPlaceholder('受付番号・照会番号・カナ・氏名').click();
    await page.keyboard.type('高橋');
    await page.getByTestId('search-reading').filter({ hasText: '氏名（漢字）の先頭として検索しています。' }).waitFor();
    await page.getByRole('cell', { name: receipt }).waitFor();
    await screenshot(page, 'cases-search-kanji');
    await page.getByRole('cell', { name: receipt }).click();
    await page.getByTestId('case-receipt-number').filter({ hasText: receipt }).waitFor();
    expect(await page.getByText('髙橋 一郎').count()).toBeGreaterThan(0);

    // The list's date filters take 和暦 too, typed digit by digit.
    await page.goto(`${demo.stack.consoleUrl}/#/cases`);
    await page.getByRole('button', { name: '検索条件' }).click();
    await page.getByRole('menuitemcheckbox', { name: '受付日（から）' }).click();
    const today = japanDate(new Date());
    const [y, m, d] = today.split('-').map(Number) as [number, number, number];
    await at.type('#filter-createdFrom', `R${y - 2018}.${m}.${d}`);
    expect(await at.reading('#filter-createdFrom')).toBe(formatJapaneseDate(today));
    await page.waitForFunction(() => decodeURIComponent(location.hash).includes('"createdFrom"'));
    await page.getByRole('cell', { name: receipt }).waitFor();
  });
});
