import { SecondChanceMap } from './second-chance-map';

/**
 * Lines set by pdfkit once per process and written again.
 *
 * A line of the same text, in the same faces and size, at the same place, wraps the same way and
 * writes the same operators to the page in every document; only the glyph numbers in it depend on
 * the document (its font subsets number glyphs in the order they first meet them). pdfkit's line
 * wrapper and text writer were most of a letter's time, so a line that comes again is kept: what
 * it wrote to the page, the glyphs of each fragment it encoded, and where it left the cursor. In a
 * later document the glyphs are encoded again, in the same order — which adds them to the subsets
 * exactly as setting the line would — and the kept operators are written with the glyph numbers
 * this document gave them: the same bytes as pdfkit setting the line there.
 *
 * That is the letter's fixed wording in every letter, and the city's own words (the counter, its
 * address, what to bring) in every letter of a city. A line is kept from its second time: names,
 * addresses and numbers, set once, are not kept. When the lines kept are many, the one kept longest
 * and not written since it was last passed over goes (a worker serving many cities keeps the lines
 * every letter has, and forgets those of a city it no longer prints for).
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
export interface EmbeddedFont {
  id: string;
  ref(): unknown;
  encode(text: string, features?: unknown): [string[], unknown[]];
  layout(text: string): { glyphs: Glyph[] };
  subset: { includeGlyph(glyphId: number): number };
  /** Per glyph number in this document's subset: its advance (thousandths of the size), its characters. */
  widths: (number | undefined)[];
  unicode: (number[] | undefined)[];
  scale: number;
}
interface Glyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

interface KeptLine {
  /** The operators pdfkit wrote, cut where its glyph numbers were: `pieces[i]`, glyphs, `pieces[i + 1]`… */
  pieces: string[];
  /** How many hex digits of glyph numbers go between each two pieces. */
  glyphHex: number[];
  /** Each fragment pdfkit encoded, in order: the face (an index into the line's faces) and the glyphs it laid out. */
  fragments: { face: number; glyphs: Glyph[] }[];
  /** Where pdfkit left the cursor. */
  x: number;
  y: number;
}

/** A letter sets about sixty lines; a print run of one city repeats its own few dozen more. */
const REMEMBERED_LINES = 4000;
/** Lines seen once, remembered by key only, so that a line is kept when it comes again. */
const SEEN_ONCE = 20000;
const lines = new SecondChanceMap<string, KeptLine>(REMEMBERED_LINES);
const seenOnce = new Set<string>();

/**
 * Set a line: as kept, when an earlier document set it; else by `draw` (pdfkit's `text`, in the
 * faces `faces`, which pdfkit has already opened in this document, in the order `draw` uses them).
 * `where` names everything else `draw` depends on (the text of each run and its face, the size,
 * the position, the width and alignment, the cursor).
 */
export function setKeptLine(document: PDFKit.PDFDocument, faces: readonly EmbeddedFont[], where: string, draw: () => void): void {
  const doc = document as unknown as PdfkitText;
  if (!faces.length) return draw();
  const key = `${faces.map((face) => face.id).join(',')}\u0000${doc.page.maxY()}\u0000${where}`;
  const kept = lines.get(key);
  if (kept) {
    replay(doc, faces, kept);
    return;
  }
  if (!seenOnce.has(key)) {
    if (seenOnce.size >= SEEN_ONCE) seenOnce.clear();
    seenOnce.add(key);
    draw();
    return;
  }
  seenOnce.delete(key);
  const line = record(doc, faces, draw);
  if (!line) return;
  lines.set(key, line);
}

/** Glyph numbers as pdfkit writes them (four hex digits), made once. */
const HEX: string[] = [];

function replay(doc: PdfkitText, faces: readonly EmbeddedFont[], line: KeptLine): void {
  // What pdfkit's `encode` does with the glyphs of each fragment, in the same order (so the subsets
  // take the same glyphs under the same numbers), without laying the text out again.
  let glyphs = '';
  for (const fragment of line.fragments) {
    const face = faces[fragment.face]!;
    for (const glyph of fragment.glyphs) {
      const gid = face.subset.includeGlyph(glyph.id);
      glyphs += HEX[gid] ??= gid.toString(16).padStart(4, '0');
      face.widths[gid] ??= glyph.advanceWidth * face.scale;
      face.unicode[gid] ??= glyph.codePoints;
    }
  }
  let content = line.pieces[0]!;
  for (let i = 0, at = 0; i < line.glyphHex.length; at += line.glyphHex[i]!, i++) {
    content += glyphs.slice(at, at + line.glyphHex[i]!) + line.pieces[i + 1]!;
  }
  for (const face of faces) doc.page.fonts[face.id] ??= face.ref();
  doc.page.write(Buffer.from(content, 'latin1'));
  doc.x = line.x;
  doc.y = line.y;
}

/** Set the line with `draw`, watching what it writes; a line that went on to a new page, or used a face not named, is not kept. */
function record(doc: PdfkitText, faces: readonly EmbeddedFont[], draw: () => void): KeptLine | undefined {
  const page = doc.page;
  const content: string[] = [];
  const fragments: KeptLine['fragments'] = [];
  let glyphs = '';
  let unnamedFace = false;
  const embeddedFontClass = Object.getPrototypeOf(faces[0]) as EmbeddedFont;
  const { addContent } = doc;
  const { encode } = embeddedFontClass;
  doc.addContent = function (this: PdfkitText, data: string) {
    content.push(data);
    return addContent.call(this, data);
  };
  embeddedFontClass.encode = function (this: EmbeddedFont, text: string, features?: unknown) {
    const encoded = encode.call(this, text, features);
    const face = faces.indexOf(this);
    if (face < 0 || features) unnamedFace = true;
    // The glyphs pdfkit just encoded: its layout of the text, as it keeps it.
    fragments.push({ face, glyphs: this.layout(text).glyphs });
    glyphs += encoded[0].join('');
    return encoded;
  };
  try {
    draw();
  } finally {
    // The document's method was an own property shadowing the class's for the one call; deleting it restores that.
    delete (doc as Partial<PdfkitText>).addContent;
    embeddedFontClass.encode = encode;
  }
  if (unnamedFace || doc.page !== page || doc._wrapper) return undefined;
  // pdfkit ends every operator it writes with a newline, and writes glyph numbers only as hex strings (`<…>`).
  const written = content.map((data) => `${data}\n`).join('');
  const pieces: string[] = [];
  const glyphHex: number[] = [];
  let from = 0;
  let found = '';
  for (const match of written.matchAll(/<([0-9a-f]*)>/g)) {
    pieces.push(written.slice(from, match.index + 1));
    glyphHex.push(match[1]!.length);
    found += match[1];
    from = match.index + match[0].length - 1;
  }
  pieces.push(written.slice(from));
  if (found !== glyphs) return undefined;
  return { pieces, glyphHex, fragments, x: doc.x, y: doc.y };
}
