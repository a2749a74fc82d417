import { formatJapaneseDate, MAIL_PIECE_KIND, POSTAGE_PAYMENT, type IsoDate, type MailPieceKind, type PostagePayment } from '@madoguchi/domain';
import { letterFonts } from './fonts';
import { lineWriter, MM, openDocument, PAGE, SMALL, v } from './pdf';

/** A day's 発送簿 of one office: its runs' lines, in order, with the count and the postage. */
export interface MailLedgerData {
  day: IsoDate;
  office: string;
  lines: readonly {
    kind: MailPieceKind;
    documentNumber: string;
    addresseeName: string;
    postalCode: string;
    mailClass: string;
  }[];
  pieceCount: number;
  postageYen: number;
  postageTotal: number;
  postagePayment: PostagePayment;
  /** Who confirmed each run mailed, and when (HH:MM). */
  confirmations: readonly { by: string; at: string; pieces: number }[];
}

/** The ledger as a PDF: a table with its header on every page, then the totals and who confirmed. */
export async function renderMailLedger(data: MailLedgerData): Promise<Buffer> {
  const fonts = letterFonts();
  const { doc, bytes } = openDocument(data.day, `発送簿 ${data.day}`, fonts);
  const write = lineWriter(doc, fonts, new Set());
  const left = PAGE.margin;
  const width = PAGE.width - 2 * PAGE.margin;
  const columns = [
    { title: 'No.', width: 10 * MM },
    { title: '種別', width: 26 * MM },
    { title: '文書番号', width: 34 * MM },
    { title: '宛名', width: 46 * MM },
    { title: '郵便番号', width: 24 * MM },
    { title: '郵便', width: width - 140 * MM },
  ];
  const rowHeight = 6.5 * MM;
  const bottom = PAGE.height - PAGE.margin - 30 * MM;
  let page = 0;
  const header = () => {
    doc.addPage();
    page++;
    write('発送簿', { x: left, y: PAGE.margin, width, size: 16, bold: true, align: 'center' });
    write(['発送日　', v(formatJapaneseDate(data.day)), '　　窓口　', v(data.office)], { x: left, y: PAGE.margin + 9 * MM, width, size: SMALL });
    write(v(`${page}`), { x: left, y: PAGE.margin + 9 * MM, width, size: SMALL, align: 'right' });
    let x = left;
    const top = PAGE.margin + 17 * MM;
    for (const c of columns) {
      write(c.title, { x: x + 1 * MM, y: top, width: c.width - 2 * MM, size: 10, bold: true });
      x += c.width;
    }
    doc
      .moveTo(left, top + rowHeight - 1 * MM)
      .lineTo(left + width, top + rowHeight - 1 * MM)
      .lineWidth(0.8)
      .stroke();
    return top + rowHeight;
  };
  let y = header();
  data.lines.forEach((line, i) => {
    if (y > bottom) y = header();
    const cells = [String(i + 1), MAIL_PIECE_KIND.labels[line.kind], line.documentNumber, `${line.addresseeName} 様`, line.postalCode, line.mailClass];
    let x = left;
    cells.forEach((cell, c) => {
      const column = columns[c]!;
      write(c === 1 ? cell : v(cell), { x: x + 1 * MM, y, width: column.width - 2 * MM, height: rowHeight, ellipsis: true, lineBreak: false, size: 10 });
      x += column.width;
    });
    y += rowHeight;
  });
  if (y > bottom) y = header();
  doc
    .moveTo(left, y)
    .lineTo(left + width, y)
    .lineWidth(0.8)
    .stroke();
  y += 3 * MM;
  write(['通数　', v(`${data.pieceCount}通`)], { x: left, y, width, size: SMALL + 1, bold: true });
  doc.moveDown(0.4);
  write(
    [
      '郵便料金　',
      v(
        `${data.postageYen.toLocaleString('ja-JP')}円 × ${data.pieceCount}通 ＝ ${data.postageTotal.toLocaleString('ja-JP')}円（${POSTAGE_PAYMENT.labels[data.postagePayment]}）`,
      ),
    ],
    {
      x: left,
      width,
      size: SMALL + 1,
      bold: true,
    },
  );
  doc.moveDown(0.4);
  for (const c of data.confirmations) write(['発送確認　', v(`${c.at} ${c.by}（${c.pieces}通）`)], { x: left, width, size: SMALL });
  doc.end();
  return bytes;
}
