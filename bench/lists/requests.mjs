// The API requests the list benches send: a page of the case list as the console asks for it, and a
// case of the demo city's head office to open (one waiting for its reply: a letter, a history); the
// largest city (the demo staff's) and today, as the benches' floors name them.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { addDays, japanDate, japanDayStart } = require(`${root}/packages/domain/dist/index.js`);

const enc = (v) => encodeURIComponent(JSON.stringify(v));

/** `GET /api/cases` for the first page of 25, newest first, narrowed by `filter` (react-admin's simple-rest form). */
export const caseListPath = (filter) => `/api/cases?filter=${enc(filter)}&sort=${enc(['createdAt', 'DESC'])}&range=${enc([0, 24])}`;

/** The id of a mailed case of the head office ('HQ'), read with a pg pool or client as the owner. */
export async function mailedCaseOfHq(db) {
  const { rows } = await db.query(`SELECT c.id FROM cases c JOIN offices o ON o.id = c.office_id WHERE o.code = 'HQ' AND c.state = 'inquiry_mailed' LIMIT 1`);
  return rows[0].id;
}

/** The largest city (the one of the head office 'HQ'): its id and its offices' ids, read with a pg pool or client as the owner. */
export async function largestCity(db) {
  const { rows } = await db.query(
    `SELECT municipality_id, array_agg(id) AS offices FROM offices WHERE municipality_id = (SELECT municipality_id FROM offices WHERE code = 'HQ') GROUP BY 1`,
  );
  return { municipalityId: rows[0].municipality_id, offices: rows[0].offices };
}

/** Today in Japan, and the instants it begins and ends (the bounds of today's walk-ins). */
export function todayInJapan() {
  const date = japanDate(new Date());
  return { date, start: japanDayStart(date), end: japanDayStart(addDays(date, 1)) };
}
