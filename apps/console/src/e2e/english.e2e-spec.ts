import { ageOn, japanDate } from '@madoguchi/domain';
import type { Page } from 'playwright-core';
import { Counter } from './counter';
import { atLogin, logIn, screenshot, PASSWORD, useDemoStack } from './stack';

/**
 * The console in English, in an en-US browser: a clerk switches the language, registers a walk-in
 * and opens it; a supervisor reads the dashboard. No Japanese on any screen but the data itself
 * (names, addresses, office names and the staff's own names).
 */
const demo = useDemoStack();
const { db } = demo;

jest.setTimeout(120000);

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uff01-\uff5e\u3000-\u303f]/u;

/** The screen's text with the data taken out: what is left must hold no Japanese. */
async function japaneseOnScreen(page: Page, data: string[]): Promise<string[]> {
  const text = await page.evaluate(() => document.body.innerText);
  const lines = text.split('\n').map((line) => data.reduce((l, d) => l.split(d).join(''), line));
  return lines.filter((line) => JAPANESE.test(line));
}

/** The console's language menu, as a person uses it. */
async function chooseEnglish(page: Page): Promise<void> {
  await page.getByRole('button', { name: '日本語' }).click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await page.getByText('Dashboard').first().waitFor();
}

const STAFF_NAMES = ['窓口 一郎', '監督 花子', '印刷 次郎', '管理 三郎'];
const OFFICES = ['見本市役所 市民課', '見本市 東支所'];

describe('the console in English', () => {
  it('registers a walk-in and shows the case, every label in English', async () => {
    const page = await atLogin(demo.stack, 'en-US');
    await logIn(page, 'clerk', PASSWORD);
    await chooseEnglish(page);
    const at = new Counter(page);
    await page.goto(`${demo.stack.consoleUrl}/#/cases/create`);
    await page.getByRole('heading', { name: 'Application' }).waitFor();
    await at.type('#holder-birthDate', 'S23.2.29');
    expect(await at.reading('#holder-birthDate')).toBe(`29 Feb 1948 (Showa 23), age ${ageOn('1948-02-29', japanDate(new Date()))}`);
    await at.click('#pin-user_auth');
    await at.click('#add-holder_card');
    await at.typeHere('2030-04-01');
    await at.click(page.getByTestId('checklist-holder_second_id').getByRole('button', { name: "Driver's licence" }));
    await at.typeHere('2030-04-01');
    const holder = { family: '英語', given: '花子', familyKana: 'エイゴ', givenKana: 'ハナコ', postal: '1000001', address: '見本県見本市中央1-1-1' };
    await at.person('holder', holder);
    const data = [holder.family, holder.given, holder.familyKana, holder.givenKana, holder.address, ...STAFF_NAMES, ...OFFICES];
    expect(await japaneseOnScreen(page, data)).toEqual([]);
    await screenshot(page, 'en-register');

    const receipt = await at.register();
    await page.getByRole('button', { name: 'Open the application' }).click();
    await page.getByTestId('case-receipt-number').filter({ hasText: receipt }).waitFor();
    expect(await page.getByTestId('case-state').textContent()).toBe('Received');
    expect(await japaneseOnScreen(page, [...data, '〒100-0001'])).toEqual([]);
    await screenshot(page, 'en-case');

    // A refusal from the API comes back in English too.
    const res = await page.evaluate(async () => {
      const session = JSON.parse(sessionStorage.getItem('madoguchi.session')!) as { accessToken: string };
      const answer = await fetch('/api/cases/00000000-0000-4000-8000-000000000000', {
        headers: { authorization: `Bearer ${session.accessToken}`, 'accept-language': 'en' },
      });
      return answer.json() as Promise<{ message: string }>;
    });
    expect(res.message).toBe('No such case.');
  });

  it('shows the supervisor’s dashboard and the list in English', async () => {
    const page = await atLogin(demo.stack, 'en-US');
    await logIn(page, 'supervisor', PASSWORD);
    await chooseEnglish(page);
    await page.getByText("Today's walk-ins by office").waitFor();
    // The data: every name of every case (the dashboard lists the overdue ones).
    const rows = await db.party.findMany({ select: { familyName: true, givenName: true, familyNameKana: true, givenNameKana: true } });
    const names = rows.flatMap((r) => [`${r.familyName} ${r.givenName}`, `${r.familyNameKana} ${r.givenNameKana}`]);
    expect(await japaneseOnScreen(page, [...names, ...STAFF_NAMES, ...OFFICES])).toEqual([]);
    await screenshot(page, 'en-dashboard');
    await page.goto(`${demo.stack.consoleUrl}/#/cases`);
    await page.getByRole('tab', { name: 'Overdue' }).waitFor();
    expect(await japaneseOnScreen(page, [...names, ...STAFF_NAMES, ...OFFICES])).toEqual([]);
  });
});
