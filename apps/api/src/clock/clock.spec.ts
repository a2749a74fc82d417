import { japanDate } from './clock';

describe('japanDate', () => {
  it('is the date in Japan, not in UTC', () => {
    expect(japanDate(new Date('2026-11-23T14:59:59Z'))).toBe('2026-11-23');
    expect(japanDate(new Date('2026-11-23T15:00:00Z'))).toBe('2026-11-24');
  });
});
