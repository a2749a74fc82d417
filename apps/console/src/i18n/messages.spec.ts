import { en } from './en';
import { messages, unwrapMessages } from './index';
import { ja } from './ja';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function at(tree: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], tree);
}

describe('console messages', () => {
  it('English has exactly the keys Japanese has', () => {
    expect(keys(en).sort()).toEqual(keys(ja).sort());
  });

  it('every Japanese message of ours is Japanese text, not a leftover English string', () => {
    for (const key of keys(ja).filter((k) => !k.startsWith('madoguchi.language.'))) {
      expect(at(ja, key)).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
  });

  it('finds the Japanese pack however the bundler wraps it', () => {
    const pack = { ra: { action: { save: '保存' } } };
    for (const wrapped of [pack, { default: pack }, { default: { default: pack } }]) expect(unwrapMessages(wrapped)).toBe(pack);
    expect(at(messages.ja, 'ra.auth.username')).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  it('every message react-admin itself uses has a Japanese translation', () => {
    const missing = keys(messages.en).filter((key) => typeof at(messages.ja, key) !== 'string');
    expect(missing).toEqual([]);
  });
});
