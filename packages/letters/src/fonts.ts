import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { keepDeflated, writtenAs } from './deflate-pieces';
import { deflateOnce, rememberOutlines, shareLayouts, shareUnicodeMaps } from './pdfkit-reuse';
import { encodeTrueTypeSubset } from './truetype-subset';

/**
 * The letter's fonts: BIZ UDPGothic (the universal-design face many city offices choose), and
 * Noto Sans JP for the name characters BIZ UD lacks (e.g. 𠮷). Both ship in npm packages under
 * the SIL Open Font License.
 *
 * They are parsed once per process and the parsed fonts are handed to pdfkit: given the file
 * instead, pdfkit parses several megabytes of font again for every document, which was most of
 * the time a letter took.
 */
function parseFont(pkg: string, file: string): fontkit.Font {
  return fontkit.create(readFileSync(path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file)));
}

export interface LetterFonts {
  /** BIZ UDPGothic for the data of a letter (names, addresses, numbers, dates). */
  main: fontkit.Font;
  /** The same faces for the letter's fixed wording, built once per process (fixedWording). */
  fixed: fontkit.Font;
  fixedBold: fontkit.Font;
  fallback: fontkit.Font;
}

let loaded: LetterFonts | undefined;

export function letterFonts(): LetterFonts {
  if (!loaded) {
    const main = parseFont('@expo-google-fonts/biz-udpgothic', '400Regular/BIZUDPGothic_400Regular.ttf');
    const bold = parseFont('@expo-google-fonts/biz-udpgothic', '700Bold/BIZUDPGothic_700Bold.ttf');
    const fallback = parseFont('@expo-google-fonts/noto-sans-jp', '400Regular/NotoSansJP_400Regular.ttf');
    loaded = { main: face(main), fallback: face(fallback), fixed: fixedWording(main), fixedBold: fixedWording(bold) };
    // Every document lays out the same words again (the fixed wording, the policy's lists, the
    // office): the runs pdfkit makes are kept for the process (pdfkit-reuse.ts).
    for (const embedded of Object.values(loaded)) shareLayouts(embedded);
    // The fixed wording's glyphs, in the same order letter after letter, stand for the same text.
    for (const fixed of [loaded.fixed, loaded.fixedBold]) shareUnicodeMaps(fixed);
    for (const parsed of [main, bold, fallback]) rememberOutlines(parsed);
  }
  return loaded;
}

const REMEMBERED_SUBSETS = 64;

/**
 * A face as pdfkit embeds it: its subsets' font files are written by encodeTrueTypeSubset (the
 * bytes fontkit writes, in a fraction of its time), and compressed mostly from pieces compressed once.
 */
function face(font: fontkit.Font): fontkit.Font {
  return withSubsets(font, font.postscriptName, (subset, asFontkit) => {
    const file = encodeTrueTypeSubset(font, subset);
    if (!file) return asFontkit();
    // What the file takes from the font is compressed once for the process (deflate-pieces.ts).
    for (const piece of file.fromFont) keepDeflated(piece);
    writtenAs(file.bytes, file.pieces);
    return file.bytes;
  });
}

/**
 * A face for the fixed wording of the letter, which is the same in every letter: the same
 * strings, so the same glyphs in the same order. Building each letter's font subset was much of a
 * letter's time; under this wrapper a subset with exactly the glyphs of an earlier one reuses that
 * one's font file (and its compressed bytes, pdfkit-reuse.ts). It goes by its own PostScript name,
 * or pdfkit would merge it with the data's embedding.
 */
function fixedWording(font: fontkit.Font): fontkit.Font {
  const files = new Map<string, Uint8Array>();
  return withSubsets(font, `${font.postscriptName}-Fixed`, (subset, asFontkit) => {
    const glyphs = subset.glyphs.join(',');
    let file = files.get(glyphs);
    if (!file) {
      file = encodeTrueTypeSubset(font, subset)?.bytes ?? asFontkit();
      if (files.size >= REMEMBERED_SUBSETS) files.delete(files.keys().next().value!);
      files.set(glyphs, file);
      deflateOnce(file);
    }
    return file;
  });
}

/**
 * The font under `postscriptName`, its subsets' font files written by `encode` (pdfkit calls
 * `createSubset().encode()`; `asFontkit` writes the file as fontkit would). It is an object whose
 * prototype is the font, not a proxy: pdfkit and fontkit read the font's properties thousands of
 * times a letter, and a proxy's trap on each was a twentieth of a letter's time.
 */
function withSubsets(font: fontkit.Font, postscriptName: string, encode: (subset: fontkit.Subset, asFontkit: () => Uint8Array) => Uint8Array): fontkit.Font {
  const createSubset = (): fontkit.Subset => {
    const subset = font.createSubset();
    const asFontkit = subset.encode.bind(subset);
    // Each glyph's number in the subset, also in a Map: fontkit keeps them in an object keyed by
    // glyph ids up to some 20,000, which V8 looks up as a dictionary (a twentieth of a letter's time).
    const includeGlyph = subset.includeGlyph.bind(subset);
    const numbers = new Map<number, number>();
    const include = (glyph: number | { id: number }): number => {
      const id = typeof glyph === 'number' ? glyph : glyph.id;
      let number = numbers.get(id);
      if (number === undefined) numbers.set(id, (number = includeGlyph(id)));
      return number;
    };
    return Object.defineProperties(subset, { encode: { value: () => encode(subset, asFontkit) }, includeGlyph: { value: include } });
  };
  return Object.create(font, { createSubset: { value: createSubset }, postscriptName: { value: postscriptName } }) as fontkit.Font;
}

/** 〓 (geta): the customary mark for a character that cannot be printed. */
export const UNPRINTABLE = '〓';

export interface FontRun {
  font: 'main' | 'fallback';
  text: string;
}

/**
 * Split text into runs per font, character by character: the main font where it has the glyph,
 * the fallback where only it has, and 〓 where neither has — reported, never silently dropped.
 */
export function fontRuns(text: string, fonts: Pick<LetterFonts, 'main' | 'fallback'>, missing: Set<string>): FontRun[] {
  const faceOf = facesOf(fonts);
  const runs: FontRun[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    let font = faceOf.get(cp);
    if (font === undefined) {
      font = ch === '\n' || fonts.main.hasGlyphForCodePoint(cp) ? 'main' : fonts.fallback.hasGlyphForCodePoint(cp) ? 'fallback' : null;
      faceOf.set(cp, font);
    }
    let out = ch;
    if (font === null) {
      missing.add(ch);
      out = UNPRINTABLE;
      font = 'main';
    }
    const last = runs.at(-1);
    if (last?.font === font) last.text += out;
    else runs.push({ font, text: out });
  }
  return runs;
}

/** Which face prints each character, for the process: asking fontkit took a twentieth of a letter's time. */
const faces = new WeakMap<fontkit.Font, WeakMap<fontkit.Font, Map<number, FontRun['font'] | null>>>();
function facesOf(fonts: Pick<LetterFonts, 'main' | 'fallback'>): Map<number, FontRun['font'] | null> {
  let byFallback = faces.get(fonts.main);
  if (!byFallback) faces.set(fonts.main, (byFallback = new WeakMap()));
  let faceOf = byFallback.get(fonts.fallback);
  if (!faceOf) byFallback.set(fonts.fallback, (faceOf = new Map()));
  return faceOf;
}
