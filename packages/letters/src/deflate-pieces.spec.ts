import { randomBytes } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { adler32, adler32Combine, deflatePieces, keepDeflated, piecesToDeflate, writtenAs } from './deflate-pieces';

describe('adler32', () => {
  it('is the checksum zlib writes', () => {
    expect(adler32(Buffer.from('Wikipedia'))).toBe(0x11e60398);
    expect(adler32(new Uint8Array(0))).toBe(1);
  });

  it('combines the checksums of two parts into that of the whole', () => {
    for (const [a, b] of [
      [0, 10],
      [1, 1],
      [70000, 3],
      [12, 200000],
    ] as const) {
      const first = randomBytes(a);
      const second = randomBytes(b);
      expect(adler32Combine(adler32(first), adler32(second), b)).toBe(adler32(Buffer.concat([first, second])));
    }
  });
});

describe('deflatePieces', () => {
  const text = (s: string) => Buffer.from(s.repeat(40));

  it('makes one zlib stream of kept, short and long new pieces, which inflates (checksum and all) to them in order', () => {
    const font = text('the hinting program ');
    const outline = randomBytes(600);
    keepDeflated(font);
    keepDeflated(outline);
    const parts = [Buffer.from('short header'), font, text('a new long piece '), outline, Buffer.alloc(0), outline, Buffer.from('tail')];
    for (let i = 0; i < 2; i++) {
      // The second time, the kept pieces' compressed bytes are reused.
      expect(inflateSync(deflatePieces(parts, 1)).equals(Buffer.concat(parts))).toBe(true);
    }
  });

  it('is used for a stream with a kept piece, or a buffer written as pieces, and not otherwise', () => {
    const kept = text('kept ');
    keepDeflated(kept);
    const plain = [text('x'), text('y')];
    expect(piecesToDeflate(plain)).toBeUndefined();
    expect(piecesToDeflate([plain[0]!, kept])).toEqual([plain[0], kept]);
    const whole = Buffer.concat([plain[0]!, kept]);
    writtenAs(whole, [plain[0]!, kept]);
    expect(piecesToDeflate([whole])).toEqual([plain[0], kept]);
  });
});
