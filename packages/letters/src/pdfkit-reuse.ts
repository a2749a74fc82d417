import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { deflatePieces, piecesToDeflate } from './deflate-pieces';

/**
 * What pdfkit (and fontkit under it) would do again for every document but is the same in every
 * letter, done once per process. Neither has hooks for it, so three methods of their classes are
 * wrapped here, each doing what it did unless its input is marked by this module:
 *
 * - a stream whose one buffer is marked by `deflateOnce` (the fixed wording's 40 KB font file) is
 *   written with the compressed bytes made at its first use, not compressed again; a stream with
 *   pieces kept compressed (deflate-pieces.ts) is put together from them; every other stream is
 *   compressed at zlib's fastest level;
 * - a font marked by `shareLayouts` keeps the text runs pdfkit lays out for it — scaled and with
 *   their advances, as pdfkit caches them within one document — for every document: its line
 *   wrapper measures the same words letter after letter. A run is a pure function of the font and
 *   the text, and pdfkit only reads a run once it has cached it;
 * - a font marked by `shareUnicodeMaps` writes the same ToUnicode map (what text each glyph number
 *   stands for, so that the PDF's text can be searched and copied) as an earlier document whose
 *   glyphs it numbered the same way, compressed once: the fixed wording's map, some 300 glyphs long,
 *   is the same in every letter;
 * - a glyph of a font marked by `rememberOutlines` keeps its decoded outline: fontkit decodes it
 *   again for every subset that takes it (to see whether it is made of others), and every letter
 *   takes the same few hundred glyphs. A variable font's outlines depend on its axes and are not kept.
 */

const compressed = new WeakMap<Uint8Array, Buffer | null>();
/**
 * Every stream deflated at zlib's fastest level rather than pdfkit's default (6): a tenth less time
 * a letter for 4% more bytes (88 KB where it was 85), measured with bench/letters. The font subsets
 * and page contents of one letter are small; the time, not the bytes, is what a print run waits on.
 */
const FAST = 1;
const sharedLayouts = new WeakMap<object, Map<string, unknown>>();
/** Each face's remembered runs (a letter sets a few hundred words; names and addresses vary). */
const REMEMBERED_RUNS = 5000;

/** Mark a buffer as written the same way in every document: compressed once, reused. */
export function deflateOnce(bytes: Uint8Array): void {
  if (!compressed.has(bytes)) compressed.set(bytes, null);
}

const sharedUnicodeMaps = new WeakSet<object>();
/** Each ToUnicode map written, by the characters of its glyph numbers (64 at most: one a face and glyph order). */
const unicodeMaps = new Map<string, Uint8Array>();
const REMEMBERED_UNICODE_MAPS = 64;

/** Mark a font (as registered with pdfkit) whose ToUnicode maps are the same from document to document. */
export function shareUnicodeMaps(font: object): void {
  wrapEmbeddedFontClass(font);
  sharedUnicodeMaps.add(font);
}

/** Mark a font (as registered with pdfkit) whose laid-out runs every document may share. */
export function shareLayouts(font: object): void {
  wrapEmbeddedFontClass(font);
  if (!sharedLayouts.has(font)) sharedLayouts.set(font, new Map());
}

interface PdfStream {
  compress: boolean;
  buffer: Uint8Array[];
  finalize(): void;
}

const streamClass = Object.getPrototypeOf(new PDFDocument({ autoFirstPage: false, font: null as unknown as string }).ref({})) as PdfStream;
const finalizeStream = streamClass.finalize;
streamClass.finalize = function (this: PdfStream) {
  if (this.compress && this.buffer.length) {
    const only = this.buffer.length === 1 ? this.buffer[0]! : undefined;
    let deflated = only && compressed.get(only);
    if (!deflated) {
      const parts = piecesToDeflate(this.buffer);
      deflated = parts ? deflatePieces(parts, FAST) : deflateSync(only ?? Buffer.concat(this.buffer), { level: FAST });
    }
    if (only && compressed.has(only)) compressed.set(only, deflated);
    // Its Filter (FlateDecode) was set when the bytes were written; the Length follows the buffer.
    this.compress = false;
    this.buffer = [deflated];
  }
  finalizeStream.call(this);
};

interface EmbeddedFont {
  font: object;
  document: { ref(): { end(chunk: string | Uint8Array): void } };
  unicode: number[][];
  layoutCached(text: string): unknown;
  layoutRun(text: string): unknown;
  toUnicodeCmap(): unknown;
}

let embeddedFontWrapped = false;

/**
 * Wrap pdfkit's embedded-font class once, found through a throwaway document that uses `font` (the
 * class is not exported): for the fonts marked by `shareLayouts`, its per-document layout cache
 * becomes one per process.
 */
function wrapEmbeddedFontClass(font: object): void {
  if (embeddedFontWrapped) return;
  embeddedFontWrapped = true;
  const probe = new PDFDocument({ autoFirstPage: false, font: null as unknown as string });
  probe.registerFont('probe', font as unknown as PDFKit.Mixins.PDFFontSource);
  probe.font('probe');
  const embeddedFontClass = Object.getPrototypeOf((probe as unknown as { _font: EmbeddedFont })._font) as EmbeddedFont;
  const layoutCached = embeddedFontClass.layoutCached;
  embeddedFontClass.layoutCached = function (this: EmbeddedFont, text: string) {
    const runs = sharedLayouts.get(this.font);
    if (!runs) return layoutCached.call(this, text);
    let run = runs.get(text);
    if (run === undefined) {
      // Laid out and scaled once by pdfkit itself; pdfkit only reads a run once it is cached.
      run = this.layoutRun(text);
      if (runs.size >= REMEMBERED_RUNS) runs.clear();
      runs.set(text, run);
    }
    return run;
  };
  const toUnicodeCmap = embeddedFontClass.toUnicodeCmap;
  embeddedFontClass.toUnicodeCmap = function (this: EmbeddedFont) {
    if (!sharedUnicodeMaps.has(this.font)) return toUnicodeCmap.call(this);
    // The map is made of `unicode` alone (pdfkit's own method writes it, into a stand-in stream).
    const key = this.unicode.join(';');
    let bytes = unicodeMaps.get(key);
    if (!bytes) {
      let text = '';
      toUnicodeCmap.call({ unicode: this.unicode, document: { ref: () => ({ end: (chunk: string) => (text = chunk) }) } });
      // As pdfkit writes a string to a stream: its characters' low bytes, and a newline.
      bytes = Buffer.from(`${text}\n`, 'latin1');
      if (unicodeMaps.size >= REMEMBERED_UNICODE_MAPS) unicodeMaps.delete(unicodeMaps.keys().next().value!);
      unicodeMaps.set(key, bytes);
      deflateOnce(bytes);
    }
    const cmap = this.document.ref();
    cmap.end(bytes);
    return cmap;
  };
}

interface Glyph {
  _font: { _variationProcessor?: unknown };
  _decode(): unknown;
}

const outlines = new WeakMap<Glyph, unknown>();
const glyphClasses = new WeakSet<object>();

/** Keep the decoded outlines of a font's glyphs for the process (fontkit's glyph class, wrapped once). */
export function rememberOutlines(font: { getGlyph(id: number): unknown }): void {
  const glyphClass = Object.getPrototypeOf(font.getGlyph(0)) as Glyph;
  if (glyphClasses.has(glyphClass) || typeof glyphClass._decode !== 'function') return;
  glyphClasses.add(glyphClass);
  const decode = glyphClass._decode;
  glyphClass._decode = function (this: Glyph) {
    if (this._font._variationProcessor) return decode.call(this);
    if (!outlines.has(this)) outlines.set(this, decode.call(this));
    return outlines.get(this);
  };
}
