import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { en } from './en';
import { ja } from './ja';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    // The tests' folders and files name things of their own (files, usernames), not messages.
    if (statSync(full).isDirectory()) return name === 'e2e' || name === 'system' ? [] : sources(full);
    return /\.tsx?$/.test(name) && !/[.-]spec\.tsx?$/.test(name) ? [full] : [];
  });
}

function at(tree: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);
}

describe('message keys', () => {
  /** Every `'madoguchi.…'` key written in the console's code (keys built from variables are checked where they are built). */
  const NOT_MESSAGES = /^madoguchi\.(session$|draft\.)/;
  const used = [
    ...new Set(
      sources(path.join(__dirname, '..')).flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/['"`](madoguchi\.[a-zA-Z0-9_.]+[a-zA-Z0-9_])['"`]/g)].map((m) => m[1]!),
      ),
    ),
  ].filter((key) => !NOT_MESSAGES.test(key));

  it('finds the keys the code uses', () => {
    expect(used.length).toBeGreaterThan(100);
  });

  it.each([
    ['Japanese', ja],
    ['English', en],
  ])('every key the code uses has a %s message', (_language, messages) => {
    expect(used.filter((key) => typeof at(messages, key) !== 'string')).toEqual([]);
  });
});
