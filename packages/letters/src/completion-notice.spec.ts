import { renderCompletionNotice, type CompletionNoticeData } from './completion-notice';
import { EXAMPLE_LETTER } from './example';
import { renderPrintBatch } from './inquiry-letter';
import { renderMailLedger } from './mail-ledger';
import { pdfPageTexts as pageTexts } from './testing/pdf-text';

const notice: CompletionNoticeData = {
  issuedOn: '2026-12-03',
  noticeNumber: '完了通知第7号',
  issuer: '見本市長 見本 太郎',
  holder: { name: '𠮷田 花子', postalCode: '135-8383', address: '東京都江東区東陽4-11-28' },
  agent: { name: '江東 太郎' },
  pins: ['user_auth', 'resident_registry'],
  completedOn: '2026-12-01',
  receiptNumber: 'HQ-2026-00042',
  office: { name: '見本市役所 市民課', postalCode: '100-0001', address: '見本県見本市中央1-1-1', phone: '0120-000-001' },
};

describe('the completion notice', () => {
  it('tells the holder which PINs were reset, when, where, by which agent, and whom to call, on one page', async () => {
    const { pdf, missingCharacters } = await renderCompletionNotice(notice);
    const pages = await pageTexts(pdf);
    expect(pages).toHaveLength(1);
    for (const text of [
      '転送不要',
      '〒135-8383',
      '𠮷田花子様',
      '完了通知第7号',
      '令和8年12月3日',
      '暗証番号の再設定について（お知らせ）',
      '利用者証明用電子証明書の暗証番号、住民基本台帳用暗証番号',
      '再設定した日令和8年12月1日',
      '手続きをした窓口見本市役所市民課',
      '手続きをした代理人江東太郎様',
      'HQ-2026-00042',
      '心当たりがない',
      '0120-000-001',
    ]) {
      expect([text, pages[0]!.includes(text)]).toEqual([text, true]);
    }
    expect(missingCharacters).toEqual([]);
  });

  it('goes into a print run after the letters, one page each', async () => {
    const { pdf, pages } = await renderPrintBatch(
      [
        { kind: 'inquiry_letter', data: EXAMPLE_LETTER },
        { kind: 'completion_notice', data: notice },
      ],
      '2026-12-03',
    );
    expect(pages).toBe(3);
    const texts = await pageTexts(pdf);
    expect(texts).toHaveLength(3);
    expect(texts[2]).toContain('お知らせ');
  });
});

describe('the mailing ledger', () => {
  it('lists every piece with its number, addressee and 〒, and totals the count and the postage', async () => {
    const lines = Array.from({ length: 45 }, (_, i) => ({
      kind: i % 9 === 0 ? ('completion_notice' as const) : ('inquiry_letter' as const),
      documentNumber: `見市民第${i + 1}号`,
      addresseeName: `試験 花子${i + 1}`,
      postalCode: '100-0001',
      mailClass: '普通・転送不要',
    }));
    const pdf = await renderMailLedger({
      day: '2026-12-03',
      office: '見本市役所 市民課',
      lines,
      pieceCount: 45,
      postageYen: 110,
      postageTotal: 4950,
      postagePayment: 'deferred',
      confirmations: [{ by: '印刷 次郎', at: '16:05', pieces: 45 }],
    });
    const pages = await pageTexts(pdf);
    expect(pages.length).toBeGreaterThan(1);
    const all = pages.join('');
    for (const text of [
      '発送簿',
      '令和8年12月3日',
      '見市民第1号',
      '見市民第45号',
      '試験花子45様',
      '完了通知',
      '照会書',
      '普通・転送不要',
      '45通',
      '110円×45通＝4,950円（料金後納）',
      '印刷次郎',
    ]) {
      expect([text, all.includes(text)]).toEqual([text, true]);
    }
    // The table's header is on every page.
    for (const page of pages) expect(page).toContain('文書番号');
  });
});
