import { addressLines } from './address-lines';

/** A line fits when it has at most `n` characters (the letter measures in its font instead). */
const atMost = (n: number) => (line: string) => [...line].length <= n;

describe('address lines for the envelope window', () => {
  it('keeps a short address on one line, and puts each building part on a line of its own', () => {
    expect(addressLines('東京都江東区東陽4-11-28', atMost(20))).toEqual(['東京都江東区東陽4-11-28']);
    expect(addressLines('東京都江東区東陽4-11-28　江東マンション1203号室', atMost(20))).toEqual(['東京都江東区東陽4-11-28', '江東マンション1203号室']);
  });

  it('never breaks inside a house or room number, nor before the word that ends it', () => {
    expect(addressLines('見本県見本市中央1-2-3 見本ハイツ101号室', atMost(12))).toEqual(['見本県見本市中央', '1-2-3', '見本ハイツ101号室']);
    expect(addressLines('ハイツ101号室', atMost(7))).toEqual(['ハイツ', '101号室']);
    expect(addressLines('東陽四丁目11番28号', atMost(6))).toEqual(['東陽四丁目', '11番28号']);
    for (const width of [8, 9, 10, 11, 12, 13, 14]) {
      const lines = addressLines('見本県見本市中央一丁目2番地3号 見本レジデンス東棟1203号室', atMost(width));
      for (const [i, line] of lines.slice(1).entries()) {
        expect([lines[i], line, /^[号室番地目階棟]/.test(line) || (/[0-9]$/.test(lines[i]!) && /^[0-9]/.test(line))]).toEqual([lines[i], line, false]);
      }
      expect(lines.join('')).toBe('見本県見本市中央一丁目2番地3号見本レジデンス東棟1203号室');
    }
  });

  it('breaks where it must when a part has no allowed break that fits', () => {
    expect(addressLines('1234567890', atMost(4))).toEqual(['1234', '5678', '90']);
  });
});
