import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, startProcess, type RunningProcess } from '@madoguchi/devstack/testing';

/** util-linux's runuser, by its path: the services' own PATH does not reach /usr/sbin. */
export const RUNUSER = '/usr/sbin/runuser';

/** Where the units say the release is installed (docs/production.md). */
export const INSTALL_ROOT = '/opt/madoguchi/current';
export const SYSTEMD_DIR = path.join(REPO_ROOT, 'deploy/systemd');

/** What systemd takes from a unit's [Service] section to start its process. */
export interface ServiceUnit {
  user: string;
  workingDirectory: string;
  /** `Environment=`'s assignments. */
  environment: Record<string, string>;
  environmentFile: string;
  execStart: string[];
}

/** A unit file's [Service] settings, with `%i` the instance's name (madoguchi-api@3001: "3001"). */
export function readServiceUnit(file: string, instance = ''): ServiceUnit {
  const settings = new Map<string, string[]>();
  let section = '';
  for (const raw of readFileSync(path.join(SYSTEMD_DIR, file), 'utf8').split('\n')) {
    const line = raw.trim();
    if (line.startsWith('[')) section = line;
    if (section !== '[Service]' || !line.includes('=') || line.startsWith('#')) continue;
    const at = line.indexOf('=');
    const key = line.slice(0, at);
    settings.set(key, [...(settings.get(key) ?? []), line.slice(at + 1).replaceAll('%i', instance)]);
  }
  const one = (key: string) => {
    const values = settings.get(key) ?? [];
    if (values.length !== 1) throw new Error(`${file}: expected one ${key}=, found ${values.length}`);
    return values[0]!;
  };
  return {
    user: one('User'),
    workingDirectory: one('WorkingDirectory'),
    environment: Object.fromEntries((settings.get('Environment') ?? []).flatMap((v) => v.split(/\s+/)).map((a) => a.split('=', 2) as [string, string])),
    environmentFile: one('EnvironmentFile'),
    execStart: one('ExecStart').split(/\s+/),
  };
}

/** An EnvironmentFile's assignments, read as systemd reads them: `KEY=value` lines, `#` comments. */
export function readEnvironmentFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const at = line.indexOf('=');
    if (at < 1) throw new Error(`not an assignment: ${line}`);
    out[line.slice(0, at).trim()] = line
      .slice(at + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
  }
  return out;
}

/** A unit's environment as systemd gives it: a minimal PATH, Environment=, then its EnvironmentFile (whose values win). */
export function unitEnvironment(unit: ServiceUnit, environmentFile: string): NodeJS.ProcessEnv {
  return { PATH: '/usr/local/bin:/usr/bin:/bin', ...unit.environment, ...readEnvironmentFile(readFileSync(environmentFile, 'utf8')) };
}

/**
 * Run a unit's ExecStart as systemd would, short of systemd itself (none runs here): as its user
 * (runuser), in its working directory (the release unpacked at `root` instead of INSTALL_ROOT),
 * with its environment (`unitEnvironment`).
 */
export function runUnit(unit: ServiceUnit, root: string, environmentFile: string): RunningProcess {
  const cwd = unit.workingDirectory.replace(INSTALL_ROOT, root);
  return startProcess(RUNUSER, ['-u', unit.user, '--', ...unit.execStart], unitEnvironment(unit, environmentFile), cwd);
}
