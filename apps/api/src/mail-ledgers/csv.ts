/**
 * CSV as spreadsheets open it: UTF-8 with a BOM (Excel reads Japanese then), CRLF lines, every cell
 * quoted, and a cell a spreadsheet would run as a formula (`= + - @`, or a tab or CR first) made
 * plain text with a leading apostrophe.
 */
export function csv(rows: readonly (readonly (string | number)[])[]): Buffer {
  const cell = (value: string | number) => {
    const text = String(value);
    const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
    return `"${safe.replace(/"/g, '""')}"`;
  };
  return Buffer.from(`\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`, 'utf8');
}
