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
