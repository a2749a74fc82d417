import { readFileSync } from 'node:fs';
import path from 'node:path';
import { API_NODE_FLAGS } from './node-flags';

describe('API_NODE_FLAGS', () => {
  it('are the flags of the API’s own start script, the way a server runs it', () => {
    const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '../../../apps/api/package.json'), 'utf8')) as { scripts: { start: string } };
    expect(pkg.scripts.start).toBe(`node ${API_NODE_FLAGS.join(' ')} dist/main.js`);
  });
});
