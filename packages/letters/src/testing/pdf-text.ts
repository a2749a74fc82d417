import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The text of each page of a PDF, read back with pdf.js (Mozilla's reader; ES modules only, so in
 * a plain node process beside the tests), with white space removed: what tests compare against.
 */
export async function pdfPageTexts(pdf: Uint8Array): Promise<string[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'madoguchi-pdf-'));
  try {
    const file = path.join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    const script = `
      import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
      import { readFileSync } from 'node:fs';
      const doc = await getDocument({ data: new Uint8Array(readFileSync(process.argv[1])), verbosity: 0 }).promise;
      const pages = [];
      for (let i = 1; i <= doc.numPages; i++) pages.push((await (await doc.getPage(i)).getTextContent()).items.map((it) => it.str).join(''));
      console.log(JSON.stringify(pages));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script, file], { cwd: path.resolve(__dirname, '../..'), maxBuffer: 64 * 1024 * 1024 });
    return (JSON.parse(stdout) as string[]).map((t) => t.replace(/\s+/g, ''));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
