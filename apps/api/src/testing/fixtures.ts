/** The example body of `POST /api/cases` in shared/API.md, for tests that send a case. */
export const EXAMPLE_AGENT_CASE = {
  route: 'voluntary_agent',
  reason: 'forgotten',
  pins: ['user_auth', 'resident_registry'],
  holder: {
    familyName: '江東', givenName: '花子', familyNameKana: 'コウトウ', givenNameKana: 'ハナコ',
    birthDate: '1950-04-01', postalCode: '135-8383', address: '東京都江東区東陽4-11-28',
    adultWard: false, hasSignatureCertificate: true,
  },
  representative: {
    kind: 'agent', familyName: '江東', givenName: '太郎', familyNameKana: 'コウトウ', givenNameKana: 'タロウ',
    postalCode: '135-0016', address: '東京都江東区東陽1-1-1',
  },
  documents: [{ presentedBy: 'representative', type: 'drivers_license', expiresOn: '2099-05-01' }],
  waivers: { sameHouseholdParentChild: false, familyRegisterInCity: false },
  note: '代理人は長男',
};
