import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './services';

/**
 * Tests that start the built API (`startApi`, `openCounter`) need `apps/api/dist` before they run.
 * Turbo runs a workspace's tests once its own dependencies are built, and the API is not one of
 * them, so each such workspace must name the API's build in `turbo.json`: without it the order is
 * luck, and CI once lost that bet.
 */
interface TurboTask {
  dependsOn?: string[];
}
const turbo = JSON.parse(readFileSync(path.join(REPO_ROOT, 'turbo.json'), 'utf8')) as { tasks: Record<string, TurboTask> };

function workspaces(): { name: string; dir: string }[] {
  return ['apps', 'packages'].flatMap((group) =>
    readdirSync(path.join(REPO_ROOT, group)).map((entry) => {
      const dir = path.join(REPO_ROOT, group, entry);
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name: string };
      return { name: manifest.name, dir };
    }),
  );
}

function specFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(int-spec|e2e-spec|system-spec)\.tsx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !file.includes('node_modules'));
}

/** Whether any of the workspace's own tests (or the helpers they use) start the built API. */
function startsTheApi(dir: string): boolean {
  const sources = specFiles(path.join(dir, 'src'));
  const helpers = readdirSync(path.join(dir, 'src'), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.parentPath.includes(`${path.sep}testing`) && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
  return [...sources, ...helpers].some((file) => /\b(startApi|openCounter)\(/.test(readFileSync(file, 'utf8')));
}

describe('turbo task order', () => {
  const needing = workspaces().filter(({ name, dir }) => name !== '@madoguchi/api' && startsTheApi(dir));

  it('finds the workspaces whose tests start the API', () => {
    expect(needing.map((w) => w.name)).toEqual(expect.arrayContaining(['@madoguchi/jobs', '@madoguchi/worker']));
  });

  it.each(needing.map((w) => [w.name]))('%s tests run after the API is built', (name) => {
    expect(turbo.tasks[`${name}#test`]?.dependsOn ?? []).toContain('@madoguchi/api#build');
  });
});
