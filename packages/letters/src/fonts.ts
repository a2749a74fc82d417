import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';

/**
 * The letter's fonts, read once per process: BIZ UDPGothic (the universal-design face many city
 * offices choose), and Noto Sans JP for the name characters BIZ UD lacks (e.g. 𠮷). Both ship in
 * npm packages under the SIL Open Font License.
 */
function fontFile(pkg: string, file: string): Buffer {
  return readFileSync(path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file));
}

interface GlyphChecker {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

export interface LetterFonts {
  main: Buffer;
  bold: Buffer;
  fallback: Buffer;
  mainGlyphs: GlyphChecker;
  fallbackGlyphs: GlyphChecker;
}

let loaded: LetterFonts | undefined;

export function letterFonts(): LetterFonts {
  if (!loaded) {
    const main = fontFile('@expo-google-fonts/biz-udpgothic', '400Regular/BIZUDPGothic_400Regular.ttf');
    const bold = fontFile('@expo-google-fonts/biz-udpgothic', '700Bold/BIZUDPGothic_700Bold.ttf');
    const fallback = fontFile('@expo-google-fonts/noto-sans-jp', '400Regular/NotoSansJP_400Regular.ttf');
    const open = (b: Buffer): GlyphChecker => fontkit.create(b);
    loaded = { main, bold, fallback, mainGlyphs: open(main), fallbackGlyphs: open(fallback) };
  }
  return loaded;
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
export function fontRuns(text: string, fonts: Pick<LetterFonts, 'mainGlyphs' | 'fallbackGlyphs'>, missing: Set<string>): FontRun[] {
  const runs: FontRun[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    let font: FontRun['font'] = 'main';
    let out = ch;
    if (ch === '\n' || fonts.mainGlyphs.hasGlyphForCodePoint(cp)) font = 'main';
    else if (fonts.fallbackGlyphs.hasGlyphForCodePoint(cp)) font = 'fallback';
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
