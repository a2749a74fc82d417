import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { letterFonts } from './fonts';
import { encodeTrueTypeSubset } from './truetype-subset';

/**
 * The subset writer's bytes are fontkit's own, for any glyphs of the letter faces: what pdfkit
 * embeds does not change, only how long it takes to write.
 */
describe('encodeTrueTypeSubset', () => {
  const { main, fallback } = letterFonts();
  const bold = fontkit.create(readFileSync(require.resolve('@expo-google-fonts/biz-udpgothic/700Bold/BIZUDPGothic_700Bold.ttf')));

  const subsetOf = (font: fontkit.Font, ids: number[]) => {
    const subset = font.createSubset();
    for (const id of ids) subset.includeGlyph(id);
    return subset;
  };
  const glyphsOf = (font: fontkit.Font, text: string) =>
    [...text].filter((ch) => font.hasGlyphForCodePoint(ch.codePointAt(0)!)).map((ch) => font.glyphForCodePoint(ch.codePointAt(0)!).id);

  // Deterministic spread of ids: the first and last glyphs (past the long metrics, in BIZ UD), and a stride over the rest.
  const spread = (font: fontkit.Font) => {
    const n = font.numGlyphs;
    return [1, 2, n - 1, n - 2, n - 3, ...Array.from({ length: 60 }, (_, i) => (i * 7919) % n)];
  };

  it.each([
    ['BIZ UDPGothic', main, '見本市役所 市民課 東京都江東区東陽4-11-28 江東ハイツ101号室 令和8年11月24日 K7Q-M3X-A9T'],
    ['BIZ UDPGothic Bold', bold, '回答期限 照会番号 確認コード'],
    ['Noto Sans JP', fallback, '𠮷田'],
  ])('writes what fontkit writes, for %s', (_name, font, text) => {
    for (const ids of [[], glyphsOf(font, text), spread(font)]) {
      const ours = encodeTrueTypeSubset(font, subsetOf(font, ids));
      const theirs = subsetOf(font, ids).encode();
      expect(ours).toBeDefined();
      expect(Buffer.from(ours!.bytes).equals(Buffer.from(theirs))).toBe(true);
      expect(Buffer.concat(ours!.pieces).equals(Buffer.from(theirs))).toBe(true);
      // What it takes from the font is the font's own bytes, the same objects in the next file.
      const again = encodeTrueTypeSubset(font, subsetOf(font, ids))!;
      expect(again.fromFont).toHaveLength(ours!.fromFont.length);
      again.fromFont.forEach((piece, i) => expect(piece).toBe(ours!.fromFont[i]));
    }
  });
});
