import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A run of text as pdf.js places it: where it starts on its baseline, and how wide it is (points). */
export interface PlacedText {
  text: string;
  x: number;
  y: number;
  width: number;
  /** The run's font size as placed (its glyphs reach about this far above the baseline). */
  height: number;
}

async function readPdf<T>(pdf: Uint8Array, perPage: string): Promise<T[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'madoguchi-pdf-'));
  try {
    const file = path.join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    const script = `
      import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
      import { readFileSync } from 'node:fs';
      const doc = await getDocument({ data: new Uint8Array(readFileSync(process.argv[1])), verbosity: 0 }).promise;
      const pages = [];
      for (let i = 1; i <= doc.numPages; i++) { const items = (await (await doc.getPage(i)).getTextContent()).items; pages.push(${perPage}); }
      console.log(JSON.stringify(pages));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script, file], {
      cwd: path.resolve(__dirname, '../..'),
      maxBuffer: 64 * 1024 * 1024,
    });
    return JSON.parse(stdout) as T[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every run of text of each page, placed. */
export function pdfPlacedTexts(pdf: Uint8Array): Promise<PlacedText[][]> {
  return readPdf<PlacedText[]>(
    pdf,
    'items.filter((it) => it.str.trim()).map((it) => ({ text: it.str, x: it.transform[4], y: it.transform[5], width: it.width, height: it.height }))',
  );
}

/**
 * The text of each page of a PDF, read back with pdf.js (Mozilla's reader; ES modules only, so in
 * a plain node process beside the tests), with white space removed: what tests compare against.
 */
export async function pdfPageTexts(pdf: Uint8Array): Promise<string[]> {
  return (await readPdf<string>(pdf, "items.map((it) => it.str).join('')")).map((t) => t.replace(/\s+/g, ''));
}

/**
 * The size of the largest filled path of each page, in path-data entries: a QR code is one fill of
 * hundreds of cells (each cell a dozen entries); text and rules are none or a few.
 */
export function pdfLargestFill(pdf: Uint8Array): Promise<number[]> {
  return readPdf<number>(
    pdf,
    `await (async () => {
      const ops = await (await doc.getPage(i)).getOperatorList();
      return Math.max(0, ...ops.fnArray.map((f, j) => (f === OPS.constructPath && ops.argsArray[j][0] === OPS.fill ? Object.keys(ops.argsArray[j][1][0]).length : 0)));
    })()`,
  );
}
