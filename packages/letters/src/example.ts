import { DEFAULT_OFFICE_HOURS, DEFAULT_POLICY, describeOfficeHours, secondVisitBringList } from '@madoguchi/domain';
import type { InquiryLetterData } from './inquiry-letter';

/**
 * A sample letter, as the default policy and the demo office would have it (its counter's hours
 * and the list of what to bring derived from the defaults): the pictures in docs/, the letter
 * benchmark and the tests start from it.
 */
export const EXAMPLE_LETTER: InquiryLetterData = {
  issuedOn: '2026-11-24',
  replyDeadline: '2026-12-24',
  inquiryNumber: 'K7Q-M3X-A9T',
  checkCode: 'ABC-DE7',
  documentNumber: '見市民第123号',
  issuer: '見本市長 見本 太郎',
  holder: { name: '𠮷田 花子', postalCode: '135-8383', address: '東京都江東区東陽4-11-28 江東ハイツ101号室' },
  agent: { name: '江東 太郎' },
  pins: ['signature', 'user_auth', 'resident_registry'],
  sender: { office: '見本市役所 市民課', postalCode: '100-0001', address: '見本県見本市中央1-1-1', phone: '0120-000-001' },
  replyCounter: {
    office: '見本市役所 市民課',
    postalCode: '100-0001',
    address: '見本県見本市中央1-1-1',
    hours: describeOfficeHours(DEFAULT_OFFICE_HOURS),
  },
  bring: secondVisitBringList(DEFAULT_POLICY),
};
