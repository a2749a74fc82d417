import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { releaseName } from './release';

describe('releaseName', () => {
  let repo: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
  beforeEach(() => {
    repo = mkdtempSync(path.join(os.tmpdir(), 'madoguchi-release-name-'));
    mkdirSync(path.join(repo, 'apps/api/src'), { recursive: true });
    writeFileSync(path.join(repo, 'package.json'), JSON.stringify({ version: '1.2.3' }));
    writeFileSync(path.join(repo, 'apps/api/src/main.ts'), 'export {};\n');
    writeFileSync(path.join(repo, 'notes.txt'), 'not released\n');
    git('init', '-q');
    git('add', '.');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'commit', '-qm', 'release me');
  });
  afterEach(() => rmSync(repo, { recursive: true, force: true }));

  const files = ['package.json', 'apps/api/dist'];

  it('names the version and the commit of a clean tree', () => {
    expect(releaseName(repo, files)).toEqual({
      version: '1.2.3',
      commit: git('rev-parse', '--short=12', 'HEAD'),
      name: `madoguchi-1.2.3-${git('rev-parse', '--short=12', 'HEAD')}`,
    });
  });

  it('says -dirty when what it packs was built from uncommitted sources, and not for a file it leaves out', () => {
    writeFileSync(path.join(repo, 'notes.txt'), 'changed, but not released\n');
    expect(releaseName(repo, files).commit).not.toContain('dirty');
    writeFileSync(path.join(repo, 'apps/api/src/main.ts'), 'export const changed = true;\n');
    expect(releaseName(repo, files).commit).toBe(`${git('rev-parse', '--short=12', 'HEAD')}-dirty`);
  });

  it('says -dirty for a new source file not yet committed', () => {
    writeFileSync(path.join(repo, 'apps/api/src/new.ts'), 'export {};\n');
    expect(releaseName(repo, files).name).toMatch(/-dirty$/);
  });
});
