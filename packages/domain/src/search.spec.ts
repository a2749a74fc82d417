import { generateInquiryNumber } from './numbers';
import { readSearch } from './search';

describe('readSearch', () => {
  it.each([
    ['131083-HQ-2026-00042', { receiptNumber: '131083-HQ-2026-00042' }],
    // Without the municipality's code, as printed before it was carried: the caller's completes it.
    ['hq-2026-00042', { receiptNumber: 'HQ-2026-00042' }],
    ['やまだ', { kana: 'ヤマダ' }],
    ['ﾔﾏﾀﾞ', { kana: 'ヤマダ' }],
    ['山田', { name: '山田' }],
    ['髙橋', { name: '高橋' }],
    ['𠮷田 花', { name: '吉田花' }],
    ['!!!', {}],
  ])('reads %s as %j', (q, reading) => expect(readSearch(q)).toEqual(reading));

  it('reads an inquiry number typed loosely (lower case, spaces for hyphens)', () => {
    const number = generateInquiryNumber((n) => new Uint8Array(n).map((_, i) => (i * 37) % 248));
    expect(readSearch(number.toLowerCase().replace(/-/g, ' '))).toEqual({ inquiryNumber: number });
  });
});
