import { LetterCodes } from './letter-codes';

describe('LetterCodes', () => {
  const codes = new LetterCodes('a-letter-secret-of-at-least-thirty-two-chars');

  it('verifies the code it printed, as typed back in any case or width', () => {
    const code = codes.checkCodeFor('K7Q-M3X-A9T');
    expect(code).toMatch(/^[0-9A-Z]{3}-[0-9A-Z]{3}$/);
    expect(codes.verify('K7Q-M3X-A9T', code)).toBe('ok');
    expect(codes.verify('K7Q-M3X-A9T', code.toLowerCase().replace('-', ' '))).toBe('ok');
  });

  it('refuses the code of another secret, telling it apart from a typo', () => {
    const other = new LetterCodes('another-secret-of-at-least-thirty-two-chars!').checkCodeFor('K7Q-M3X-A9T');
    expect(other).not.toBe(codes.checkCodeFor('K7Q-M3X-A9T'));
    expect(codes.verify('K7Q-M3X-A9T', other)).toBe('mismatch');
    expect(codes.verify('K7Q-M3X-A9T', 'AB')).toBe('malformed');
  });
});
