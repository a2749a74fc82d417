import PDFDocument from 'pdfkit';
import { formatJapaneseDate, japanDayStart, type IsoDate } from '@madoguchi/domain';
import { addressLines } from './address-lines';
import { setKeptLine, type EmbeddedFont } from './kept-lines';
import { fontRuns, type FontRun, type LetterFonts } from './fonts';

/**
 * What every printed document shares: A4 in millimetres, the envelope window, the PDF with the
 * letter fonts, and the line writer that sets fixed wording and data in their own embeddings.
 */

/** A piece of a line: the letter's fixed wording, or data (`v(...)`) that differs from letter to letter. */
export type Part = string | { data: string };
export const v = (data: string): Part => ({ data });

export const MM = 72 / 25.4;
export const PAGE = { width: 210 * MM, height: 297 * MM, margin: 20 * MM };
/** The address window of a 長3 window envelope, with an A4 sheet folded in three. */
export const WINDOW = { x: 23 * MM, y: 14 * MM, width: 90 * MM, height: 45 * MM };
/** Where the printer can print: nothing is set closer than this to the sheet's edge. */
export const PRINTABLE_MARGIN = 10 * MM;
export const BODY = 12.5;
export const SMALL = 11;

export interface PdfOutput {
  doc: PDFKit.PDFDocument;
  bytes: Promise<Buffer>;
}

/**
 * A PDF document dated `createdOn` (its only date, so the same data gives the same bytes), with
 * the letter fonts registered. pdfkit's default Helvetica is not loaded: the letter never uses it.
 */
export function openDocument(createdOn: IsoDate, title: string, fonts: LetterFonts): PdfOutput {
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    autoFirstPage: false,
    font: null as unknown as string,
    info: { CreationDate: japanDayStart(createdOn), Title: title, Producer: 'Madoguchi', Creator: 'Madoguchi' },
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

export type WriteOptions = PDFKit.Mixins.TextOptions & { x?: number; y?: number; size?: number; bold?: boolean };
export type Write = (parts: Part | Part[], options?: WriteOptions) => void;

/**
 * The line writer of a document: a line made of fixed wording (plain strings) and data (`v(...)`:
 * names, addresses, numbers, dates). They are set in two embeddings of the same face: the fixed
 * wording is the same glyphs in every document, so its font file is built once per process (see
 * fonts.ts). Data falls back per character to the second face, and to 〓, as fontRuns decides; the
 * characters printed as 〓 are added to `missing`.
 */
export function lineWriter(doc: PDFKit.PDFDocument, fonts: LetterFonts, missing: Set<string>): Write {
  return (parts, options = {}) => {
    const { x, y, size = BODY, bold = false, ...rest } = options;
    doc.fontSize(size);
    const runs: { font: string; text: string }[] = [];
    for (const part of Array.isArray(parts) ? parts : [parts]) {
      const isData = typeof part !== 'string';
      for (const run of isData ? fontRuns(part.data, fonts, missing) : wordingRuns(part, fonts, missing)) {
        // Data is never set in bold: a third embedded subset per letter would cost more than it shows.
        const font = run.font === 'fallback' ? 'fallback' : isData ? 'data' : bold ? 'fixedBold' : 'fixed';
        const last = runs.at(-1);
        if (last?.font === font) last.text += run.text;
        else runs.push({ font, text: run.text });
      }
    }
    if (!runs.length) return;
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
    // The faces the line is set in, opened in the order setting it opens them (pdfkit numbers them so).
    const faces: EmbeddedFont[] = [];
    for (const run of runs) {
      const face = (doc.font(run.font) as unknown as { _font: EmbeddedFont })._font;
      if (!faces.includes(face)) faces.push(face);
    }
    // Set once per process and written again when the same line comes again (kept-lines.ts).
    let where = `${size}\u0000${startX}\u0000${y}\u0000${doc.x}\u0000${doc.y}\u0000${optionsKey(rest)}`;
    for (const run of runs) where += `\u0000${run.font}\u0000${run.text}`;
    setKeptLine(doc, faces, where, () =>
      runs.forEach((run, i) => {
        doc.font(run.font);
        // One baseline for every run: the fonts' ascenders differ, and a top-aligned run would jump.
        const opts = { ...rest, baseline: 'alphabetic' as const, continued: i < runs.length - 1 };
        // Callers give the top of the line; with an alphabetic baseline that is one font size lower.
        if (i === 0 && startX !== undefined) doc.text(run.text, startX, (y ?? doc.y - size) + size, opts);
        else doc.text(run.text, opts);
      }),
    );
  };
}

/** The fixed wording's runs, the same in every letter: split once (per set of fonts). */
const wordings = new WeakMap<LetterFonts, Map<string, { runs: FontRun[]; missing: string[] }>>();
const REMEMBERED_WORDINGS = 2000;
function wordingRuns(text: string, fonts: LetterFonts, missing: Set<string>): readonly FontRun[] {
  let known = wordings.get(fonts);
  if (!known) wordings.set(fonts, (known = new Map()));
  let split = known.get(text);
  if (!split) {
    const own = new Set<string>();
    split = { runs: fontRuns(text, fonts, own), missing: [...own] };
    if (known.size >= REMEMBERED_WORDINGS) known.clear();
    known.set(text, split);
  }
  for (const ch of split.missing) missing.add(ch);
  return split.runs;
}

/** The text options a line's key names: those the letters use, or all of them (JSON, slower) if others. */
function optionsKey(options: PDFKit.Mixins.TextOptions): string {
  for (const key in options) if (key !== 'width' && key !== 'align' && key !== 'lineBreak') return JSON.stringify(options);
  return `${options.width}\u0000${options.align}\u0000${options.lineBreak}`;
}

/**
 * The envelope window: 転送不要 (the letter must not follow the holder elsewhere), the 〒 and
 * address (wrapped only where an address may break), the name with 様. A document whose address
 * does not fit the window is refused rather than printed half hidden.
 */
export function drawWindowAddress(doc: PDFKit.PDFDocument, write: Write, to: { name: string; postalCode: string; address: string }, what: string): void {
  const addressSize = 12;
  write('転送不要', { x: WINDOW.x, y: WINDOW.y, size: 10, bold: true });
  write(['〒', v(to.postalCode)], { x: WINDOW.x, y: WINDOW.y + 16, size: addressSize });
  doc.font('data').fontSize(addressSize);
  for (const line of addressLines(to.address, (l) => doc.widthOfString(l) <= WINDOW.width * 0.98)) {
    write(v(line), { x: WINDOW.x, width: WINDOW.width, size: addressSize });
    doc.moveDown(0.1);
  }
  doc.moveDown(0.3);
  write([v(to.name), ' 様'], { x: WINDOW.x, width: WINDOW.width, size: 15 });
  if (doc.y > WINDOW.y + WINDOW.height) throw new RangeError(`${what}: the address does not fit in the envelope window`);
}

/** The right-hand column beside the window: where the issuer's block and what follows it are set. */
export const ISSUER_COLUMN = { x: 125 * MM, width: PAGE.width - 125 * MM - PAGE.margin };

/**
 * The issuer's block, right-aligned beside the window: the document's number (once it has one),
 * its date, the issuer and 「（公印省略）」. Answers where the next line of the column goes.
 */
export function drawIssuerBlock(write: Write, block: { number: string | null; issuedOn: IsoDate; issuer: string }): number {
  const { x, width } = ISSUER_COLUMN;
  let y = WINDOW.y;
  if (block.number) write(v(block.number), { x, y, size: SMALL, width, align: 'right' });
  y += 15;
  write(v(formatJapaneseDate(block.issuedOn)), { x, y, size: SMALL, width, align: 'right' });
  y += 17;
  write(v(block.issuer), { x, y, size: 12, width, align: 'right' });
  y += 15;
  write('（公印省略）', { x, y, size: 9, width, align: 'right' });
  return y + 18;
}
