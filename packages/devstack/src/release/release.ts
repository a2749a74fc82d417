import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * What a city's server runs, and nothing it does not: the built API and worker with the packages
 * they load, the console as static files, the migrations, the deployment files and the lock file,
 * so that `npm ci --omit=dev` installs exactly the tested dependencies. The source, the tests and
 * `npm start`'s machinery (devstack, Vite, the embedded PostgreSQL) stay behind.
 */
export const SERVICE_WORKSPACES = [
  'apps/api',
  'apps/worker',
  'packages/contract',
  'packages/db',
  'packages/domain',
  'packages/jobs',
  'packages/letters',
  'packages/platform',
] as const;

/** Files and folders taken as they are. */
const TAKEN = ['package.json', 'package-lock.json', 'README.md', 'prisma/schema.prisma', 'prisma/migrations', 'deploy', 'docs/production.md'];

export interface ReleaseName {
  version: string;
  commit: string;
  /** `madoguchi-<version>-<commit>`: the tarball's name and its top folder. */
  name: string;
}

export function releaseName(repoRoot: string, files: readonly string[]): ReleaseName {
  const { version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();
  // A tarball holding uncommitted work says so in its name: it is not the commit it names. (The
  // build's output is git-ignored; what it was built from is under the workspaces' src.)
  const sources = files.map((f) => f.replace(/\/dist$/, '/src'));
  const commit = git('rev-parse', '--short=12', 'HEAD') + (git('status', '--porcelain', '--', ...sources) ? '-dirty' : '');
  return { version, commit, name: `madoguchi-${version}-${commit}` };
}

/** The files of the release, relative to the repository root, every one present. */
export function releaseFiles(repoRoot: string): string[] {
  const workspaces = ['apps', 'packages'].flatMap((dir) =>
    readdirSync(path.join(repoRoot, dir))
      .map((name) => `${dir}/${name}`)
      .filter((ws) => existsSync(path.join(repoRoot, ws, 'package.json'))),
  );
  const built = [...SERVICE_WORKSPACES.map((ws) => `${ws}/dist`), 'apps/console/dist'];
  const files = [...TAKEN, ...workspaces.map((ws) => `${ws}/package.json`), ...built];
  const missing = files.filter((f) => !existsSync(path.join(repoRoot, f)));
  if (missing.length) throw new Error(`The release needs a build first (npm run build): missing ${missing.join(', ')}`);
  return [...new Set(files)].sort();
}

/**
 * Pack the release into `<outDir>/<name>.tar.gz`, reproducibly (sorted, root-owned, dated by the
 * commit), with a RELEASE file naming its version and commit. Returns the tarball's path.
 */
export async function packRelease(repoRoot: string, outDir: string): Promise<string> {
  const files = releaseFiles(repoRoot);
  const release = releaseName(repoRoot, files);
  const stamp = execFileSync('git', ['log', '-1', '--format=%ct'], { cwd: repoRoot, encoding: 'utf8' }).trim();
  const staging = await mkdtemp(path.join(os.tmpdir(), `${release.name}-`));
  try {
    await writeFile(path.join(staging, 'RELEASE'), `madoguchi ${release.version} ${release.commit}\n`);
    await mkdir(outDir, { recursive: true });
    const tarball = path.join(outDir, `${release.name}.tar.gz`);
    const common = ['--sort=name', '--owner=0', '--group=0', '--numeric-owner', `--mtime=@${stamp}`, `--transform=s,^,${release.name}/,`];
    execFileSync('tar', ['-czf', tarball, ...common, '--exclude=*.tsbuildinfo', '-C', repoRoot, ...files, '-C', staging, 'RELEASE']);
    return tarball;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
