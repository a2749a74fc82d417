import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { keepDeflated, writtenAs } from './deflate-pieces';
import { deflateOnce, rememberOutlines, shareLayouts } from './pdfkit-reuse';
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
  return withSubsets(font, font.postscriptName, (subset) => {
    const file = encodeTrueTypeSubset(font, subset);
    if (!file) return subset.encode();
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
  return withSubsets(font, `${font.postscriptName}-Fixed`, (subset) => {
    const glyphs = subset.glyphs.join(',');
    let file = files.get(glyphs);
    if (!file) {
      file = encodeTrueTypeSubset(font, subset)?.bytes ?? subset.encode();
      if (files.size >= REMEMBERED_SUBSETS) files.delete(files.keys().next().value!);
      files.set(glyphs, file);
      deflateOnce(file);
    }
    return file;
  });
}

/** The font under `postscriptName`, its subsets' font files written by `encode` (pdfkit calls `createSubset().encode()`). */
function withSubsets(font: fontkit.Font, postscriptName: string, encode: (subset: fontkit.Subset) => Uint8Array): fontkit.Font {
  const createSubset = (): fontkit.Subset => {
    const subset = font.createSubset();
    return new Proxy(subset, {
      get: (target, key) => (key === 'encode' ? () => encode(target) : (Reflect.get(target, key, target) as unknown)),
    });
  };
  return new Proxy(font, {
    get(target, key) {
      if (key === 'createSubset') return createSubset;
      if (key === 'postscriptName') return postscriptName;
      return Reflect.get(target, key, target) as unknown;
    },
  });
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
  const runs: FontRun[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    let font: FontRun['font'] = 'main';
    let out = ch;
    if (ch === '\n' || fonts.main.hasGlyphForCodePoint(cp)) font = 'main';
    else if (fonts.fallback.hasGlyphForCodePoint(cp)) font = 'fallback';
    else {
      missing.add(ch);
      out = UNPRINTABLE;
    }
    const last = runs.at(-1);
    if (last?.font === font) last.text += out;
    else runs.push({ font, text: out });
  }
  return runs;
}
