#!/usr/bin/env node
/**
 * `npm run residents:import -- --municipality CODE file.csv`: the resident register's CSV export
 * into the embedded register of one municipality (README: the columns). Reports new, changed and
 * unchanged rows; with a bad row it reports each one with its line and writes nothing.
 */
import { readFileSync } from 'node:fs';
import { createDatabaseClient } from '@madoguchi/db';
import { resolveDatabaseUrl } from '@madoguchi/db/tools';
import { importResidents, readResidentCsv } from './resident-import';

async function main(argv: string[]): Promise<number> {
  const at = argv.indexOf('--municipality');
  const code = at >= 0 ? argv[at + 1] : undefined;
  const file = argv.find((a, i) => !a.startsWith('--') && i !== at + 1);
  if (!code || !file) {
    console.error('Usage: npm run residents:import -- --municipality CODE file.csv');
    return 2;
  }
  const csv = readResidentCsv(readFileSync(file, 'utf8'));
  if (!csv.ok) {
    for (const row of csv.bad) console.error(`${file}:${row.line}: ${row.problems.join(' / ')}`);
    console.error(`${csv.bad.length} bad row(s): nothing was imported.`);
    return 1;
  }
  const { url, stop } = await resolveDatabaseUrl();
  const db = createDatabaseClient(url, { poolSize: 1 });
  try {
    const municipality = await db.municipality.findUnique({ where: { code } });
    if (!municipality) {
      console.error(`No municipality with code ${code}.`);
      return 1;
    }
    const report = await importResidents(db, municipality.id, csv.records);
    console.log(`${municipality.name} (${code}): ${report.created} new, ${report.changed} changed, ${report.unchanged} unchanged.`);
    return 0;
  } finally {
    await db.$disconnect();
    await stop?.();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
