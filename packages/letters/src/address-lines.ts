/**
 * Lines of a Japanese address for the envelope window. The street part and each building part
 * (written after a space: 「東京都江東区東陽4-11-28 江東マンション1203号室」) start lines of their
 * own; a line is broken only where Japanese addresses may break — never inside a house or room
 * number, nor before the word that ends one (「101号／室」, 「4丁／目」) — and only where it must.
 */
const NUMBERISH = /[0-9０-９\-－‐−ー一二三四五六七八九十〇]/;
/** Words that end a number: a break before them would strand the number (丁目, 番地, 号室, 階, 棟). */
const NUMBER_SUFFIX = /[丁目番地号室階棟FＦ]/;

function mayBreakBetween(prev: string, next: string): boolean {
  if (NUMBERISH.test(prev) && NUMBERISH.test(next)) return false;
  if (NUMBER_SUFFIX.test(next)) return false;
  return true;
}

/**
 * Break `address` into lines that `fits` (measured by the caller, in its font and size). A part
 * that has no allowed break short enough is broken where it must, rather than run out of the window.
 */
export function addressLines(address: string, fits: (line: string) => boolean): string[] {
  const parts = address
    .trim()
    .split(/[ \u3000]+/)
    .filter(Boolean);
  const lines: string[] = [];
  for (const part of parts) {
    const chars = [...part];
    let start = 0;
    while (start < chars.length) {
      let end = start + 1;
      while (end < chars.length && fits(chars.slice(start, end + 1).join(''))) end++;
      if (end < chars.length) {
        // Back up to the last place the line may break; if there is none, break where it must.
        let cut = end;
        while (cut > start + 1 && !mayBreakBetween(chars[cut - 1]!, chars[cut]!)) cut--;
        if (cut > start + 1) end = cut;
      }
      lines.push(chars.slice(start, end).join(''));
      start = end;
    }
  }
  return lines;
}
