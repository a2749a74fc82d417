import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { reachableByOthers } from './reachable';

describe('reachableByOthers', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'madoguchi-reach-'));
    await mkdir(path.join(root, 'open', 'inner'), { recursive: true });
    await mkdir(path.join(root, 'closed', 'inner'), { recursive: true });
    await chmod(root, 0o755);
    await chmod(path.join(root, 'open'), 0o755);
    await chmod(path.join(root, 'closed'), 0o700);
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('says yes when every folder above is searchable by others', async () => {
    expect(await reachableByOthers(path.join(root, 'open', 'inner', 'initdb'))).toBe(true);
  });

  it('says no when one folder above is its owner’s only (mktemp -d, /root)', async () => {
    expect(await reachableByOthers(path.join(root, 'closed', 'inner', 'initdb'))).toBe(false);
  });

  it('judges a path not made yet by the folders that exist above it', async () => {
    expect(await reachableByOthers(path.join(root, 'open', 'not-yet', 'data'))).toBe(true);
    expect(await reachableByOthers(path.join(root, 'closed', 'not-yet', 'data'))).toBe(false);
  });
});
