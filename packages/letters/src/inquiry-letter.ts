import { formatJapaneseDate, PIN, PIN_FORMAT, type IsoDate, type Pin } from '@madoguchi/domain';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { fontRuns, letterFonts, type LetterFonts } from './fonts';

/** Everything the letter prints; nothing else reaches the template. */
export interface InquiryLetterData {
  /** 発行日: also the PDF's creation date, so the same data gives the same bytes. */
  issuedOn: IsoDate;
  replyDeadline: IsoDate;
  inquiryNumber: string;
  checkCode: string;
  holder: { name: string; postalCode: string; address: string };
  agent: { name: string };
  pins: readonly Pin[];
  sender: { municipality: string; office: string; postalCode: string; address: string; phone: string };
}

export interface RenderedLetter {
  pdf: Buffer;
  /** Characters no font could print (shown as 〓 on the letter), for staff to write in by hand. */
  missingCharacters: string[];
}

/** A piece of a line: the letter's fixed wording, or data (`v(...)`) that differs from letter to letter. */
type Part = string | { data: string };
const v = (data: string): Part => ({ data });

/** Pages of one letter: the inquiry, and the reply the holder seals (printed single-sided). */
export const PAGES_PER_LETTER = 2;

const MM = 72 / 25.4;
const PAGE = { width: 210 * MM, height: 297 * MM, margin: 20 * MM };
/** The address window of a 長3 window envelope, with an A4 sheet folded in three. */
const WINDOW = { x: 23 * MM, y: 14 * MM, width: 90 * MM };
const BODY = 12.5;

interface PdfOutput {
  doc: PDFKit.PDFDocument;
  bytes: Promise<Buffer>;
}

/**
 * A PDF document dated `createdOn` (its only date, so the same data gives the same bytes), with
 * the letter fonts registered. pdfkit's default Helvetica is not loaded: the letter never uses it.
 */
function openDocument(createdOn: IsoDate, title: string, fonts: LetterFonts): PdfOutput {
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    autoFirstPage: false,
    font: null as unknown as string,
    info: { CreationDate: new Date(`${createdOn}T00:00:00+09:00`), Title: title, Producer: 'Madoguchi', Creator: 'Madoguchi' },
  });
  // pdfkit takes an already parsed fontkit font as a source (it checks for `layout`); its types only list files and buffers.
  const source = (font: LetterFonts['main']) => font as unknown as PDFKit.Mixins.PDFFontSource;
  doc.registerFont('fixed', source(fonts.fixed));
  doc.registerFont('fixedBold', source(fonts.fixedBold));
  doc.registerFont('data', source(fonts.main));
  doc.registerFont('fallback', source(fonts.fallback));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, bytes };
}

/** 照会書兼回答書 as its own PDF: page 1 the inquiry to the holder, page 2 the reply they fill in and seal. */
export async function renderInquiryLetter(data: InquiryLetterData): Promise<RenderedLetter> {
  const fonts = letterFonts();
  const { doc, bytes } = openDocument(data.issuedOn, '照会書兼回答書', fonts);
  const missing = drawInquiryLetter(doc, data, fonts);
  doc.end();
  return { pdf: await bytes, missingCharacters: missing };
}

/**
 * Many letters as one PDF for a print run, in the order given, each starting on a new sheet.
 * The fonts are embedded once for the whole run, so the file stays small.
 */
export async function renderLetterBatch(letters: readonly InquiryLetterData[], printedOn: IsoDate): Promise<{ pdf: Buffer; pages: number }> {
  if (!letters.length) throw new RangeError('a print run needs at least one letter');
  const fonts = letterFonts();
  const { doc, bytes } = openDocument(printedOn, '照会書兼回答書（印刷バッチ）', fonts);
  for (const letter of letters) drawInquiryLetter(doc, letter, fonts);
  doc.end();
  return { pdf: await bytes, pages: letters.length * PAGES_PER_LETTER };
}

/**
 * Draw one letter on two new pages of `doc`; answers the characters printed as 〓. A letter that
 * would spill onto a third page is refused rather than printed with its reply split.
 */
function drawInquiryLetter(doc: PDFKit.PDFDocument, data: InquiryLetterData, fonts: LetterFonts): string[] {
  const missing = new Set<string>();
  let pages = 0;
  const countPage = () => pages++;
  doc.on('pageAdded', countPage);
  /**
   * Write a line made of the letter's fixed wording (plain strings) and its data (`v(...)`: names,
   * addresses, numbers, dates). They are set in two embeddings of the same face: the fixed wording
   * is the same glyphs in every letter, so its font file is built once per process (see fonts.ts).
   * Data falls back per character to the second face, and to 〓, as fontRuns decides.
   */
  const write = (parts: Part | Part[], options: PDFKit.Mixins.TextOptions & { x?: number; y?: number; size?: number; bold?: boolean } = {}) => {
    const { x, y, size = BODY, bold = false, ...rest } = options;
    doc.fontSize(size);
    const runs: { font: string; text: string }[] = [];
    for (const part of Array.isArray(parts) ? parts : [parts]) {
      const isData = typeof part !== 'string';
      for (const run of fontRuns(isData ? part.data : part, fonts, missing)) {
        // Data is never set in bold: a third embedded subset per letter would cost more than it shows.
        const font = run.font === 'fallback' ? 'fallback' : isData ? 'data' : bold ? 'fixedBold' : 'fixed';
        const last = runs.at(-1);
        if (last?.font === font) last.text += run.text;
        else runs.push({ font, text: run.text });
      }
    }
    // pdfkit aligns each run of a continued line on its own, so runs in several fonts overlap when
    // centred or right-aligned: such a one-line run set is placed by its measured width instead.
    let startX = x;
    if (runs.length > 1 && (rest.align === 'right' || rest.align === 'center')) {
      const total = runs.reduce((sum, run) => sum + doc.font(run.font).widthOfString(run.text), 0);
      const free = (rest.width ?? PAGE.width - 2 * PAGE.margin) - total;
      startX = (x ?? doc.x) + (rest.align === 'right' ? free : free / 2);
      rest.align = 'left';
      rest.lineBreak = false;
    }
    runs.forEach((run, i) => {
      doc.font(run.font);
      // One baseline for every run: the fonts' ascenders differ, and a top-aligned run would jump.
      const opts = { ...rest, baseline: 'alphabetic' as const, continued: i < runs.length - 1 };
      // Callers give the top of the line; with an alphabetic baseline that is one font size lower.
      if (i === 0 && startX !== undefined) doc.text(run.text, startX, (y ?? doc.y - size) + size, opts);
      else doc.text(run.text, opts);
    });
  };
  const qr = QRCode.create(`${data.inquiryNumber} ${data.checkCode}`, { errorCorrectionLevel: 'M' });
  const drawQr = (x: number, y: number, size: number) => {
    const cells = qr.modules.size;
    const cell = size / cells;
    for (let r = 0; r < cells; r++) for (let c = 0; c < cells; c++) if (qr.modules.get(r, c)) doc.rect(x + c * cell, y + r * cell, cell, cell);
    doc.fill('black');
  };
  const pinLabels = data.pins.map((p) => PIN.labels[p]);
  const deadline = formatJapaneseDate(data.replyDeadline);

  // Page 1: 照会書
  doc.addPage();
  write(['〒', v(data.holder.postalCode)], { x: WINDOW.x, y: WINDOW.y, size: 12 });
  write(v(data.holder.address), { width: WINDOW.width, size: 12 });
  doc.moveDown(0.4);
  write([v(data.holder.name), ' 様'], { width: WINDOW.width, size: 16 });

  const right = 125 * MM;
  write(v(formatJapaneseDate(data.issuedOn)), { x: right, y: WINDOW.y, size: 11 });
  write(['照会番号 ', v(data.inquiryNumber)], { x: right, y: WINDOW.y + 18, size: 12, bold: true });
  write(['確認コード ', v(data.checkCode)], { x: right, y: WINDOW.y + 36, size: 12, bold: true });
  drawQr(right, WINDOW.y + 56, 24 * MM);

  write(v(`${data.sender.municipality} ${data.sender.office}`), { x: right, y: WINDOW.y + 56 + 26 * MM, size: 11 });
  write(['〒', v(`${data.sender.postalCode} ${data.sender.address}`)], { x: right, width: PAGE.width - right - PAGE.margin, size: 10 });
  doc.moveDown(0.2);
  write(['電話 ', v(data.sender.phone)], { x: right, size: 11 });

  const left = PAGE.margin;
  const width = PAGE.width - 2 * PAGE.margin;
  write('マイナンバーカードの暗証番号の再設定についての照会書', { x: left, y: 105 * MM, width, size: 17, bold: true, align: 'center' });
  doc.moveDown(1);
  write('次の方から、あなたの代理人として、あなたのマイナンバーカードの暗証番号を再設定する申請がありました。', { x: left, width });
  doc.moveDown(0.5);
  write(['代理人　', v(data.agent.name), ' 様'], { x: left + 10 * MM, width: width - 10 * MM, bold: true });
  write(`再設定する暗証番号　${pinLabels.join('、')}`, { x: left + 10 * MM, width: width - 10 * MM });
  doc.moveDown(0.8);
  write('あなたがこの方に申請を頼んだ場合は、2枚目の回答書に記入し、同封の封筒に入れて封をしたうえで、代理人にお渡しください。代理人が回答書をお持ちになり、あらためて窓口で手続をします。', { x: left, width });
  doc.moveDown(0.5);
  write(['回答期限　', v(deadline), '（この日までに代理人が窓口へお持ちください）'], { x: left, width, bold: true });
  doc.moveDown(0.8);
  write('この申請に心当たりがない場合は、回答書を誰にも渡さず、すぐに下記の窓口へお電話ください。', { x: left, width, bold: true });
  write([v(`${data.sender.municipality} ${data.sender.office}`), '　電話 ', v(data.sender.phone)], { x: left + 10 * MM, width: width - 10 * MM });
  doc.moveDown(0.8);
  write('この照会書は、ご本人の住民票の住所へ転送不要の郵便でお送りしています。暗証番号は、郵便・電話・電子メールでお伝えいただくことはできません。', { x: left, width, size: 11 });

  // Page 2: 回答書
  doc.addPage();
  write('回答書', { x: left, y: PAGE.margin, width, size: 18, bold: true, align: 'center' });
  doc.moveDown(0.3);
  write(['照会番号 ', v(data.inquiryNumber), '　確認コード ', v(data.checkCode)], { x: left, width, size: 11, align: 'right' });
  doc.moveDown(0.8);
  write('私は、次の者を代理人として、マイナンバーカードの暗証番号の再設定を依頼しました。', { x: left, width });
  doc.moveDown(0.4);
  write(['代理人　', v(data.agent.name)], { x: left + 10 * MM, width: width - 10 * MM, bold: true });
  doc.moveDown(0.8);
  write('新しい暗証番号を、1マスに1文字ずつ記入してください。', { x: left, width });
  doc.moveDown(0.4);
  for (const pin of data.pins) {
    const boxes = pin === 'signature' ? 16 : 4;
    write(PIN.labels[pin], { x: left, width, bold: true });
    write(PIN_FORMAT[pin].description, { x: left, width, size: 11 });
    const top = doc.y + 6;
    const box = 9 * MM;
    for (let i = 0; i < boxes; i++) doc.rect(left + i * box, top, box, box).lineWidth(0.8).stroke();
    doc.y = top + box + 10 + BODY; // the next line sits on doc.y as its baseline
  }
  doc.moveDown(0.5);
  write('記入日　令和　　年　　月　　日', { x: left, width });
  doc.moveDown(0.6);
  const signatureBaseline = doc.y;
  write('本人署名', { x: left, width });
  doc.moveTo(left + 25 * MM, signatureBaseline + 2).lineTo(left + 110 * MM, signatureBaseline + 2).lineWidth(0.8).stroke();
  doc.moveDown(1.2);
  write(['回答期限　', v(deadline)], { x: left, width, bold: true });
  doc.moveDown(0.6);
  write('記入が終わったら、この回答書を同封の封筒に入れて封をし、代理人にお渡しください。封のされていない回答書は受け付けできません。暗証番号は誰にも見せないでください。', { x: left, width });

  doc.off('pageAdded', countPage);
  if (pages !== PAGES_PER_LETTER) throw new RangeError(`照会書兼回答書 ${data.inquiryNumber} does not fit on ${PAGES_PER_LETTER} pages`);
  return [...missing];
}
