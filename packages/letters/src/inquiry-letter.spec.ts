import { renderInquiryLetter, renderLetterBatch, type InquiryLetterData } from './inquiry-letter';
import { pdfPageTexts as pageTexts, pdfPlacedTexts } from './testing/pdf-text';

const letter: InquiryLetterData = {
  issuedOn: '2026-11-24',
  replyDeadline: '2026-12-24',
  inquiryNumber: 'K7Q-M3X-A9T',
  checkCode: 'ABC-DE7',
  holder: { name: '𠮷田 花子', postalCode: '135-8383', address: '東京都江東区東陽4-11-28' },
  agent: { name: '江東 太郎' },
  pins: ['signature', 'user_auth'],
  sender: { municipality: '見本市', office: '市民課', postalCode: '100-0001', address: '見本県見本市中央1-1-1', phone: '0120-000-001' },
};

describe('the inquiry-and-reply letter', () => {
  it('prints every field the holder and the counter need, on two pages', async () => {
    const { pdf, missingCharacters } = await renderInquiryLetter(letter);
    const [inquiry, reply, ...more] = await pageTexts(pdf);
    expect(more).toEqual([]);
    for (const text of ['〒135-8383', '東京都江東区東陽4-11-28', '𠮷田花子様', '令和8年11月24日', '照会番号K7Q-M3X-A9T', '確認コードABC-DE7', '代理人江東太郎様', '署名用電子証明書の暗証番号', '利用者証明用電子証明書の暗証番号', '回答期限令和8年12月24日', '心当たりがない', '見本市市民課', '0120-000-001']) {
      expect([text, inquiry!.includes(text)]).toEqual([text, true]);
    }
    for (const text of ['回答書', '照会番号K7Q-M3X-A9T', '代理人江東太郎', '英大文字（A〜Z）と数字（0〜9）', '数字4桁', '本人署名', '回答期限令和8年12月24日', '封をし']) {
      expect([text, reply!.includes(text)]).toEqual([text, true]);
    }
    expect(missingCharacters).toEqual([]);
  });

  it('is deterministic: the same data gives the same bytes', async () => {
    const [a, b] = await Promise.all([renderInquiryLetter(letter), renderInquiryLetter(letter)]);
    expect(a.pdf.equals(b.pdf)).toBe(true);
    const other = await renderInquiryLetter({ ...letter, issuedOn: '2026-11-25' });
    expect(other.pdf.equals(a.pdf)).toBe(false);
  });

  it('embeds subsets of the fonts, not whole fonts', async () => {
    const { pdf } = await renderInquiryLetter(letter);
    expect(pdf.length).toBeLessThan(150_000); // the font files alone are several megabytes
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+BIZUDPGothic/);
  });

  it('prints 〓 for a character no font has, and reports it', async () => {
    const { pdf, missingCharacters } = await renderInquiryLetter({ ...letter, holder: { ...letter.holder, name: '\u{E000}田 花子' } });
    expect(missingCharacters).toEqual(['\u{E000}']);
    expect((await pageTexts(pdf))[0]).toContain('〓田花子様');
  });

  it('never sets one piece of text over another', async () => {
    const { pdf } = await renderInquiryLetter({ ...letter, pins: ['signature', 'user_auth', 'resident_registry', 'card_info'] });
    for (const items of await pdfPlacedTexts(pdf)) {
      const lines = new Map<number, typeof items>();
      for (const item of items) lines.set(Math.round(item.y), [...(lines.get(Math.round(item.y)) ?? []), item]);
      for (const line of lines.values()) {
        const sorted = [...line].sort((a, b) => a.x - b.x);
        sorted.slice(1).forEach((item, i) => expect([item.text, item.x >= sorted[i]!.x + sorted[i]!.width - 0.5]).toEqual([item.text, true]));
      }
    }
  });

  it('keeps every letter on two pages, with all four PINs and a long address', async () => {
    const { pdf } = await renderInquiryLetter({
      ...letter,
      pins: ['signature', 'user_auth', 'resident_registry', 'card_info'],
      holder: { ...letter.holder, address: '東京都江東区東陽四丁目11番28号 江東区役所前マンション東棟1203号室 気付' },
    });
    const pages = await pageTexts(pdf);
    expect(pages).toHaveLength(2);
    expect(pages[1]).toContain('券面事項入力補助用暗証番号');
  });

  it('refuses a letter that would not fit on its two pages', async () => {
    await expect(renderInquiryLetter({ ...letter, holder: { ...letter.holder, address: '長い住所'.repeat(400) } })).rejects.toThrow('does not fit on 2 pages');
  });
});

describe('a print run', () => {
  it('puts the letters one after another in the order given, each on its own two pages', async () => {
    const numbers = ['AAA-AAA-AA1', 'BBB-BBB-BB2', 'CCC-CCC-CC3'];
    const { pdf, pages } = await renderLetterBatch(
      numbers.map((inquiryNumber, i) => ({ ...letter, inquiryNumber, holder: { ...letter.holder, name: `見本 ${i + 1}郎` } })),
      '2026-11-25',
    );
    const texts = await pageTexts(pdf);
    expect(pages).toBe(6);
    expect(texts).toHaveLength(6);
    numbers.forEach((n, i) => {
      expect(texts[2 * i]).toContain(`照会番号${n}`);
      expect(texts[2 * i]).toContain(`見本${i + 1}郎様`);
      expect(texts[2 * i + 1]).toContain('回答書');
      expect(texts[2 * i + 1]).toContain(`照会番号${n}`);
    });
  });

  it('is deterministic and embeds the fonts once for the whole run', async () => {
    const run = Array.from({ length: 20 }, (_, i) => ({ ...letter, inquiryNumber: `AAA-AAA-${String(i).padStart(3, '0')}` }));
    const [a, b] = await Promise.all([renderLetterBatch(run, '2026-11-25'), renderLetterBatch(run, '2026-11-25')]);
    expect(a.pdf.equals(b.pdf)).toBe(true);
    const single = await renderInquiryLetter(letter);
    expect(a.pdf.length).toBeLessThan(single.pdf.length * 5); // twenty letters, not twenty copies of the fonts
    // The fixed wording (regular and bold), the data, and the fallback face for 𠮷: four embeddings in all.
    expect(a.pdf.toString('latin1').match(/\/FontFile2/g)).toHaveLength(4);
  });

  it('refuses an empty run', async () => {
    await expect(renderLetterBatch([], '2026-11-25')).rejects.toThrow('at least one letter');
  });
});
