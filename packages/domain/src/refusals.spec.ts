import { localize, messageFor, REFUSALS, refusal, type RefusalCode } from './refusals';
import { text } from './text';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the refusal catalogue', () => {
  const codes = Object.keys(REFUSALS) as RefusalCode[];

  it.each(codes)('%s: snake_case, a Japanese message, an English one without Japanese, the same parameters in both', (code) => {
    const e = REFUSALS[code];
    expect(code).toMatch(/^[a-z0-9]+(_[a-z0-9]+)*$/);
    // Japanese in English text only where it quotes what is written on paper (年, 円 as units to type).
    expect(e.en.replace(/年|円|S23\.2\.29/g, '')).not.toMatch(JAPANESE);
    expect(placeholders(e.ja)).toEqual(placeholders(e.en));
    if (placeholders(e.ja).join() !== 'need') expect(e.ja).toMatch(JAPANESE);
  });

  it('renders parameters in each language, wording given in both languages included', () => {
    const r = refusal('holder_too_old_for_parent', { limit: 18 }, 'route');
    expect(r).toEqual({
      kind: 'refused',
      code: 'holder_too_old_for_parent',
      message: expect.stringContaining('本人が18歳以上'),
      path: 'route',
      params: { limit: 18 },
    });
    expect(localize(r, 'en')).toMatch(/^The holder is 18 or older/);
    expect(localize(r, 'ja')).toBe(r.message);
    const need = refusal('holder_card_missing', { need: text('カードが必要です。', 'The card is needed.') });
    expect([need.message, localize(need, 'en')]).toEqual(['カードが必要です。', 'The card is needed.']);
    expect(messageFor('not_found', 'en')).toBe('Not found.');
  });

  it('leaves a code it does not know with its own message', () => {
    expect(localize({ code: 'from_elsewhere', message: 'そのまま' }, 'en')).toBe('そのまま');
  });
});
