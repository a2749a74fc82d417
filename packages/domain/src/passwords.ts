import { refusal, type Refusal } from './refusals';

/**
 * Passwords people pick first and attackers try first (a short list: the length rule already
 * rules out most of the long lists' entries). Compared without case, spaces and trailing digits
 * and punctuation, so `Password2026!` is as common as `password`.
 */
const COMMON = new Set([
  'password',
  'passw0rd',
  'passwordpassword',
  'p@ssw0rd',
  'qwerty',
  'qwertyuiop',
  'qwertyqwerty',
  'asdfghjkl',
  'zxcvbnm',
  'letmein',
  'welcome',
  'welcomewelcome',
  'iloveyou',
  'admin',
  'administrator',
  'adminadmin',
  'changeme',
  'changemenow',
  'abcdefghijkl',
  'abcdefg',
  'abc',
  'monkey',
  'dragon',
  'football',
  'baseball',
  'sunshine',
  'princess',
  'superman',
  'trustno',
  'master',
  'shadow',
  'secret',
  'default',
  'guest',
  'login',
  'user',
  'test',
  'testtest',
  'madoguchi',
  'madoguchidemo',
  'mynumber',
  'mynumbercard',
  'tokyo',
  'japan',
  'nippon',
  'sakura',
  'yamada',
  'suzuki',
  'tanaka',
  'shiyakusho',
  'kuyakusho',
  'yakusho',
  'shimin',
  'madoguchi-demo',
  'counter',
  'clerk',
  'supervisor',
]);

const core = (password: string) =>
  password
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/[\d!?.#$%&*@_-]+$/u, '');

/** Why a password an administrator sets may not be used (beyond its length, which the schema checks). */
export function passwordRefusals(password: string, username: string | undefined, path = 'password'): Refusal[] {
  const problems: Refusal[] = [];
  if (new Set([...password]).size === 1) problems.push(refusal('password_one_character', undefined, path));
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push(refusal('password_has_username', undefined, path));
  const c = core(password);
  const sequence = /^\d+$/.test(password) && ('01234567890123456789'.includes(password) || '98765432109876543210'.includes(password));
  if (COMMON.has(c) || COMMON.has(password.toLowerCase()) || sequence || /^(1234|12345|123456)+$/.test(password)) {
    problems.push(refusal('password_too_common', undefined, path));
  }
  return problems;
}
