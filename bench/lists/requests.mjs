// The API requests the list benches send: a page of the case list as the console asks for it, and a
// case of the demo city's head office to open (one waiting for its reply: a letter, a history).

const enc = (v) => encodeURIComponent(JSON.stringify(v));

/** `GET /api/cases` for the first page of 25, newest first, narrowed by `filter` (react-admin's simple-rest form). */
export const caseListPath = (filter) => `/api/cases?filter=${enc(filter)}&sort=${enc(['createdAt', 'DESC'])}&range=${enc([0, 24])}`;

/** The id of a mailed case of the head office ('HQ'), read with a pg pool or client as the owner. */
export async function mailedCaseOfHq(db) {
  const { rows } = await db.query(`SELECT c.id FROM cases c JOIN offices o ON o.id = c.office_id WHERE o.code = 'HQ' AND c.state = 'inquiry_mailed' LIMIT 1`);
  return rows[0].id;
}
