import argon2 from 'argon2';

/** Work that takes turns: at most `size` at once, the rest started in the order they came. */
export class Turns {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly size: number) {}

  async take<T>(work: () => Promise<T>): Promise<T> {
    // A turn that ends hands itself to the next in line (running stays the same), or is given back.
    if (this.running < this.size) this.running++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

/**
 * argon2 holds 64 MiB while it computes: five logins at once took a process from 233 to 426 MB
 * (bench/README.md, 2026-12-03). Two at a time keep a burst of logins at opening time to 128 MiB
 * more, and two of libuv's four threads free for the rest; the others wait their turn (a login
 * takes tens of milliseconds).
 */
const passwordWork = new Turns(2);

/** argon2id with the library's defaults (64 MiB, 3 passes), the OWASP-recommended family. */
export function hashPassword(password: string): Promise<string> {
  return passwordWork.take(() => argon2.hash(password, { type: argon2.argon2id }));
}

let dummyHash: Promise<string> | undefined;

/**
 * Verify a password. For an unknown user, verify against a throwaway hash anyway, so the answer
 * takes as long and an attacker cannot tell which usernames exist.
 */
export async function verifyPassword(hash: string | undefined, password: string): Promise<boolean> {
  const verify = (against: string) => passwordWork.take(() => argon2.verify(against, password)).catch(() => false);
  if (hash) return verify(hash);
  dummyHash ??= hashPassword('no-such-user');
  await verify(await dummyHash);
  return false;
}
