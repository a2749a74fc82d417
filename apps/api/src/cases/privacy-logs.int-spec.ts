import { createDatabaseClient } from '@madoguchi/db';
import { seedDemoData } from '@madoguchi/db/tools';
import { serviceEnv, startApi, stop } from '@madoguchi/devstack/testing';
import { DEMO_PASSWORD } from '../testing/test-app';

const NUMBER = '123456789018'; // a valid individual number
const PIN = '7391';
const SIGNATURE_PIN = 'K7Q3MX9A';
/**
 * A planted number as a leak would show it: on its own, not inside a longer number — a log line's
 * millisecond timestamp, pid or response time may hold any four digits (a run failed on a "time"
 * of 1796274173918).
 */
const standingAlone = (digits: string) => new RegExp(`(?<![\\d.])${digits}(?!\\d)`);

/**
 * The real API process at its most talkative (debug logs), fed requests with planted PINs and
 * individual numbers in every place a client could put them; nothing planted may appear in
 * what it writes.
 */
describe('logs', () => {
  it('never carry a planted PIN or individual number, nor the names and addresses of a registration', async () => {
    const db = createDatabaseClient(process.env.DATABASE_URL!);
    await seedDemoData(db, DEMO_PASSWORD);
    await db.$disconnect();

    // The API process as `npm start` runs it, at its most talkative.
    const api = await startApi(serviceEnv({ LOG_LEVEL: 'debug' }));
    const base = api.url;
    try {
      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'clerk', password: DEMO_PASSWORD }),
      });
      const { accessToken } = (await login.json()) as { accessToken: string };
      const send = (method: string, url: string, body?: unknown) =>
        fetch(`${base}${url}`, {
          method,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
          body: body === undefined ? undefined : JSON.stringify(body),
        });

      const holder = {
        familyName: '秘密',
        givenName: '花子',
        familyNameKana: 'ヒミツ',
        givenNameKana: 'ハナコ',
        birthDate: '1950-04-01',
        postalCode: '135-8383',
        address: '東京都秘密区東陽4-11-28',
        adultWard: false,
        hasSignatureCertificate: true,
      };
      const body = {
        route: 'self',
        reason: 'locked',
        pins: ['user_auth'],
        holder,
        documents: [
          { presentedBy: 'holder', type: 'my_number_card', expiresOn: '2030-04-01' },
          { presentedBy: 'holder', type: 'qualification_certificate' },
        ],
      };
      const statuses = [
        (await send('POST', '/api/cases', body)).status,
        (await send('POST', '/api/cases', { ...body, note: `暗証番号 ${PIN} 個人番号 ${NUMBER}` })).status,
        (await send('POST', '/api/cases', { ...body, holder: { ...holder, address: `住所 ${NUMBER}` } })).status,
        (await send('POST', '/api/cases', { ...body, newPin: PIN, signaturePin: SIGNATURE_PIN })).status,
        (await send('POST', '/api/requirements', { ...body, note: `PIN ${SIGNATURE_PIN}` })).status,
        (await send('GET', `/api/cases?filter=${encodeURIComponent(JSON.stringify({ q: NUMBER }))}`)).status,
        (await send('GET', `/api/cases/${PIN}?pin=${PIN}`)).status,
        (
          await fetch(`${base}/api/auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ username: NUMBER, password: PIN }),
          })
        ).status,
      ];
      expect(statuses).toEqual([201, 422, 422, 400, 200, 200, 404, 401]);
    } finally {
      await stop(api);
    }
    const output = api.output();
    expect(output).toContain('"msg"'); // it did log, as JSON lines
    for (const planted of [NUMBER, PIN]) expect(output).not.toMatch(standingAlone(planted));
    for (const planted of [SIGNATURE_PIN, '秘密', 'ヒミツ', '東京都秘密区', DEMO_PASSWORD]) expect(output).not.toContain(planted);
  });
});
