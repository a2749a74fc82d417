import { formatJapaneseDate, PIN, type IsoDate, type Pin } from '@madoguchi/domain';
import { letterFonts, type LetterFonts } from './fonts';
import { drawIssuerBlock, drawWindowAddress, lineWriter, MM, openDocument, PAGE, SMALL, v } from './pdf';

/** Everything the completion notice prints. */
export interface CompletionNoticeData {
  /** The date printed on it (and the PDF's creation date, so the same data gives the same bytes). */
  issuedOn: IsoDate;
  /** Its number in the completion-notice series, given when it first goes into a print run. */
  noticeNumber: string | null;
  issuer: string;
  holder: { name: string; postalCode: string; address: string };
  agent: { name: string };
  pins: readonly Pin[];
  /** The day the PINs were reset. */
  completedOn: IsoDate;
  receiptNumber: string;
  /** The counter that did it, which the holder calls if they did not ask for it. */
  office: { name: string; postalCode: string; address: string; phone: string };
}

/** Pages of one completion notice. */
export const PAGES_PER_NOTICE = 1;

/** 完了通知 as its own PDF. */
export async function renderCompletionNotice(data: CompletionNoticeData): Promise<{ pdf: Buffer; missingCharacters: string[] }> {
  const fonts = letterFonts();
  const { doc, bytes } = openDocument(data.issuedOn, '暗証番号の再設定のお知らせ', fonts);
  const missing = drawCompletionNotice(doc, data, fonts);
  doc.end();
  return { pdf: await bytes, missingCharacters: missing };
}

/**
 * Draw one notice on a new page of `doc`: to the holder at the registered address (through the
 * window, 転送不要), which PINs were reset, when, where and by which agent, and whom to call if they
 * did not ask for it. Answers the characters printed as 〓.
 */
export function drawCompletionNotice(doc: PDFKit.PDFDocument, data: CompletionNoticeData, fonts: LetterFonts): string[] {
  const missing = new Set<string>();
  const write = lineWriter(doc, fonts, missing);
  doc.addPage();
  drawWindowAddress(doc, write, data.holder, `完了通知 ${data.receiptNumber}`);

  drawIssuerBlock(write, { number: data.noticeNumber, issuedOn: data.issuedOn, issuer: data.issuer });

  const left = PAGE.margin;
  const width = PAGE.width - 2 * PAGE.margin;
  const indent = 8 * MM;
  write('マイナンバーカードの暗証番号の再設定について（お知らせ）', {
    x: left,
    y: Math.max(doc.y + 8, 100 * MM),
    width,
    size: 16,
    bold: true,
    align: 'center',
  });
  doc.moveDown(0.8);
  write('あなたの代理人からの申請により、次のとおり、あなたのマイナンバーカードの暗証番号を再設定しましたので、お知らせします。', {
    x: left,
    width,
    size: SMALL + 0.5,
  });
  doc.moveDown(0.6);
  const row = (label: string, value: string) => {
    write([label, '　', v(value)], { x: left + indent, width: width - indent, size: SMALL + 0.5 });
    doc.moveDown(0.3);
  };
  row('再設定した暗証番号', data.pins.map((p) => PIN.labels[p]).join('、'));
  row('再設定した日', formatJapaneseDate(data.completedOn));
  row('手続きをした窓口', data.office.name);
  row('手続きをした代理人', `${data.agent.name} 様`);
  row('受付番号', data.receiptNumber);
  doc.moveDown(0.6);
  write('この手続きに心当たりがない場合は、すぐに下記へお電話ください。', { x: left, width, bold: true, size: SMALL + 0.5 });
  write([v(data.office.name), '　電話 ', v(data.office.phone)], { x: left + indent, width: width - indent, size: SMALL + 0.5 });
  write(['〒', v(`${data.office.postalCode} ${data.office.address}`)], { x: left + indent, width: width - indent, size: SMALL });
  doc.moveDown(0.6);
  write('このお知らせは、ご本人の住民票の住所へ転送不要の郵便でお送りしています。暗証番号をお尋ねすることはありません。', { x: left, width, size: 10 });
  return [...missing];
}
