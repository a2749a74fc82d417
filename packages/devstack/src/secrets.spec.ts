import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { localSecrets } from './secrets';

describe('localSecrets', () => {
  it('makes a strong secret once, keeps it private, and gives the same one next time', () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'secrets-')), 'data');
    const first = localSecrets(dir, {});
    expect(first.AUTH_SECRET.length).toBeGreaterThanOrEqual(64);
    expect(first.LETTER_SECRET.length).toBeGreaterThanOrEqual(64);
    expect(first.LETTER_SECRET).not.toBe(first.AUTH_SECRET);
    expect(localSecrets(dir, {})).toEqual(first);
    const file = path.join(dir, 'secrets.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(first);
  });

  it('lets the environment win', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'secrets-'));
    expect(localSecrets(dir, { AUTH_SECRET: 'from-the-environment-0123456789abcdef' }).AUTH_SECRET).toBe('from-the-environment-0123456789abcdef');
  });
});
