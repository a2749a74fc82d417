import { type Database, dateColumn } from '@madoguchi/db';
import { freeTextRefusals, localize, refusal, type Refusal } from '@madoguchi/domain';
import { residentRecordSchema, type ResidentRecord } from '@madoguchi/contract/schemas';
import { readWith } from '../validation/parse-body';

/**
 * The embedded register's import: the register's CSV export (UTF-8, a header row) into the
 * `residents` table of one municipality, updated by the register's own key. Every row is read
 * first; one bad row and nothing is written, each bad row reported with its line.
 */
export const RESIDENT_CSV_COLUMNS = [
  'resident_key',
  'family_name',
  'given_name',
  'family_name_kana',
  'given_name_kana',
  'birth_date',
  'postal_code',
  'address',
] as const;

const FIELD_OF: Record<(typeof RESIDENT_CSV_COLUMNS)[number], keyof ResidentRecord> = {
  resident_key: 'residentId',
  family_name: 'familyName',
  given_name: 'givenName',
  family_name_kana: 'familyNameKana',
  given_name_kana: 'givenNameKana',
  birth_date: 'birthDate',
  postal_code: 'postalCode',
  address: 'address',
};

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks; a BOM is dropped. */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const input = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!;
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && input[i + 1] === '\n') i++;
      cells.push(cell);
      if (cells.some((c) => c !== '')) rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += ch;
  }
  cells.push(cell);
  if (cells.some((c) => c !== '')) rows.push({ line: rowLine, cells });
  return rows;
}

export interface BadResidentRow {
  line: number;
  problems: string[];
}

export type ResidentCsv = { ok: true; records: ResidentRecord[] } | { ok: false; bad: BadResidentRow[] };

/** Read the CSV: the records, or every bad row with its line and what is wrong, in Japanese. */
export function readResidentCsv(text: string): ResidentCsv {
  const [header, ...rows] = parseCsv(text);
  const names = header?.cells.map((c) => c.trim()) ?? [];
  const missing = RESIDENT_CSV_COLUMNS.filter((c) => !names.includes(c));
  if (!header || missing.length)
    return { ok: false, bad: [{ line: 1, problems: [`見出し行に列がありません：${missing.join(', ') || RESIDENT_CSV_COLUMNS.join(', ')}`] }] };
  const bad: BadResidentRow[] = [];
  const records: ResidentRecord[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const raw = Object.fromEntries(RESIDENT_CSV_COLUMNS.map((c) => [FIELD_OF[c], row.cells[names.indexOf(c)] ?? '']));
    const read = readWith(residentRecordSchema, raw);
    const problems: Refusal[] = read.ok ? secretsIn(read.value) : read.problems;
    const key = read.ok ? read.value.residentId : undefined;
    if (key && seen.has(key)) problems.push(refusal('resident_key_duplicated', { line: seen.get(key)! }, 'residentId'));
    if (problems.length) bad.push({ line: row.line, problems: problems.map((p) => `${p.path ?? ''}: ${localize(p, 'ja')}`) });
    else if (read.ok) {
      records.push(read.value);
      seen.set(read.value.residentId, row.line);
    }
  }
  return bad.length ? { ok: false, bad } : { ok: true, records };
}

/** Names and addresses never carry an individual number (番地 and room numbers pass). */
function secretsIn(record: ResidentRecord): Refusal[] {
  return (['familyName', 'givenName', 'address'] as const).flatMap((field) => freeTextRefusals(record[field], field, 'label'));
}

export interface ResidentImportReport {
  created: number;
  changed: number;
  unchanged: number;
}

/** Rows read and written at a time: a city's register holds hundreds of thousands of residents. */
const IMPORT_BATCH = 1000;

/**
 * Write the records in one transaction, by the register's key: new rows, changed rows, the rest
 * left as they are. Read and written in batches, so a whole city's export stays within what one
 * statement may carry.
 */
export async function importResidents(db: Database, municipalityId: string, records: readonly ResidentRecord[]): Promise<ResidentImportReport> {
  return db.$transaction(
    async (tx) => {
      const report: ResidentImportReport = { created: 0, changed: 0, unchanged: 0 };
      for (let start = 0; start < records.length; start += IMPORT_BATCH) {
        const batch = records.slice(start, start + IMPORT_BATCH);
        const existing = new Map(
          (await tx.resident.findMany({ where: { municipalityId, residentKey: { in: batch.map((r) => r.residentId) } } })).map((r) => [r.residentKey, r]),
        );
        const created = [];
        for (const { residentId, birthDate, ...fields } of batch) {
          const data = { ...fields, birthDate: dateColumn(birthDate) };
          const before = existing.get(residentId);
          if (!before) created.push({ municipalityId, residentKey: residentId, ...data });
          else if (Object.entries(data).some(([k, v]) => String(before[k as keyof typeof before]) !== String(v))) {
            await tx.resident.update({ where: { id: before.id }, data });
            report.changed++;
          } else report.unchanged++;
        }
        if (created.length) report.created += (await tx.resident.createMany({ data: created })).count;
      }
      return report;
    },
    { timeout: 600_000 },
  );
}
