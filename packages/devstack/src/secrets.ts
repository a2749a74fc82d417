import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The secrets `npm start` needs and that must survive restarts (tokens, and later the letters' check codes). */
export interface LocalSecrets {
  AUTH_SECRET: string;
}

/**
 * The local installation's secrets: from the environment when set, otherwise made once and kept
 * in `<dataDir>/secrets.json` (readable by the owner only, never committed).
 */
export function localSecrets(dataDir: string, env: NodeJS.ProcessEnv = process.env): LocalSecrets {
  const file = path.join(dataDir, 'secrets.json');
  let stored: Partial<LocalSecrets> = {};
  if (existsSync(file)) stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<LocalSecrets>;
  const secrets: LocalSecrets = { AUTH_SECRET: stored.AUTH_SECRET ?? randomBytes(48).toString('base64') };
  if (!stored.AUTH_SECRET) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  }
  return { AUTH_SECRET: env.AUTH_SECRET || secrets.AUTH_SECRET };
}
