/**
 * The fixed wording's lines, set by pdfkit once per process and written again byte for byte.
 *
 * A line of fixed wording at the same place, in the same face and size, wraps the same way and
 * writes the same operators to the page in every letter; only the glyph numbers in it depend on
 * the document (its font subset numbers glyphs in the order it first meets them). pdfkit's line
 * wrapper and text writer were most of a letter's time, so a line set once is kept: what it wrote
 * to the page, the text of each fragment with the glyph numbers it got, and where it left the
 * cursor. In a later document the fragments are encoded again (which adds their glyphs to the
 * subset, as setting them would) and the kept bytes are written only if every glyph number is the
 * same; otherwise the line is set by pdfkit and kept as another variant.
 */

/** What is read and written of pdfkit's document and embedded font (pdfkit exports no types for them). */
interface PdfkitText {
  x: number;
  y: number;
  page: { fonts: Record<string, unknown>; write(chunk: Uint8Array): void; maxY(): number };
  _font: EmbeddedFont;
  _wrapper: unknown;
  addContent(data: string): unknown;
}
interface EmbeddedFont {
  id: string;
  subset: { glyphs: number[] };
  ref(): unknown;
  encode(text: string, features?: unknown): [string[], unknown[]];
}

interface SetLine {
  /** The operators pdfkit wrote to the page's content stream, as it wrote them. */
  content: Uint8Array;
  /** Each fragment pdfkit encoded, and the glyph numbers it got. */
  fragments: { text: string; glyphs: string }[];
  /** Where pdfkit left the cursor. */
  x: number;
  y: number;
}

/** A letter sets a few dozen fixed lines; each may have a few variants (the PINs asked for change the numbering). */
const REMEMBERED_LINES = 2000;
const VARIANTS = 4;
const lines = new Map<string, SetLine[]>();

/**
 * Set a line of fixed wording in the document's current face and size: as kept, when an earlier
 * document set the same line at the same place and its glyphs are numbered the same here; else by
 * `draw` (pdfkit's `text`), which is then kept. `where` names everything else `draw` depends on
 * (the text, the position, the width and alignment).
 */
export function setFixedLine(document: PDFKit.PDFDocument, where: string, draw: () => void): void {
  const doc = document as unknown as PdfkitText;
  const font = doc._font;
  const key = `${font.id}\u0000${font.subset.glyphs.length}\u0000${doc.page.maxY()}\u0000${where}`;
  const variants = lines.get(key);
  if (variants) for (const line of variants) if (replay(doc, line)) return;
  const line = record(doc, draw);
  if (!line) return;
  if (!variants && lines.size >= REMEMBERED_LINES) lines.clear();
  const kept = lines.get(key) ?? [];
  if (kept.length >= VARIANTS) kept.shift();
  kept.push(line);
  lines.set(key, kept);
}

function replay(doc: PdfkitText, line: SetLine): boolean {
  const font = doc._font;
  // Encoding adds the glyphs to the subset in the order setting the line would: harmless if it then differs.
  for (const fragment of line.fragments) if (font.encode(fragment.text)[0].join('') !== fragment.glyphs) return false;
  doc.page.fonts[font.id] ??= font.ref();
  doc.page.write(line.content);
  doc.x = line.x;
  doc.y = line.y;
  return true;
}

/** Set the line with `draw`, watching what it writes; a line that went on to a new page is not kept. */
function record(doc: PdfkitText, draw: () => void): SetLine | undefined {
  const font = doc._font;
  const page = doc.page;
  const content: string[] = [];
  const fragments: SetLine['fragments'] = [];
  const { addContent } = doc;
  const { encode } = font;
  doc.addContent = function (this: PdfkitText, data: string) {
    content.push(data);
    return addContent.call(this, data);
  };
  font.encode = function (this: EmbeddedFont, text: string, features?: unknown) {
    const encoded = encode.call(this, text, features);
    fragments.push({ text, glyphs: encoded[0].join('') });
    return encoded;
  };
  try {
    draw();
  } finally {
    // The methods were own properties shadowing the classes' for the one call; deleting them restores those.
    delete (doc as Partial<PdfkitText>).addContent;
    delete (font as Partial<EmbeddedFont>).encode;
  }
  if (doc.page !== page || doc._wrapper || doc._font !== font) return undefined;
  // pdfkit ends every operator it writes with a newline, as bytes of the string's char codes.
  return { content: Buffer.from(content.map((data) => `${data}\n`).join(''), 'latin1'), fragments, x: doc.x, y: doc.y };
}
