import { EXAMPLE_LETTER } from './example';
import { renderInquiryLetter, renderLetterBatch, type InquiryLetterData } from './inquiry-letter';
import { pdfLargestFill, pdfPageTexts as pageTexts, pdfPlacedTexts } from './testing/pdf-text';

const MM = 72 / 25.4;
const [A4_WIDTH, A4_HEIGHT] = [210 * MM, 297 * MM];

const letter: InquiryLetterData = {
  ...EXAMPLE_LETTER,
  holder: { name: '𠮷田 花子', postalCode: '135-8383', address: '東京都江東区東陽4-11-28' },
  pins: ['signature', 'user_auth'],
};

describe('the inquiry-and-reply letter', () => {
  it('prints every field the holder and the counter need, on two pages', async () => {
    const { pdf, missingCharacters } = await renderInquiryLetter(letter);
    const [inquiry, reply, ...more] = await pageTexts(pdf);
    expect(more).toEqual([]);
    for (const text of [
      '〒135-8383',
      '東京都江東区東陽4-11-28',
      '𠮷田花子様',
      '令和8年11月24日',
      '照会番号K7Q-M3X-A9T',
      '確認コードABC-DE7',
      '代理人江東太郎様',
      '署名用電子証明書の暗証番号',
      '利用者証明用電子証明書の暗証番号',
      '回答期限令和8年12月24日',
      '心当たりがない',
      '見本市役所市民課',
      '0120-000-001',
    ]) {
      expect([text, inquiry!.includes(text)]).toEqual([text, true]);
    }
    for (const text of [
      '回答書',
      '照会番号K7Q-M3X-A9T',
      '代理人江東太郎',
      '英大文字（A〜Z）と数字（0〜9）',
      '数字4桁',
      '本人署名',
      '回答期限令和8年12月24日',
      '封をし',
    ]) {
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

  it('refuses a letter whose address would run out of the envelope window', async () => {
    await expect(renderInquiryLetter({ ...letter, holder: { ...letter.holder, address: '長い住所'.repeat(40) } })).rejects.toThrow(
      'does not fit in the envelope window',
    );
  });
});

describe('the letter a resident can act on (the rules issue)', () => {
  const all4: InquiryLetterData = {
    ...EXAMPLE_LETTER,
    pins: ['signature', 'user_auth', 'resident_registry', 'card_info'],
    holder: { ...EXAMPLE_LETTER.holder, address: '東京都江東区東陽四丁目11番28号 江東区役所前マンション東棟1203号室' },
  };

  it('page 1 says what happens next, in order: fill in, seal, hand over the reply, the card and an ID; the agent comes with their IDs to the counter where they applied, by the deadline; after it the application lapses', async () => {
    const [inquiry] = await pageTexts((await renderInquiryLetter(all4)).pdf);
    const inOrder = [
      '1.2枚目の回答書に記入し、同封の封筒に入れて封をしてください。',
      '2.代理人に、次のものをお渡しください：封入・封緘された照会書兼回答書、本人のマイナンバーカード、本人の本人確認書類1点（カード以外）。',
      '3.代理人が、それらと代理人自身の本人確認書類（代理人の本人確認書類2点（うち1点は写真付きの公的書類）（現住所・現氏名が記載されたもの））を持って、申請した窓口へ回答期限までにお越しください。',
      '窓口見本市役所市民課〒100-0001見本県見本市中央1-1-1',
      '受付時間月・火・木・金8:30〜17:00／水8:30〜19:00（祝日・年末年始を除く）',
      '4.回答期限を過ぎると、この申請は無効になります。その場合は、はじめから申請し直していただくことになります。',
      '回答期限令和8年12月24日',
    ];
    const at = inOrder.map((text) => inquiry!.indexOf(text));
    expect(inOrder.map((text, i) => [text, at[i]! >= 0])).toEqual(inOrder.map((text) => [text, true]));
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });

  it('names the counter only where the policy keeps replies there', async () => {
    const [inquiry] = await pageTexts((await renderInquiryLetter({ ...all4, replyCounter: null })).pdf);
    expect(inquiry).toContain('を持って、窓口へ回答期限までにお越しください。');
    expect(inquiry).not.toContain('受付時間');
  });

  it('the issuer as cities write it: its document number, 「○○市長 氏名」 and 「（公印省略）」, the sender block without the city repeated', async () => {
    const [inquiry] = await pageTexts((await renderInquiryLetter(all4)).pdf);
    expect(inquiry).toContain('見市民第123号令和8年11月24日見本市長見本太郎（公印省略）');
    expect(inquiry).toContain('問い合わせ先見本市役所市民課');
    expect(inquiry).not.toContain('見本市見本市役所');
    const [unnumbered] = await pageTexts((await renderInquiryLetter({ ...all4, documentNumber: null })).pdf);
    expect(unnumbered).not.toContain('見市民第');
  });

  it('page 2, the page that comes back: the holder’s address, name and birth date to fill in, a real choice, the QR code, and the PIN advice', async () => {
    const { pdf } = await renderInquiryLetter(all4);
    const [, reply] = await pageTexts(pdf);
    for (const text of [
      '回答者（ご本人）住所氏名生年月日',
      '上記の代理人に、暗証番号の再設定を依頼しました',
      '依頼していません',
      '数字4桁の暗証番号は3つとも同じ番号にできます。',
      '生年月日や電話番号、同じ数字の並び（1111など）のように推測されやすい番号は避けてください。',
    ]) {
      expect([text, reply!.includes(text)]).toEqual([text, true]);
    }
    // The QR code is drawn on both pages: the page that comes back carries it too.
    expect((await pdfLargestFill(pdf)).map((entries) => entries > 100 * 12)).toEqual([true, true]);
  });

  it('wraps the address only where addresses may break, the building on its own line, 転送不要 and the address inside the window', async () => {
    const [page1] = await pdfPlacedTexts((await renderInquiryLetter(all4)).pdf);
    const texts = page1!.map((t) => t.text);
    expect(texts).toContain('東京都江東区東陽四丁目11番28号');
    expect(texts).toContain('江東区役所前マンション東棟1203号室');
    // The window of a 長3 envelope (23 mm from the left, 14–59 mm from the top), give or take half a point.
    const window = { left: 23 * MM - 0.5, right: 113 * MM + 0.5, top: A4_HEIGHT - 14 * MM + 0.5, bottom: A4_HEIGHT - 59 * MM - 0.5 };
    for (const text of ['転送不要', '〒', '135-8383', '東京都江東区東陽四丁目11番28号', '江東区役所前マンション東棟1203号室', '様']) {
      const item = page1!.find((t) => t.text === text)!;
      expect([text, item.x >= window.left, item.x + item.width <= window.right, item.y + item.height <= window.top, item.y >= window.bottom]).toEqual([
        text,
        true,
        true,
        true,
        true,
      ]);
    }
  });

  it('sets no text outside the printable area, on either page, whatever the PINs and the address', async () => {
    for (const data of [letter, all4, { ...all4, pins: ['signature' as const] }]) {
      for (const page of await pdfPlacedTexts((await renderInquiryLetter(data)).pdf)) {
        for (const t of page) {
          const inside = t.x >= 10 * MM && t.x + t.width <= A4_WIDTH - 10 * MM && t.y >= 10 * MM && t.y + t.height <= A4_HEIGHT - 10 * MM;
          expect([t.text, inside]).toEqual([t.text, true]);
        }
      }
    }
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
