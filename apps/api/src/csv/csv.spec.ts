import { csv } from './csv';

describe('csv', () => {
  it('writes UTF-8 with a BOM, CRLF lines and every cell quoted', () => {
    const bytes = csv([
      ['No.', '宛名'],
      [1, '試験 "花子"'],
    ]);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').slice(1)).toBe('"No.","宛名"\r\n"1","試験 ""花子"""\r\n');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    const text = csv([['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)', '\tx', 'ok-=']]).toString('utf8');
    expect(text.slice(1)).toBe(`"'=HYPERLINK(""x"")","'+1","'-2","'@SUM(A1)","'\tx","ok-="\r\n`);
  });
});
