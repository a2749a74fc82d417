#!/usr/bin/env node
/**
 * `npm run release`: after `npm run build`, pack the release tarball (dist/madoguchi-<version>-<commit>.tar.gz,
 * or the folder given with --out). What it holds and how a server installs it: docs/production.md.
 */
import path from 'node:path';
import { packRelease } from '../release/release';

const repoRoot = path.resolve(__dirname, '../../../..');
const outFlag = process.argv.indexOf('--out');
const outDir = outFlag >= 0 && process.argv[outFlag + 1] ? path.resolve(process.argv[outFlag + 1]!) : path.join(repoRoot, 'dist');

packRelease(repoRoot, outDir).then(
  (tarball) => console.log(`release: ${path.relative(process.cwd(), tarball) || tarball}`),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
