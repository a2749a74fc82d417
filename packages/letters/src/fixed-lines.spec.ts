import { setFixedLine } from './fixed-lines';
import { letterFonts } from './fonts';
import { openDocument } from './pdf';

/**
 * A line of fixed wording is set by pdfkit once and written again in later documents: the same
 * bytes, the same cursor after it, without pdfkit setting it again — unless the document's subset
 * numbers its glyphs otherwise.
 */
describe('setFixedLine', () => {
  const LINE = '記入が終わったら、この回答書を同封の封筒に入れて封をし、代理人にお渡しください。封のされていない回答書は受け付けできません。';

  /** A document with `before` set by pdfkit, then the line through setFixedLine; its bytes, its cursor, and whether pdfkit set the line. */
  async function documentWith(before: string) {
    const { doc, bytes } = openDocument('2026-12-01', 'fixed lines', letterFonts());
    doc.addPage();
    doc.font('fixed').fontSize(11);
    doc.text(before, 60, 80, { width: 400 });
    let drawn = false;
    setFixedLine(doc, `spec ${LINE}`, () => {
      drawn = true;
      doc.text(LINE, 60, 120, { width: 300 });
    });
    const cursor = { x: doc.x, y: doc.y };
    doc.end();
    return { pdf: await bytes, cursor, drawn };
  }

  it('writes a line again as pdfkit set it, without setting it', async () => {
    const first = await documentWith('照会書');
    const again = await documentWith('照会書');
    expect(first.drawn).toBe(true);
    expect(again.drawn).toBe(false);
    expect(again.cursor).toEqual(first.cursor);
    expect(first.cursor.y).toBeGreaterThan(120 + 2 * 11); // the line wrapped onto a third line
    expect(again.pdf.equals(first.pdf)).toBe(true);
  });

  it('sets it anew where the subset numbers the same glyphs otherwise, and keeps both', async () => {
    await documentWith('回答書');
    // The same glyph count before the line, but other glyphs: the line's glyph numbers differ.
    const other = await documentWith('照会状');
    expect(other.drawn).toBe(true);
    const otherAgain = await documentWith('照会状');
    const firstAgain = await documentWith('回答書');
    expect([otherAgain.drawn, firstAgain.drawn]).toEqual([false, false]);
    expect(otherAgain.pdf.equals(other.pdf)).toBe(true);
  });
});
