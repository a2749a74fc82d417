// The floors of the lists: the plain SQL an engineer would write for a page of cases with each one's
// holder and current letter, and the total as the API counts it (run.mjs, cpu.mjs). `inMunicipality`
// is the condition naming the caller's municipality, its offices as $1.
export const LIST_PAGE_FLOOR = `
  SELECT c.id, c.receipt_number, c.state, c.route, c.created_at, h.family_name, h.given_name, h.family_name_kana, h.given_name_kana, l.reply_deadline
  FROM cases c
  JOIN parties h ON h.case_id = c.id AND h.role = 'holder'
  LEFT JOIN LATERAL (SELECT reply_deadline FROM inquiry_letters WHERE case_id = c.id AND status <> 'superseded' ORDER BY created_at DESC LIMIT 1) l ON true`;

/** The list as it opens: newest first, and the total up to the cap. */
export const newestFirstFloor = (inMunicipality) => [
  `${LIST_PAGE_FLOOR} WHERE ${inMunicipality} ORDER BY c.created_at DESC, c.id LIMIT 25`,
  `SELECT count(*) FROM (SELECT 1 FROM cases c WHERE ${inMunicipality} LIMIT 1001) n`,
];

/** Today's walk-ins: the day's bounds as $2 and $3, newest first, and the total up to the cap. */
export const todaysWalkInsFloor = (inMunicipality) => [
  `${LIST_PAGE_FLOOR} WHERE ${inMunicipality} AND c.created_at >= $2 AND c.created_at < $3 ORDER BY c.created_at DESC, c.id LIMIT 25`,
  `SELECT count(*) FROM (SELECT 1 FROM cases c WHERE ${inMunicipality} AND c.created_at >= $2 AND c.created_at < $3 LIMIT 1001) n`,
];

/**
 * A kana search, the prefix as $2 and $2 followed by the last character there is as $3 (a range of
 * the C-collated index, as the API asks). A search is not counted, by the API or here: one row past
 * the page says whether there is more.
 */
export const kanaSearchFloor = (inMunicipality) => [
  `${LIST_PAGE_FLOOR} WHERE ${inMunicipality} AND EXISTS (SELECT 1 FROM parties p WHERE p.case_id = c.id AND ((p.family_name_kana >= $2 AND p.family_name_kana < $3) OR (p.given_name_kana >= $2 AND p.given_name_kana < $3))) ORDER BY c.created_at DESC, c.id LIMIT 26`,
];

/** The values a floor's statement takes: as many of `params` as its highest placeholder ($n) names. */
export const paramsFor = (text, params) =>
  params.slice(
    0,
    (text.match(/\$\d/g) ?? []).reduce((m, p) => Math.max(m, Number(p.slice(1))), 0),
  );
