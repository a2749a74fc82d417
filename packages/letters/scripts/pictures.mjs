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
const { renderInquiryLetter } = require('../dist/index.js');

const { pdf, missingCharacters } = await renderInquiryLetter({
  issuedOn: '2026-11-25',
  replyDeadline: '2026-12-25',
  inquiryNumber: 'K7Q-M3X-A9T',
  checkCode: 'ABC-DE7',
  holder: { name: '𠮷田 花子', postalCode: '135-8383', address: '東京都江東区東陽4-11-28 江東ハイツ101号室' },
  agent: { name: '江東 太郎' },
  pins: ['signature', 'user_auth', 'resident_registry'],
  sender: { municipality: '見本市', office: '見本市役所 市民課', postalCode: '100-0001', address: '見本県見本市中央1-1-1', phone: '0120-000-001' },
});
const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'letter-')), 'sample.pdf');
writeFileSync(file, pdf);
execFileSync('pdftoppm', ['-png', '-r', '80', file, path.resolve(here, '../../../docs/letter-page')]);
console.log(`docs/letter-page-1.png and -2.png written (${pdf.length} bytes of PDF; unprintable: ${missingCharacters.join('') || 'none'})`);
