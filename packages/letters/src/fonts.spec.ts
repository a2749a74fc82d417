import { fontRuns, letterFonts, UNPRINTABLE } from './fonts';

describe('fontRuns', () => {
  it('keeps the main font where it can, falls back per character, and marks what neither has', () => {
    const missing = new Set<string>();
    expect(fontRuns('𠮷田 花子\u{E000}様', letterFonts(), missing)).toEqual([
      { font: 'fallback', text: '𠮷' },
      { font: 'main', text: `田 花子${UNPRINTABLE}様` },
    ]);
    expect([...missing]).toEqual(['\u{E000}']);
  });
});

describe('the fixed-wording faces', () => {
  const { fixed, main } = letterFonts();
  const subsetOf = (text: string) => {
    const subset = fixed.createSubset();
    for (const ch of text) subset.includeGlyph(main.glyphForCodePoint(ch.codePointAt(0)!).id);
    return subset;
  };

  it('build the font file of a given set of glyphs once, and another set anew', () => {
    const first = subsetOf('照会書').encode();
    expect(subsetOf('照会書').encode()).toBe(first);
    expect(subsetOf('回答書').encode()).not.toBe(first);
  });

  it('hand out layouts that a document may scale without touching the next one', () => {
    const a = fixed.layout('回答期限');
    const width = a.positions[0]!.xAdvance;
    a.positions[0]!.xAdvance = width! * 1000;
    expect(fixed.layout('回答期限').positions[0]!.xAdvance).toBe(width);
  });

  it('go by a name of their own, so pdfkit embeds them apart from the data', () => {
    expect(fixed.postscriptName).toBe(`${main.postscriptName}-Fixed`);
  });
});
