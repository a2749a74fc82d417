import { readFileSync } from 'node:fs';
import path from 'node:path';
import { API_NODE_FLAGS } from './node-flags';

const repoRoot = path.resolve(__dirname, '../../..');

describe('API_NODE_FLAGS', () => {
  it('are the flags of the API’s own start script, the way a server runs it', () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'apps/api/package.json'), 'utf8')) as { scripts: { start: string } };
    expect(pkg.scripts.start).toBe(`node ${API_NODE_FLAGS.join(' ')} dist/main.js`);
  });

  it('are the flags of the API’s systemd unit', () => {
    const unit = readFileSync(path.join(repoRoot, 'deploy/systemd/madoguchi-api@.service'), 'utf8');
    expect(unit.split('\n').filter((line) => line.startsWith('ExecStart='))).toEqual([
      `ExecStart=/usr/bin/node ${API_NODE_FLAGS.join(' ')} apps/api/dist/main.js`,
    ]);
  });
});
