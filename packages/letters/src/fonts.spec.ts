import { fontRuns, letterFonts, UNPRINTABLE } from './fonts';

describe('fontRuns', () => {
  it('keeps the main font where it can, falls back per character, and marks what neither has', () => {
    const missing = new Set<string>();
    expect(fontRuns('𠮷田 花子\u{E000}様', letterFonts(), missing)).toEqual([
      { font: 'fallback', text: '𠮷' },
      { font: 'main', text: `田 花子${UNPRINTABLE}様` },
    ]);
    expect([...missing]).toEqual(['\u{E000}']);
  });
});
