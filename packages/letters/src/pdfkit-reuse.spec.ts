import { EXAMPLE_LETTER } from './example';
import { renderInquiryLetter } from './inquiry-letter';
import { pdfPageTexts } from './testing/pdf-text';

/**
 * The runs, compressed font file and set lines kept across documents (pdfkit-reuse.ts,
 * kept-lines.ts) change nothing a letter prints: the first letter of a fresh process, made again after others filled the shared
 * caches, is the same bytes.
 */
describe('what pdfkit keeps across documents', () => {
  it('leaves every letter as it would be alone', async () => {
    const first = await renderInquiryLetter(EXAMPLE_LETTER);
    for (const [name, address, pins] of [
      ['𠮷田 一郎', '東京都江東区東陽4-11-28 ハイツ1203', EXAMPLE_LETTER.pins],
      ['髙橋 美咲', '東京都江東区豊洲2-2-18', ['user_auth'] as const],
      ['渡邉 健太', '大阪府大阪市北区梅田1-1-1', EXAMPLE_LETTER.pins],
    ] as const) {
      const other = await renderInquiryLetter({ ...EXAMPLE_LETTER, pins, holder: { ...EXAMPLE_LETTER.holder, name, address } });
      expect((await pdfPageTexts(other.pdf))[0]).toContain(name.split(' ')[1]);
    }
    const again = await renderInquiryLetter(EXAMPLE_LETTER);
    expect(again.pdf.equals(first.pdf)).toBe(true);
  });
});
