import { spawn } from 'node:child_process';
import path from 'node:path';
import { createDatabaseClient, seedDemoData } from '@madoguchi/db';
import { TEST_AUTH_SECRET, TEST_LETTER_SECRET } from '../testing/test-app';

const NUMBER = '123456789018'; // a valid individual number
const PIN = '7391';
const SIGNATURE_PIN = 'K7Q3MX9A';

/**
 * The real API process at its most talkative (debug logs), fed requests with planted PINs and
 * individual numbers in every place a client could put them; nothing planted may appear in
 * what it writes.
 */
describe('logs', () => {
  it('never carry a planted PIN or individual number, nor the names and addresses of a registration', async () => {
    const db = createDatabaseClient(process.env.DATABASE_URL!);
    await seedDemoData(db, 'log-test-password');
    await db.$disconnect();

    const port = 20000 + Math.floor(Math.random() * 20000);
    const child = spawn(process.execPath, [path.resolve(__dirname, '../../dist/main.js')], {
      env: { ...process.env, PORT: String(port), LOG_LEVEL: 'debug', AUTH_SECRET: TEST_AUTH_SECRET, LETTER_SECRET: TEST_LETTER_SECRET },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const base = `http://127.0.0.1:${port}`;
    try {
      for (let i = 0; i < 100 && !(await fetch(`${base}/health`).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 100));
      const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'clerk', password: 'log-test-password' }) });
      const { accessToken } = (await login.json()) as { accessToken: string };
      const send = (method: string, url: string, body?: unknown) =>
        fetch(`${base}${url}`, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` }, body: body === undefined ? undefined : JSON.stringify(body) });

      const holder = {
        familyName: '秘密', givenName: '花子', familyNameKana: 'ヒミツ', givenNameKana: 'ハナコ', birthDate: '1950-04-01',
        postalCode: '135-8383', address: '東京都秘密区東陽4-11-28', adultWard: false, hasSignatureCertificate: true,
      };
      const body = {
        route: 'self', reason: 'locked', pins: ['user_auth'], holder,
        documents: [{ presentedBy: 'holder', type: 'my_number_card' }, { presentedBy: 'holder', type: 'health_insurance_card' }],
      };
      const statuses = [
        (await send('POST', '/api/cases', body)).status,
        (await send('POST', '/api/cases', { ...body, note: `暗証番号 ${PIN} 個人番号 ${NUMBER}` })).status,
        (await send('POST', '/api/cases', { ...body, holder: { ...holder, address: `住所 ${NUMBER}` } })).status,
        (await send('POST', '/api/cases', { ...body, newPin: PIN, signaturePin: SIGNATURE_PIN })).status,
        (await send('POST', '/api/requirements', { ...body, note: `PIN ${SIGNATURE_PIN}` })).status,
        (await send('GET', `/api/cases?filter=${encodeURIComponent(JSON.stringify({ q: NUMBER }))}`)).status,
        (await send('GET', `/api/cases/${PIN}?pin=${PIN}`)).status,
        (await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: NUMBER, password: PIN }) })).status,
      ];
      expect(statuses).toEqual([201, 422, 422, 400, 200, 200, 404, 401]);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    expect(output).toContain('"msg"'); // it did log, as JSON lines
    for (const planted of [NUMBER, PIN, SIGNATURE_PIN, '秘密', 'ヒミツ', '東京都秘密区', 'log-test-password']) expect(output).not.toContain(planted);
  });
});
