// The floor of a list's page: the plain SQL an engineer would write for a page of cases with each
// one's holder and current letter (run.mjs, cpu.mjs), to be followed by the list's WHERE, ORDER BY
// and LIMIT.
export const LIST_PAGE_FLOOR = `
  SELECT c.id, c.receipt_number, c.state, c.route, c.created_at, h.family_name, h.given_name, h.family_name_kana, h.given_name_kana, l.reply_deadline
  FROM cases c
  JOIN parties h ON h.case_id = c.id AND h.role = 'holder'
  LEFT JOIN LATERAL (SELECT reply_deadline FROM inquiry_letters WHERE case_id = c.id AND status <> 'superseded' ORDER BY created_at DESC LIMIT 1) l ON true`;
