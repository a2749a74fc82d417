import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';

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
  main: fontkit.Font;
  bold: fontkit.Font;
  fallback: fontkit.Font;
}

let loaded: LetterFonts | undefined;

export function letterFonts(): LetterFonts {
  loaded ??= {
    main: parseFont('@expo-google-fonts/biz-udpgothic', '400Regular/BIZUDPGothic_400Regular.ttf'),
    bold: parseFont('@expo-google-fonts/biz-udpgothic', '700Bold/BIZUDPGothic_700Bold.ttf'),
    fallback: parseFont('@expo-google-fonts/noto-sans-jp', '400Regular/NotoSansJP_400Regular.ttf'),
  };
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
