import argon2 from 'argon2';

/** argon2id with the library's defaults (64 MiB, 3 passes), the OWASP-recommended family. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

let dummyHash: Promise<string> | undefined;

/**
 * Verify a password. For an unknown user, verify against a throwaway hash anyway, so the answer
 * takes as long and an attacker cannot tell which usernames exist.
 */
export async function verifyPassword(hash: string | undefined, password: string): Promise<boolean> {
  if (hash) return argon2.verify(hash, password).catch(() => false);
  dummyHash ??= hashPassword('no-such-user');
  await argon2.verify(await dummyHash, password).catch(() => false);
  return false;
}
