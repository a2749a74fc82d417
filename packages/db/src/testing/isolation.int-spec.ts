import { createDatabaseClient } from '../client';
import { createTestDatabase } from './index';

describe('test databases', () => {
  it('are fresh and separate: rows written in one run are invisible to another', async () => {
    const first = await createTestDatabase();
    const second = await createTestDatabase();
    const a = createDatabaseClient(first.url);
    const b = createDatabaseClient(second.url);
    try {
      expect(first.name).not.toBe(second.name);
      expect(first.name).not.toBe('madoguchi');
      await a.municipality.create({ data: { code: '000001', name: 'テスト市' } });
      expect(await a.municipality.count()).toBe(1);
      expect(await b.municipality.count()).toBe(0);
    } finally {
      await a.$disconnect();
      await b.$disconnect();
      await first.drop();
      await second.drop();
    }
  });
});
