// fontkit ships no types; the letters use only `create`, a glyph check, and hand the font to pdfkit.
declare module 'fontkit' {
  export interface Font {
    hasGlyphForCodePoint(codePoint: number): boolean;
    layout(text: string, features?: unknown): unknown;
  }
  export function create(buffer: Buffer): Font;
}
