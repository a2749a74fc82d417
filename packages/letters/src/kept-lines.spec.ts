import { randomUUID } from 'node:crypto';
import { letterFonts } from './fonts';
import { setKeptLine, type EmbeddedFont } from './kept-lines';
import { openDocument } from './pdf';

/**
 * A line is set by pdfkit until it comes a second time, then kept and written again in later
 * documents: the same bytes and the same cursor as pdfkit setting it there, without pdfkit — also
 * where the document's subsets number the line's glyphs otherwise.
 */
describe('setKeptLine', () => {
  const LINE = '記入が終わったら、この回答書を同封の封筒に入れて封をし、代理人にお渡しください。封のされていない回答書は受け付けできません。';

  /**
   * A document with `before` set by pdfkit, then the line — fixed wording followed by a name in the
   * data face — through setKeptLine under `key`; its bytes, its cursor, and whether pdfkit set the line.
   */
  async function documentWith(before: string, key: string) {
    const { doc, bytes } = openDocument('2026-12-01', 'kept lines', letterFonts());
    doc.addPage();
    doc.font('data').fontSize(11);
    doc.text(before, 60, 80, { width: 400 });
    const faces = ['fixed', 'data'].map((name) => (doc.font(name) as unknown as { _font: EmbeddedFont })._font);
    let drawn = false;
    setKeptLine(doc, faces, key, () => {
      drawn = true;
      doc.font('fixed').text(LINE, 60, 120, { width: 300, continued: true });
      doc.font('data').text('江東 花子');
    });
    const cursor = { x: doc.x, y: doc.y };
    doc.end();
    return { pdf: await bytes, cursor, drawn };
  }

  it('is set by pdfkit twice, then written again as pdfkit set it', async () => {
    const key = randomUUID();
    const first = await documentWith('照会書 江東', key);
    const second = await documentWith('照会書 江東', key);
    const third = await documentWith('照会書 江東', key);
    expect([first.drawn, second.drawn, third.drawn]).toEqual([true, true, false]);
    expect(third.cursor).toEqual(first.cursor);
    expect(first.cursor.y).toBeGreaterThan(120 + 2 * 11); // the line wrapped onto a third line
    expect(third.pdf.equals(first.pdf)).toBe(true);
  });

  it('writes the glyph numbers of the document it is written in', async () => {
    const key = randomUUID();
    await documentWith('回答書 花子', key);
    await documentWith('回答書 花子', key);
    // Other glyphs before the line, in the same face as the line's name: the line's glyphs get other numbers.
    const kept = await documentWith('照会状 一郎', key);
    const set = await documentWith('照会状 一郎', randomUUID());
    expect([kept.drawn, set.drawn]).toEqual([false, true]);
    expect(kept.cursor).toEqual(set.cursor);
    expect(kept.pdf.equals(set.pdf)).toBe(true);
  });
});
