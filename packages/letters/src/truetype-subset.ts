import type { Font, Subset } from 'fontkit';

/**
 * A TrueType subset's font file, the same bytes fontkit's `TTFSubset.encode` writes, without its
 * generic struct encoder: fontkit re-encodes the font's hinting programs (`fpgm`, `prep`, `cvt `,
 * 5 KB in BIZ UDPGothic) one byte at a time for every subset, which was a fifth of a letter's time.
 * Here they, `head`, `hhea` and `maxp` are copied from the font as they are (the last two with the
 * subset's glyph count), and each glyph's outline and metrics as the font stores them.
 *
 * Only plain TrueType outlines are written this way; a subset with a composite glyph, or of a
 * variable font, is left to fontkit (answers undefined). The letter faces have neither.
 */

/** What the writer reads of a parsed font: fontkit's own fields (fontkit ships no types for them). */
interface ParsedTrueType {
  stream: { buffer: Uint8Array };
  directory: { tables: Record<string, { offset: number; length: number } | undefined> };
  loca?: { version: number; offsets: number[] };
  _variationProcessor?: unknown;
}

/** The tables a subset copies from its font. */
type CopiedTable = 'head' | 'hhea' | 'maxp' | 'cvt ' | 'prep' | 'fpgm';

interface SourceTables {
  bytes: Uint8Array;
  view: DataView;
  /** The tables as the font stores them (one object each, so a piece kept compressed stays one). */
  tables: Record<CopiedTable, Uint8Array | undefined>;
  /** A glyph's outline as the font stores it (likewise one object per glyph). */
  outlines: Map<number, Uint8Array>;
  glyf: number;
  hmtx: number;
  numberOfMetrics: number;
  /** Offsets into `glyf`, as fontkit reads them (in bytes, whatever the font's format). */
  offsets: number[];
  longOffsets: boolean;
}

/** The tables a subset carries, in the order fontkit writes them (PDF needs no cmap, name or post). */
const TABLES = ['head', 'hhea', 'loca', 'maxp', 'cvt ', 'prep', 'glyf', 'hmtx', 'fpgm'] as const;

const sources = new WeakMap<Font, SourceTables | null>();

function sourceTables(font: Font): SourceTables | null {
  let source = sources.get(font);
  if (source !== undefined) return source;
  const parsed = font as unknown as ParsedTrueType;
  const { tables } = parsed.directory;
  const { buffer: bytes } = parsed.stream;
  const glyf = tables.glyf;
  const hmtx = tables.hmtx;
  const loca = glyf && hmtx && !parsed._variationProcessor ? parsed.loca : undefined;
  if (!glyf || !hmtx || !loca || !tables.head || !tables.hhea || !tables.maxp) source = null;
  else {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const copied = (tag: CopiedTable) => {
      const entry = tables[tag];
      return entry && bytes.subarray(entry.offset, entry.offset + entry.length);
    };
    source = {
      bytes,
      view,
      tables: { head: copied('head'), hhea: copied('hhea'), maxp: copied('maxp'), 'cvt ': copied('cvt '), prep: copied('prep'), fpgm: copied('fpgm') },
      outlines: new Map(),
      glyf: glyf.offset,
      hmtx: hmtx.offset,
      numberOfMetrics: view.getUint16(tables.hhea.offset + 34),
      offsets: loca.offsets,
      longOffsets: loca.version === 1,
    };
  }
  sources.set(font, source);
  return source;
}

/** A subset's font file, and the pieces it is made of, one after another. */
export interface TrueTypeFile {
  bytes: Uint8Array;
  pieces: Uint8Array[];
  /** The pieces taken from the font as they are (its hinting programs, its glyphs' outlines): the same objects in every file. */
  fromFont: Uint8Array[];
}

/** The subset's font file, or undefined where fontkit must write it (see above). */
export function encodeTrueTypeSubset(font: Font, subset: Subset): TrueTypeFile | undefined {
  const source = sourceTables(font);
  if (!source) return undefined;
  const { bytes, offsets, view } = source;
  const glyphs = subset.glyphs;
  const count = glyphs.length;
  const outlines: Uint8Array[] = [];
  let glyfLength = 0;
  for (const id of glyphs) {
    let outline = source.outlines.get(id);
    if (!outline) {
      outline = bytes.subarray(source.glyf + offsets[id]!, source.glyf + offsets[id + 1]!);
      source.outlines.set(id, outline);
    }
    // A composite glyph names others by their ids, which the subset renumbers: fontkit's to write.
    if (outline.length && view.getInt16(source.glyf + offsets[id]!) < 0) return undefined;
    outlines.push(outline);
    glyfLength += outline.length;
  }

  const loca = new DataView(new ArrayBuffer((count + 1) * (source.longOffsets ? 4 : 2)));
  const hmtx = new DataView(new ArrayBuffer(count * 4));
  let offset = 0;
  glyphs.forEach((id, i) => {
    if (source.longOffsets) loca.setUint32(i * 4, offset);
    else loca.setUint16(i * 2, offset >>> 1);
    offset += outlines[i]!.length;
    // hmtx: a long metric for the first numberOfMetrics glyphs; the rest share the last advance.
    const long = Math.min(id, source.numberOfMetrics - 1);
    hmtx.setUint16(i * 4, view.getUint16(source.hmtx + long * 4));
    const bearing = id < source.numberOfMetrics ? source.hmtx + id * 4 + 2 : source.hmtx + source.numberOfMetrics * 4 + (id - source.numberOfMetrics) * 2;
    hmtx.setInt16(i * 4 + 2, view.getInt16(bearing));
  });
  if (source.longOffsets) loca.setUint32(count * 4, offset);
  else loca.setUint16(count * 2, offset >>> 1);

  const withCount = (tag: 'hhea' | 'maxp', at: number, value: number) => {
    const copy = Uint8Array.from(source.tables[tag]!);
    new DataView(copy.buffer).setUint16(at, value);
    return copy;
  };
  const contents: Record<(typeof TABLES)[number], Uint8Array[] | undefined> = {
    head: [source.tables.head!],
    hhea: [withCount('hhea', 34, count)],
    loca: [new Uint8Array(loca.buffer)],
    maxp: [withCount('maxp', 4, count)],
    'cvt ': wrap(source.tables['cvt ']),
    prep: wrap(source.tables.prep),
    glyf: outlines,
    hmtx: [new Uint8Array(hmtx.buffer)],
    fpgm: wrap(source.tables.fpgm),
  };
  const present = TABLES.filter((tag) => contents[tag]);
  const length = (tag: (typeof TABLES)[number]) => (tag === 'glyf' ? glyfLength : contents[tag]!.reduce((sum, part) => sum + part.length, 0));

  // The table directory as fontkit writes it: its own tag "true", no checksums, no padding.
  const directorySize = 12 + 16 * present.length;
  const out = new Uint8Array(directorySize + present.reduce((sum, tag) => sum + length(tag), 0));
  const header = new DataView(out.buffer);
  const power = 2 ** Math.floor(Math.log2(present.length));
  writeTag(out, 0, 'true');
  header.setUint16(4, present.length);
  header.setUint16(6, power * 16);
  header.setUint16(8, Math.log2(power));
  header.setUint16(10, present.length * 16 - power * 16);
  let at = directorySize;
  const pieces: Uint8Array[] = [out.subarray(0, directorySize)];
  present.forEach((tag, i) => {
    const record = 12 + 16 * i;
    writeTag(out, record, tag);
    header.setUint32(record + 8, at);
    header.setUint32(record + 12, length(tag));
    for (const part of contents[tag]!) {
      out.set(part, at);
      pieces.push(part);
      at += part.length;
    }
  });
  const fromFont = [...outlines, ...(['head', 'cvt ', 'prep', 'fpgm'] as const).flatMap((tag) => contents[tag] ?? [])];
  return { bytes: out, pieces, fromFont };
}

const wrap = (table: Uint8Array | undefined) => table && [table];

function writeTag(out: Uint8Array, at: number, tag: string): void {
  for (let i = 0; i < 4; i++) out[at + i] = tag.charCodeAt(i);
}
