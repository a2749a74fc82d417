import { constants, deflateRawSync } from 'node:zlib';

/**
 * A zlib stream (a PDF stream's FlateDecode) put together from pieces, some of which were
 * compressed once for the process: a letter's data font file repeats the font's hinting programs
 * and the outlines of glyphs earlier letters had. Each kept piece is compressed on its own and
 * ends on a byte boundary with an empty stored block (zlib's sync flush), so its bytes can follow
 * any other such piece; the pieces between are compressed as they come (or stored, when too short
 * to be worth a call into zlib). The stream's checksum (Adler-32) is combined from the pieces' own.
 *
 * What it costs: each piece is compressed without the others as context, so a letter's PDF grows
 * by about 5% (91 KB where it was 87). Measured, so was the same for the lines of fixed wording
 * (kept-lines.ts), and not kept: their many small pieces cost another 4% of bytes and saved no time.
 */

/** Pieces to compress once (the object itself is the key: the same bytes in another object are a new piece). */
const kept = new WeakMap<Uint8Array, KeptPiece | null>();
/** Buffers known as the concatenation of pieces (a font file as its subset writer wrote it). */
const pieces = new WeakMap<Uint8Array, readonly Uint8Array[]>();

interface KeptPiece {
  deflated: Buffer;
  adler: number;
}

/** Compress this piece once, wherever it appears in a stream. */
export function keepDeflated(piece: Uint8Array): void {
  if (!kept.has(piece)) kept.set(piece, null);
}

/** `whole` is `parts` one after another: a stream of it is compressed piece by piece. */
export function writtenAs(whole: Uint8Array, parts: readonly Uint8Array[]): void {
  pieces.set(whole, parts);
}

/** The pieces of a stream's buffers, if any is kept (else the caller compresses it whole). */
export function piecesToDeflate(buffers: readonly Uint8Array[]): readonly Uint8Array[] | undefined {
  const parts = buffers.length === 1 ? (pieces.get(buffers[0]!) ?? buffers) : buffers;
  return parts.some((part) => kept.has(part)) ? parts : undefined;
}

/** Below this, a run of new bytes is stored rather than compressed (a call into zlib costs more than it saves). */
const STORE_BELOW = 256;
/** zlib's header for a stream compressed at its fastest level, 32 KB window. */
const HEADER = Buffer.from([0x78, 0x01]);
/** The last block: empty, fixed Huffman codes. */
const LAST_BLOCK = Buffer.from([0x03, 0x00]);

/** The zlib stream of the pieces, one after another, at `level` for the pieces compressed now. */
export function deflatePieces(parts: readonly Uint8Array[], level: number): Buffer {
  const out: Uint8Array[] = [HEADER];
  let checksum = 1;
  let fresh: Uint8Array[] = [];
  let freshLength = 0;
  const add = (deflated: Uint8Array, adler: number, length: number) => {
    out.push(deflated);
    checksum = adler32Combine(checksum, adler, length);
  };
  const flushFresh = () => {
    if (!freshLength) return;
    const bytes = fresh.length === 1 ? fresh[0]! : Buffer.concat(fresh);
    add(freshLength < STORE_BELOW ? stored(bytes) : deflateRawSync(bytes, { level, finishFlush: constants.Z_SYNC_FLUSH }), adler32(bytes), freshLength);
    fresh = [];
    freshLength = 0;
  };
  for (const part of parts) {
    if (!part.length) continue;
    if (!kept.has(part)) {
      fresh.push(part);
      freshLength += part.length;
      continue;
    }
    flushFresh();
    let piece = kept.get(part);
    if (!piece) {
      piece = { deflated: deflateRawSync(part, { level, finishFlush: constants.Z_SYNC_FLUSH }), adler: adler32(part) };
      kept.set(part, piece);
    }
    add(piece.deflated, piece.adler, part.length);
  }
  flushFresh();
  const trailer = Buffer.alloc(4);
  trailer.writeUInt32BE(checksum);
  return Buffer.concat([...out, LAST_BLOCK, trailer]);
}

/** Bytes as one stored block that is not the last (at most 65,535 of them), byte-aligned as a sync flush leaves it. */
function stored(bytes: Uint8Array): Buffer {
  const block = Buffer.alloc(5 + bytes.length);
  block.writeUInt16LE(bytes.length, 1);
  block.writeUInt16LE(~bytes.length & 0xffff, 3);
  block.set(bytes, 5);
  return block;
}

const BASE = 65521;
/** Bytes summed before the sums must be reduced (zlib's NMAX: the largest that cannot overflow 2^32). */
const NMAX = 5552;

export function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let start = 0; start < bytes.length; start += NMAX) {
    const end = Math.min(start + NMAX, bytes.length);
    for (let i = start; i < end; i++) {
      a += bytes[i]!;
      b += a;
    }
    a %= BASE;
    b %= BASE;
  }
  return b * 65536 + a;
}

/** The Adler-32 of two byte strings one after the other, from theirs and the second's length (zlib's adler32_combine). */
export function adler32Combine(first: number, second: number, secondLength: number): number {
  const rem = secondLength % BASE;
  let sum1 = first % 65536;
  let sum2 = (rem * sum1) % BASE;
  sum1 += (second % 65536) + BASE - 1;
  sum2 += Math.floor(first / 65536) + Math.floor(second / 65536) + BASE - rem;
  if (sum1 >= BASE) sum1 -= BASE;
  if (sum1 >= BASE) sum1 -= BASE;
  if (sum2 >= BASE * 2) sum2 -= BASE * 2;
  if (sum2 >= BASE) sum2 -= BASE;
  return sum2 * 65536 + sum1;
}
