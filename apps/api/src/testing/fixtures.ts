import type { RegisterCaseBody, TransitionBody } from '@madoguchi/contract';
import { EXAMPLE_HOLDER } from '@madoguchi/devstack/testing';

/** A walk-in on the self route with the two documents it needs: done at the counter the same day. */
export const EXAMPLE_SELF_CASE = {
  route: 'self',
  reason: 'locked',
  pins: ['user_auth'],
  holder: EXAMPLE_HOLDER,
  documents: [
    { presentedBy: 'holder', type: 'my_number_card', expiresOn: '2030-04-01' },
    { presentedBy: 'holder', type: 'qualification_certificate' },
  ],
} satisfies RegisterCaseBody;

/** The example body of `POST /api/cases` in shared/API.md, for tests that send a case. */
export const EXAMPLE_AGENT_CASE = {
  route: 'voluntary_agent',
  reason: 'forgotten',
  pins: ['user_auth', 'resident_registry'],
  holder: EXAMPLE_HOLDER,
  representative: {
    kind: 'agent',
    familyName: '江東',
    givenName: '太郎',
    familyNameKana: 'コウトウ',
    givenNameKana: 'タロウ',
    birthDate: '1975-03-03',
    postalCode: '135-0016',
    address: '東京都江東区東陽1-1-1',
  },
  documents: [{ presentedBy: 'representative', type: 'drivers_license', expiresOn: '2099-05-01' }],
  waivers: { sameHouseholdParentChild: false, familyRegisterInCity: false },
  // No register connected (the default policy): the clerk checked the typed address against the 住民票.
  attested: ['holder_address_checked'],
  note: '代理人は長男',
} satisfies RegisterCaseBody;

/**
 * The agent's second visit for EXAMPLE_AGENT_CASE, as the clerk records it: the documents of the
 * default policy's visit-2 list, the address tick, and the clerk's word that this is the agent.
 */
export const EXAMPLE_SECOND_VISIT = {
  documents: [
    { presentedBy: 'holder', type: 'sealed_reply_form' },
    { presentedBy: 'holder', type: 'my_number_card', expiresOn: '2030-04-01' },
    { presentedBy: 'holder', type: 'pension_book' },
    { presentedBy: 'representative', type: 'drivers_license', expiresOn: '2099-05-01' },
    { presentedBy: 'representative', type: 'qualification_certificate' },
  ],
  attested: ['representative_current_address'],
  agentConfirmed: true,
} satisfies Pick<TransitionBody, 'documents' | 'attested' | 'agentConfirmed'>;

/**
 * EXAMPLE_AGENT_CASE where the city requires its resident register: the holder named by the
 * register's id (the API fills the rest from it), and no tick for a typed address.
 */
export function agentCaseFromRegister(residentId: string): RegisterCaseBody {
  const { attested: _typedAddressTick, holder, ...rest } = EXAMPLE_AGENT_CASE;
  const { adultWard, hasSignatureCertificate } = holder;
  return { ...rest, holder: { residentId, adultWard, hasSignatureCertificate } };
}
