// The registrations the benches post: one a holder makes in person, one an agent brings (with the
// inquiry letter and its outbox row). bench/lists/run.mjs, compare.mjs and cpu.mjs post the same.
export const selfCase = {
  route: 'self',
  reason: 'locked',
  pins: ['user_auth'],
  holder: {
    familyName: '速度',
    givenName: '計子',
    familyNameKana: 'ソクド',
    givenNameKana: 'ケイコ',
    birthDate: '1970-01-01',
    postalCode: '135-8383',
    address: '東京都江東区東陽4-11-28',
    adultWard: false,
    hasSignatureCertificate: true,
  },
  documents: [
    { presentedBy: 'holder', type: 'my_number_card', expiresOn: '2030-04-01' },
    { presentedBy: 'holder', type: 'qualification_certificate' },
  ],
};
export const agentCase = {
  ...selfCase,
  route: 'voluntary_agent',
  pins: ['resident_registry'],
  representative: { kind: 'agent', familyName: '速度', givenName: '次郎', familyNameKana: 'ソクド', givenNameKana: 'ジロウ', birthDate: '1975-03-03' },
  documents: [{ presentedBy: 'representative', type: 'passport', expiresOn: '2099-01-01' }],
  // No register connected (the default policy): the clerk checked the typed address against the 住民票.
  attested: ['holder_address_checked'],
};

/**
 * A clerk at each office of the demo clerk's municipality (made once, with the demo clerk's
 * password), logged in: registrations spread over the city's offices, as a city's day brings them —
 * each office takes its receipt numbers from a row of its own, which one office's registrations
 * queue for. `pool` connects as the owner; `login` is bench-api.mjs's.
 */
export async function clerksAtEachOffice(pool, login) {
  const { rows } = await pool.query(`
    INSERT INTO staff_users (id, username, display_name, role, office_id, password_hash, municipality_id, updated_at)
    SELECT gen_random_uuid(), 'clerk_' || lower(o.code), '窓口 ' || o.code, 'clerk', o.id, c.password_hash, c.municipality_id, now()
    FROM staff_users c JOIN offices o ON o.municipality_id = c.municipality_id
    WHERE c.username = 'clerk'
    ON CONFLICT (municipality_id, username) DO UPDATE SET active = true
    RETURNING username`);
  // One at a time, as clerks come to their counters: each login's argon2 takes 64 MiB while it runs,
  // and five at once put 439 MB on the API's peak (the RSS figure is the lists' and registrations').
  const tokens = [];
  for (const { username } of rows) tokens.push(await login(username));
  return tokens;
}

/** autocannon's setupClient: each connection posts as the next of `tokens`, in turn. */
export function eachConnectionAsNext(tokens) {
  let next = 0;
  return (client) => client.setHeaders({ authorization: `Bearer ${tokens[next++ % tokens.length]}`, 'content-type': 'application/json' });
}
