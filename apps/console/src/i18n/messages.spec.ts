import { en } from './en';
import { ja } from './ja';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function at(messages: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], messages);
}

describe('console messages', () => {
  it('English has exactly the keys Japanese has', () => {
    expect(keys(en).sort()).toEqual(keys(ja).sort());
  });

  it('every Japanese message is Japanese text, not a leftover English string', () => {
    for (const key of keys(ja).filter((k) => !k.startsWith('madoguchi.language.'))) {
      expect(at(ja, key)).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
  });
});
