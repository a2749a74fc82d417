// The pictures of the letter in docs/ (letter-page-1.png, letter-page-2.png), from a sample letter:
//   npm run build -w packages/letters && node packages/letters/scripts/pictures.mjs
// Needs pdftoppm (Debian: apt-get install poppler-utils).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const { renderInquiryLetter, EXAMPLE_LETTER } = require('../dist/index.js');

const { pdf, missingCharacters } = await renderInquiryLetter(EXAMPLE_LETTER);
const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'letter-')), 'sample.pdf');
writeFileSync(file, pdf);
execFileSync('pdftoppm', ['-png', '-r', '80', file, path.resolve(here, '../../../docs/letter-page')]);
console.log(`docs/letter-page-1.png and -2.png written (${pdf.length} bytes of PDF; unprintable: ${missingCharacters.join('') || 'none'})`);
