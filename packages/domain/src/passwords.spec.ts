import { passwordRefusals } from './passwords';

const codes = (password: string, username?: string) => passwordRefusals(password, username).map((r) => r.code);

describe('passwordRefusals', () => {
  it.each(['passwordpassword', 'Password2026!', 'qwertyuiop12', 'madoguchi-demo', '123456789012', 'Welcome 2026'])('refuses the common %j', (password) =>
    expect(codes(password)).toContain('password_too_common'),
  );

  it('refuses one repeated character, and a password holding the username', () => {
    expect(codes('aaaaaaaaaaaa')).toContain('password_one_character');
    expect(codes('hanako-counter-2026', 'hanako')).toEqual(['password_has_username']);
  });

  it('takes a password no list has', () => {
    expect(codes('kujira-no-sora-ni-ame', 'hanako')).toEqual([]);
    expect(codes('7 horses eat 3 apples')).toEqual([]);
  });
});
