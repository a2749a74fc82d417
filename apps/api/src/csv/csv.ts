/**
 * CSV as spreadsheets open it: UTF-8 with a BOM (Excel reads Japanese then), CRLF lines, every cell
 * quoted, and a cell a spreadsheet would run as a formula (`= + - @`, or a tab or CR first) made
 * plain text with a leading apostrophe.
 */
export const CSV_BOM = '\uFEFF';

/** One line of cells, with its CRLF. */
export function csvLine(cells: readonly (string | number)[]): string {
  const cell = (value: string | number) => {
    const text = String(value);
    const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
    return `"${safe.replace(/"/g, '""')}"`;
  };
  return `${cells.map(cell).join(',')}\r\n`;
}

/** A whole CSV document. */
export function csv(rows: readonly (readonly (string | number)[])[]): Buffer {
  return Buffer.from(CSV_BOM + rows.map(csvLine).join(''), 'utf8');
}
