// The floor of one case's page: the plain SQL an engineer would write for the same answer (the case
// with its parties, documents, letters and history as JSON), in one statement. `inMunicipality` is
// the condition naming the caller's municipality, its offices as $2; the case's id is $1.
export const casePageFloor = (inMunicipality) =>
  `SELECT c.*, (SELECT json_agg(p) FROM parties p WHERE p.case_id = c.id) parties, (SELECT json_agg(d) FROM presented_documents d WHERE d.case_id = c.id) documents,
          (SELECT json_agg(l) FROM (SELECT id, status, inquiry_number, mailed_on, reply_deadline FROM inquiry_letters WHERE case_id = c.id) l) letters,
          (SELECT json_agg(h) FROM (SELECT h.*, s.username FROM case_history h JOIN staff_users s ON s.id = h.actor_id WHERE h.case_id = c.id ORDER BY h.id) h) history
   FROM cases c WHERE c.id = $1 AND ${inMunicipality}`;
