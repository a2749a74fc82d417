import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readServiceUnit, SYSTEMD_DIR } from './units';

/**
 * The systemd units of deploy/systemd, checked the way an operator's tools check them (no systemd
 * runs here to start them; production.system-spec.ts runs what they start): `systemd-analyze
 * verify` has nothing to say, and `systemd-analyze security` rates each unit's exposure at 4.0 or less.
 */
const UNITS = readdirSync(SYSTEMD_DIR).filter((f) => f.endsWith('.service'));
/** The API's template, as the two instances nginx is configured with. */
const INSTANCES = ['madoguchi-api@3001.service', 'madoguchi-api@3002.service'];
const CHECKED = [...UNITS.filter((f) => !f.endsWith('@.service')), ...INSTANCES];

let dir: string;
beforeAll(() => {
  if (spawnSync('systemd-analyze', ['--version']).status !== 0) throw new Error('systemd-analyze is missing: apt-get install -y systemd');
  dir = mkdtempSync(path.join(os.tmpdir(), 'madoguchi-units-'));
  for (const unit of UNITS) copyFileSync(path.join(SYSTEMD_DIR, unit), path.join(dir, unit));
  for (const instance of INSTANCES) symlinkSync('madoguchi-api@.service', path.join(dir, instance));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function analyze(...args: string[]): { status: number | null; said: string } {
  const run = spawnSync('systemd-analyze', args, { encoding: 'utf8' });
  return { status: run.status, said: `${run.stdout}${run.stderr}`.trim() };
}

describe('the systemd units', () => {
  it('are the migrations, the API template and the worker', () => {
    expect(UNITS.sort()).toEqual(['madoguchi-api@.service', 'madoguchi-migrate.service', 'madoguchi-worker.service']);
  });

  it('pass systemd-analyze verify without a word, the API as two instances beside the units they require', () => {
    expect(analyze('verify', ...CHECKED.map((u) => path.join(dir, u)))).toEqual({ status: 0, said: '' });
  });

  it('a unit with a mistake in it is not passed (the check can fail)', () => {
    const broken = path.join(dir, 'madoguchi-broken.service');
    writeFileSync(broken, readFileSync(path.join(dir, 'madoguchi-worker.service'), 'utf8').replace('Restart=on-failure', 'Restart=on-failure\nRestartSecs=2s'));
    try {
      expect(analyze('verify', broken).said).toContain("Unknown key 'RestartSecs'");
    } finally {
      rmSync(broken);
    }
  });

  it('each has an exposure of 4.0 or less by systemd-analyze security', () => {
    const exposures = Object.fromEntries(
      CHECKED.map((unit) => {
        const { said } = analyze('security', '--offline=true', path.join(dir, unit));
        const level = /Overall exposure level for \S+: (\d+\.\d+)/.exec(said);
        if (!level) throw new Error(`no exposure level for ${unit}:\n${said}`);
        return [unit, Number(level[1])];
      }),
    );
    expect(Object.entries(exposures).filter(([, level]) => level > 4.0)).toEqual([]);
    expect(Object.keys(exposures)).toHaveLength(4);
  });

  it('each runs as the unprivileged madoguchi user, from the installed release, with the secrets from one file', () => {
    for (const [unit, instance] of [...UNITS.map((u) => [u, ''] as const), ['madoguchi-api@.service', '3001'] as const]) {
      const service = readServiceUnit(unit, instance);
      expect({ unit, user: service.user, cwd: service.workingDirectory, file: service.environmentFile, node: service.execStart[0] }).toEqual({
        unit,
        user: 'madoguchi',
        cwd: '/opt/madoguchi/current',
        file: '/etc/madoguchi/madoguchi.env',
        node: '/usr/bin/node',
      });
      expect(service.environment.NODE_ENV).toBe('production');
    }
    expect(readServiceUnit('madoguchi-api@.service', '3001').environment.PORT).toBe('3001');
    for (const unit of ['madoguchi-api@.service', 'madoguchi-worker.service']) {
      const text = readFileSync(path.join(SYSTEMD_DIR, unit), 'utf8');
      expect(text).toContain('Restart=on-failure');
      expect(text).toContain('Requires=madoguchi-migrate.service');
    }
  });
});
