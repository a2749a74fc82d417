import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The secrets `npm start` needs and that must survive restarts (tokens, and later the letters' check codes). */
export interface LocalSecrets {
  AUTH_SECRET: string;
  LETTER_SECRET: string;
}

const NAMES = ['AUTH_SECRET', 'LETTER_SECRET'] as const;

/**
 * The local installation's secrets: from the environment when set, otherwise made once and kept
 * in `<dataDir>/secrets.json` (readable by the owner only, never committed).
 */
export function localSecrets(dataDir: string, env: NodeJS.ProcessEnv = process.env): LocalSecrets {
  const file = path.join(dataDir, 'secrets.json');
  let stored: Partial<LocalSecrets> = {};
  if (existsSync(file)) stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<LocalSecrets>;
  const secrets = Object.fromEntries(NAMES.map((n) => [n, stored[n] ?? randomBytes(48).toString('base64')])) as unknown as LocalSecrets;
  if (NAMES.some((n) => !stored[n])) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  }
  return Object.fromEntries(NAMES.map((n) => [n, env[n] || secrets[n]])) as unknown as LocalSecrets;
}
