// fontkit ships no types; the letters use a glyph check, subsets and layout, and hand the font to pdfkit.
declare module 'fontkit' {
  export interface Subset {
    /** Glyph ids of the original font, in the order the subset took them. */
    glyphs: number[];
    includeGlyph(glyphId: number): number;
    encode(): Uint8Array;
  }
  export interface Font {
    postscriptName: string;
    numGlyphs: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    /** The glyph of an id (fontkit keeps one object per glyph). */
    getGlyph(id: number): unknown;
    glyphForCodePoint(codePoint: number): { id: number };
    layout(text: string, ...rest: unknown[]): { glyphs: unknown[]; positions: Record<string, number>[] };
    createSubset(): Subset;
  }
  export function create(buffer: Buffer): Font;
}
