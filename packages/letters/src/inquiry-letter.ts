import { formatJapaneseDate, PIN, PIN_FORMAT, type IsoDate, type Pin } from '@madoguchi/domain';
import QRCode from 'qrcode';
import { drawCompletionNotice, PAGES_PER_NOTICE, type CompletionNoticeData } from './completion-notice';
import { letterFonts, type LetterFonts } from './fonts';
import { BODY, drawIssuerBlock, drawWindowAddress, ISSUER_COLUMN, lineWriter, MM, openDocument, PAGE, SMALL, v, type Part } from './pdf';

export { PRINTABLE_MARGIN, WINDOW } from './pdf';

/** Pages of one letter: the inquiry, and the reply the holder seals (printed single-sided). */
export const PAGES_PER_LETTER = 2;

/** Everything the letter prints; nothing else reaches the template. */
export interface InquiryLetterData {
  /** 発行日: also the PDF's creation date, so the same data gives the same bytes. */
  issuedOn: IsoDate;
  replyDeadline: IsoDate;
  inquiryNumber: string;
  checkCode: string;
  /** 文書番号, given when the letter first goes into a print run (a letter rendered before has none yet). */
  documentNumber: string | null;
  /** 「見本市長 見本 太郎」, printed with 「（公印省略）」. */
  issuer: string;
  holder: { name: string; postalCode: string; address: string };
  agent: { name: string };
  pins: readonly Pin[];
  /** The counter that answers questions (its name says the city's): not repeated after the issuer. */
  sender: { office: string; postalCode: string; address: string; phone: string };
  /** Where the agent brings the reply when the policy keeps replies at the registering office; null: any counter. */
  replyCounter: { office: string; postalCode: string; address: string; hours: string } | null;
  /** What the agent brings on the second visit, from the policy's list: the holder's things, and the agent's own. */
  bring: { holder: readonly string[]; agent: readonly string[] };
}

export interface RenderedLetter {
  pdf: Buffer;
  /** Characters no font could print (shown as 〓 on the letter), for staff to write in by hand. */
  missingCharacters: string[];
}

/** 照会書兼回答書 as its own PDF: page 1 the inquiry to the holder, page 2 the reply they fill in and seal. */
export async function renderInquiryLetter(data: InquiryLetterData): Promise<RenderedLetter> {
  const fonts = letterFonts();
  const { doc, bytes } = openDocument(data.issuedOn, '照会書兼回答書', fonts);
  const missing = drawInquiryLetter(doc, data, fonts);
  doc.end();
  return { pdf: await bytes, missingCharacters: missing };
}

/** A piece of a print run: an inquiry letter (two pages) or a completion notice (one). */
export type PrintItem = { kind: 'inquiry_letter'; data: InquiryLetterData } | { kind: 'completion_notice'; data: CompletionNoticeData };

/**
 * A print run's pieces as one PDF, in the order given, each starting on a new sheet. The fonts are
 * embedded once for the whole run, so the file stays small.
 */
export async function renderPrintBatch(items: readonly PrintItem[], printedOn: IsoDate): Promise<{ pdf: Buffer; pages: number }> {
  if (!items.length) throw new RangeError('a print run needs at least one letter or notice');
  const fonts = letterFonts();
  const { doc, bytes } = openDocument(printedOn, '照会書兼回答書（印刷バッチ）', fonts);
  let pages = 0;
  for (const item of items) {
    if (item.kind === 'inquiry_letter') {
      drawInquiryLetter(doc, item.data, fonts);
      pages += PAGES_PER_LETTER;
    } else {
      drawCompletionNotice(doc, item.data, fonts);
      pages += PAGES_PER_NOTICE;
    }
  }
  doc.end();
  return { pdf: await bytes, pages };
}

/** Many letters as one PDF (a print run of letters only). */
export function renderLetterBatch(letters: readonly InquiryLetterData[], printedOn: IsoDate): Promise<{ pdf: Buffer; pages: number }> {
  return renderPrintBatch(
    letters.map((data) => ({ kind: 'inquiry_letter', data })),
    printedOn,
  );
}

/** The characters QR codes in alphanumeric mode. */
const QR_ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]*$/;

/**
 * Draw one letter on two new pages of `doc`; answers the characters printed as 〓. A letter that
 * would spill onto a third page is refused rather than printed with its reply split.
 */
function drawInquiryLetter(doc: PDFKit.PDFDocument, data: InquiryLetterData, fonts: LetterFonts): string[] {
  const missing = new Set<string>();
  let pages = 0;
  const countPage = () => pages++;
  doc.on('pageAdded', countPage);
  const write = lineWriter(doc, fonts, missing);
  const qrText = `${data.inquiryNumber} ${data.checkCode}`;
  // Numbers and codes are in QR's alphanumeric set: said so, qrcode need not search for the shortest
  // mix of modes (the same symbol for such text, in two thirds of the time).
  const qr = QRCode.create(QR_ALPHANUMERIC.test(qrText) ? [{ data: qrText, mode: 'alphanumeric' }] : qrText, { errorCorrectionLevel: 'M' });
  const drawQr = (x: number, y: number, size: number) => {
    const cells = qr.modules.size;
    const cell = size / cells;
    // A square a dark module, written as pdfkit's `rect` writes it (numbers to six places), in one
    // write: a call into pdfkit for each of some 600 squares was a twentieth of a letter's time.
    const at = (n: number) => Math.round(n * 1e6) / 1e6;
    const xs = Array.from({ length: cells }, (_, c) => `${at(x + c * cell)} `);
    const ys = Array.from({ length: cells }, (_, r) => `${at(y + r * cell)} `);
    const side = `${at(cell)} ${at(cell)} re`;
    const squares: string[] = [];
    for (let r = 0; r < cells; r++) for (let c = 0; c < cells; c++) if (qr.modules.get(r, c)) squares.push(xs[c]! + ys[r]! + side);
    doc.addContent(squares.join('\n'));
    doc.fill('black');
  };
  const pinLabels = data.pins.map((p) => PIN.labels[p]);
  const deadline = formatJapaneseDate(data.replyDeadline);
  const left = PAGE.margin;
  const width = PAGE.width - 2 * PAGE.margin;
  const indent = 6 * MM;
  /** A numbered step of page 1, in the order the holder and the agent act. */
  const step = (n: number, parts: Part | Part[]) => {
    write([`${n}. `, ...(Array.isArray(parts) ? parts : [parts])], { x: left + 2 * MM, width: width - 2 * MM, size: SMALL + 0.5 });
    doc.moveDown(0.25);
  };

  // Page 1: 照会書
  doc.addPage();
  // The window: 転送不要 (the letter must not follow the holder elsewhere), the address, the name.
  drawWindowAddress(doc, write, data.holder, `照会書兼回答書 ${data.inquiryNumber}`);

  // The issuer's block: document number, date, issuer (公印省略), the numbers to quote, the counter.
  const { x: right, width: rightWidth } = ISSUER_COLUMN;
  let y = drawIssuerBlock(write, { number: data.documentNumber, issuedOn: data.issuedOn, issuer: data.issuer });
  write(['照会番号 ', v(data.inquiryNumber)], { x: right, y, size: 12, bold: true });
  y += 16;
  write(['確認コード ', v(data.checkCode)], { x: right, y, size: 12, bold: true });
  y += 18;
  drawQr(right, y, 20 * MM);
  y += 22 * MM;
  write(['問い合わせ先　', v(data.sender.office)], { x: right, y, size: 10, width: rightWidth });
  write(['〒', v(`${data.sender.postalCode} ${data.sender.address}`)], { x: right, width: rightWidth, size: 10 });
  write(['電話 ', v(data.sender.phone)], { x: right, size: 10 });

  write('マイナンバーカードの暗証番号の再設定についての照会書', { x: left, y: Math.max(doc.y + 8, 100 * MM), width, size: 16, bold: true, align: 'center' });
  doc.moveDown(0.7);
  write('次の方から、あなたの代理人として、あなたのマイナンバーカードの暗証番号を再設定する申請がありました。', { x: left, width, size: SMALL + 0.5 });
  doc.moveDown(0.3);
  write(['代理人　', v(data.agent.name), ' 様'], { x: left + indent, width: width - indent, bold: true });
  write(`再設定する暗証番号　${pinLabels.join('、')}`, { x: left + indent, width: width - indent, size: SMALL + 0.5 });
  doc.moveDown(0.6);
  write('あなたがこの方に申請を頼んだ場合は、次のとおりお手続きください。', { x: left, width, bold: true, size: SMALL + 0.5 });
  doc.moveDown(0.3);
  step(1, '2枚目の回答書に記入し、同封の封筒に入れて封をしてください。');
  step(2, ['代理人に、次のものをお渡しください：', v(data.bring.holder.join('、')), '。']);
  const counter = data.replyCounter;
  step(3, [
    '代理人が、それらと代理人自身の本人確認書類（',
    v(data.bring.agent.join('、')),
    '）を持って、',
    counter ? '申請した窓口へ' : '窓口へ',
    '回答期限までにお越しください。',
  ]);
  if (counter) {
    write(['窓口　', v(counter.office), '　〒', v(`${counter.postalCode} ${counter.address}`)], { x: left + indent, width: width - indent, size: SMALL });
    write(['受付時間　', v(counter.hours)], { x: left + indent, width: width - indent, size: SMALL });
    doc.moveDown(0.25);
  }
  step(4, '回答期限を過ぎると、この申請は無効になります。その場合は、はじめから申請し直していただくことになります。');
  doc.moveDown(0.2);
  write(['回答期限　', v(deadline), '（この日までに代理人が窓口へお持ちください）'], { x: left, width, bold: true });
  doc.moveDown(0.6);
  write('この申請に心当たりがない場合は、回答書を誰にも渡さず、すぐに下記へお電話ください。', { x: left, width, bold: true, size: SMALL + 0.5 });
  write([v(data.sender.office), '　電話 ', v(data.sender.phone)], { x: left + indent, width: width - indent, size: SMALL + 0.5 });
  doc.moveDown(0.5);
  write('この照会書は、ご本人の住民票の住所へ転送不要の郵便でお送りしています。暗証番号は、郵便・電話・電子メールでお伝えいただくことはできません。', {
    x: left,
    width,
    size: 10,
  });

  // Page 2: 回答書 (the page that comes back, sealed: its numbers and QR code are read at the counter)
  doc.addPage();
  write('回答書', { x: left, y: PAGE.margin, width, size: 18, bold: true, align: 'center' });
  drawQr(PAGE.width - PAGE.margin - 18 * MM, PAGE.margin - 4 * MM, 18 * MM);
  write(['照会番号 ', v(data.inquiryNumber)], { x: left, y: PAGE.margin + 8 * MM, size: SMALL });
  write(['確認コード ', v(data.checkCode)], { x: left, size: SMALL });
  doc.moveDown(0.6);
  write(['代理人　', v(data.agent.name)], { x: left, width, bold: true });
  doc.moveDown(0.4);
  write('あてはまる方の□に✓を記入してください。', { x: left, width, size: SMALL });
  doc.moveDown(0.3);
  const choice = (label: string) => {
    const top = doc.y;
    doc
      .rect(left + indent, top + 1, 4 * MM, 4 * MM)
      .lineWidth(0.8)
      .stroke();
    write(label, { x: left + indent + 6 * MM, y: top, width: width - indent - 6 * MM });
    doc.moveDown(0.3);
  };
  choice('上記の代理人に、暗証番号の再設定を依頼しました');
  choice('依頼していません（この場合は、回答書を代理人に渡さず、窓口へご連絡ください）');
  doc.moveDown(0.4);
  write('回答者（ご本人）', { x: left, width, bold: true });
  const blank = (label: string, lineTo: number) => {
    doc.moveDown(0.5);
    const baseline = doc.y;
    write(label, { x: left + indent, width: 30 * MM, size: SMALL });
    doc
      .moveTo(left + indent + 22 * MM, baseline + 2)
      .lineTo(left + lineTo, baseline + 2)
      .lineWidth(0.6)
      .stroke();
  };
  blank('住所', width);
  blank('氏名', 110 * MM);
  blank('生年月日', 110 * MM);
  doc.moveDown(0.8);
  write('新しい暗証番号を、1マスに1文字ずつ記入してください。', { x: left, width, size: SMALL + 0.5 });
  if (data.pins.some((p) => p !== 'signature')) {
    write('数字4桁の暗証番号は3つとも同じ番号にできます。', { x: left, width, size: SMALL });
  }
  write('生年月日や電話番号、同じ数字の並び（1111など）のように推測されやすい番号は避けてください。', { x: left, width, size: SMALL });
  doc.moveDown(0.3);
  for (const pin of data.pins) {
    const boxes = pin === 'signature' ? 16 : 4;
    write([PIN.labels[pin], '　'], { x: left, width, bold: true, size: SMALL + 0.5 });
    write(PIN_FORMAT[pin].description.ja, { x: left, width, size: 10 });
    const top = doc.y + 4;
    const box = 8 * MM;
    for (let i = 0; i < boxes; i++)
      doc
        .rect(left + i * box, top, box, box)
        .lineWidth(0.8)
        .stroke();
    doc.y = top + box + 8 + BODY; // the next line sits on doc.y as its baseline
  }
  doc.moveDown(0.2);
  write('記入日　令和　　年　　月　　日', { x: left, width, size: SMALL + 0.5 });
  doc.moveDown(0.5);
  const signatureBaseline = doc.y;
  write('本人署名', { x: left, width });
  doc
    .moveTo(left + 25 * MM, signatureBaseline + 2)
    .lineTo(left + 110 * MM, signatureBaseline + 2)
    .lineWidth(0.8)
    .stroke();
  doc.moveDown(0.9);
  write(['回答期限　', v(deadline)], { x: left, width, bold: true });
  doc.moveDown(0.4);
  write(
    '記入が終わったら、この回答書を同封の封筒に入れて封をし、代理人にお渡しください。封のされていない回答書は受け付けできません。暗証番号は誰にも見せないでください。',
    { x: left, width, size: SMALL },
  );

  doc.off('pageAdded', countPage);
  if (pages !== PAGES_PER_LETTER) throw new RangeError(`照会書兼回答書 ${data.inquiryNumber} does not fit on ${PAGES_PER_LETTER} pages`);
  return [...missing];
}
