import { createHash } from 'node:crypto';
import { EXAMPLE_HOLDER } from '@madoguchi/devstack/testing';
import { EXAMPLE_SELF_CASE } from '../testing/fixtures';
import { useTestCity } from '../testing/test-city';

/**
 * The PIN and individual-number guard, stepped around the ways a probe tried (security issue,
 * point 2): every disguise is refused with a message that does not repeat it, and what must stay
 * allowed — room and lot numbers, times, dates — still registers.
 */
const t = useTestCity('990711');
const { db } = t;
const as = t.as;

const register = (changes: object) => as('clerk').post('/api/cases', { ...EXAMPLE_SELF_CASE, ...changes });
const codesOf = (body: { details: { path: string; code: string }[] }) => body.details.map((d) => `${d.path}:${d.code}`);

describe('the guard on free text', () => {
  it.each([
    ['暗証番号:4821'],
    ['PIN:4821'],
    ['4 8 2 1'],
    ['4.8.2.1'],
    ['٤٨٢١'],
    ['暗証番号はAB12-CD34'],
    ['1234.5678.9018'],
    ['ID123456789018'],
    ['12\u200b34'],
  ])('refuses the note %j, without repeating it', async (note) => {
    const res = await register({ note }).expect(422);
    expect(codesOf(res.body)).toEqual([expect.stringMatching(/^note:text_contains_(pin|individual_number)$/)]);
    expect(JSON.stringify(res.body)).not.toContain(note);
  });

  it('refuses a PIN or an individual number in an address, and keeps room and lot numbers', async () => {
    const pin = await register({ holder: { ...EXAMPLE_HOLDER, address: '東京都江東区東陽4-11-28 暗証番号 4821' } }).expect(422);
    expect(codesOf(pin.body)).toEqual(['holder.address:text_contains_pin']);
    const number = await register({ holder: { ...EXAMPLE_HOLDER, address: '東京都江東区東陽 ID123456789018' } }).expect(422);
    expect(codesOf(number.body)).toEqual(['holder.address:text_contains_individual_number']);
    const ordinary = await register({ holder: { ...EXAMPLE_HOLDER, address: '東京都江東区東陽4-11-28 ハイツ1203' }, note: '11/30 10:30 に再来庁予定' }).expect(
      201,
    );
    expect(ordinary.body.holder.address).toBe('東京都江東区東陽4-11-28 ハイツ1203');
  });

  it('refuses an individual number or a PIN in a username or display name', async () => {
    const base = { role: 'clerk', officeId: t.city.officeId, password: 'a-long-enough-password' };
    const username = await as('admin')
      .post('/api/users', { ...base, username: '123456789018', displayName: '窓口 花子' })
      .expect(422);
    expect(codesOf(username.body)).toEqual(['username:text_contains_individual_number']);
    const displayName = await as('admin')
      .post('/api/users', { ...base, username: 'hanako', displayName: '窓口 PIN 4821' })
      .expect(422);
    expect(codesOf(displayName.body)).toEqual(['displayName:text_contains_pin']);
    const created = await as('admin')
      .post('/api/users', { ...base, username: 'hanako', displayName: '窓口 花子' })
      .expect(201);
    expect((await as('admin').put(`/api/users/${created.body.id}`, { displayName: 'ID 1234-5678-9018' }).expect(422)).body.code).toBe('text_refused');
  });

  it('keeps an Idempotency-Key hashed, never as it was sent', async () => {
    const key = '123456789018';
    const first = await as('clerk').post('/api/cases', EXAMPLE_SELF_CASE).set('idempotency-key', key).expect(201);
    const again = await as('clerk').post('/api/cases', EXAMPLE_SELF_CASE).set('idempotency-key', key).expect(201);
    expect(again.body.id).toBe(first.body.id);
    const stored = await db.idempotencyKey.findMany({ where: { caseId: first.body.id } });
    expect(stored.map((k) => k.key)).toEqual([createHash('sha256').update(key).digest('hex')]);
  });

  it('does not echo the name of a field it does not know', async () => {
    const res = await register({ '123456789018': 'x' }).expect(400);
    expect(JSON.stringify(res.body)).not.toContain('123456789018');
  });
});

describe('text that cannot be stored', () => {
  const lastReceipt = async () => (await db.receiptSequence.findMany({ where: { officeId: t.city.officeId } })).map((r) => r.last);

  it.each([
    ['a NUL in a name', { holder: { ...EXAMPLE_HOLDER, familyName: '山\u0000田' } }, 'holder.familyName:text_control_character'],
    ['an unpaired surrogate in an address', { holder: { ...EXAMPLE_HOLDER, address: '東京都\ud800江東区' } }, 'holder.address:text_malformed_unicode'],
    ['a direction override in a note', { note: '確認済み\u202E8214' }, 'note:text_direction_override'],
    ['a name of invisible characters', { holder: { ...EXAMPLE_HOLDER, givenName: '\u200b\u200d' } }, 'holder.givenName:text_invisible_only'],
  ])('refuses %s with 400, before a receipt number is taken', async (_what, changes, problem) => {
    const before = await lastReceipt();
    const res = await register(changes).expect(400);
    expect(codesOf(res.body)).toContain(problem);
    expect(res.body.message).toMatch(/[ぁ-んァ-ン一-龥]/);
    expect(await lastReceipt()).toEqual(before);
  });

  it('refuses a NUL in a display name and in the staff search, and still takes variant and private-use characters', async () => {
    const base = { role: 'clerk', officeId: t.city.officeId, password: 'a-long-enough-password' };
    expect(
      codesOf(
        (
          await as('admin')
            .post('/api/users', { ...base, username: 'nul', displayName: '窓口\u0000' })
            .expect(400)
        ).body,
      ),
    ).toEqual(['displayName:text_control_character']);
    await as('admin')
      .get(`/api/users?filter=${encodeURIComponent(JSON.stringify({ q: 'a\u0000' }))}`)
      .expect(400);
    const names = { familyName: '𠮷田', givenName: '葛\u{E0100}\uE000' };
    const kept = await register({ holder: { ...EXAMPLE_HOLDER, ...names } }).expect(201);
    expect(kept.body.holder).toMatchObject(names);
  });
});
