// fontkit ships no types; the letters use only `create` and a glyph check.
declare module 'fontkit' {
  export function create(buffer: Buffer): { hasGlyphForCodePoint(codePoint: number): boolean };
}
