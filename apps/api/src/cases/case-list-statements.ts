import { Prisma, readRows, type Database } from '@madoguchi/db';
import { addDays, isSearchable, japanDayStart, readSearch, receiptNumberHasMunicipality, type CaseState } from '@madoguchi/domain';
import type { CaseListFilterRequest } from '@madoguchi/contract/schemas';
import type { StaffPrincipal } from '../auth/principal';
import { casesInScopeSql, ownOffice } from '../scope/scope';
import type { SummarySource } from './case-list';

/**
 * The case list's statements (the list, its count, the CSV export): the caller's filter as SQL, and
 * a page of cases with each one's holder and current letter in one statement.
 */

/** The list's filter as SQL over `cases c`: the caller's municipality, narrowed by each filter given. */
export function caseListWhere(staff: StaffPrincipal, f: CaseListFilterRequest, today: string): Prisma.Sql {
  const and: Prisma.Sql[] = [casesInScopeSql(staff)];
  if (f.id) and.push(Prisma.sql`c.id = ANY(${f.id}::uuid[])`);
  if (f.state) and.push(Prisma.sql`c.state = ANY(${[f.state].flat()}::"CaseState"[])`);
  if (f.route) and.push(Prisma.sql`c.route = ${f.route}::"Route"`);
  if (f.officeId) and.push(Prisma.sql`c.office_id = ${ownOffice(staff, f.officeId, 'filter.officeId')}::uuid`);
  if (f.createdFrom) and.push(Prisma.sql`c.created_at >= ${japanDayStart(f.createdFrom)}`);
  if (f.createdTo) and.push(Prisma.sql`c.created_at < ${japanDayStart(addDays(f.createdTo, 1))}`);
  if (f.overdue !== undefined) and.push(f.overdue ? overdueSql(today) : Prisma.sql`NOT (${overdueSql(today)})`);
  if (f.q) and.push(searchSql(staff, f.q));
  return Prisma.join(and, ' AND ');
}

/** Mailed agent cases whose reply deadline has passed (as `overdueWhere`, for Prisma's queries). */
function overdueSql(today: string): Prisma.Sql {
  return Prisma.sql`c.state = 'inquiry_mailed' AND EXISTS (
    SELECT 1 FROM inquiry_letters l WHERE l.case_id = c.id AND l.status = 'mailed' AND l.reply_deadline < ${today}::date)`;
}

/** The last character there is: every string that starts with a prefix sorts below prefix + this one under "C". */
const LAST_CHARACTER = String.fromCodePoint(0x10ffff);

/**
 * `column` starts with `prefix`, as a range of a column under the "C" collation (the kana and the
 * search-name columns): its index serves it, and, unlike LIKE, its comparisons are LEAKPROOF, so
 * row-level security lets them be index conditions rather than a filter over the whole city.
 */
function startsWith(column: 'p.family_name_kana' | 'p.given_name_kana' | 'p.search_name', prefix: string): Prisma.Sql {
  return Prisma.sql`(${Prisma.raw(column)} >= ${prefix} AND ${Prisma.raw(column)} < ${prefix + LAST_CHARACTER})`;
}

/** The search box: the entry read only as what it can be (a receipt number, an inquiry number, kana, a name). */
function searchSql(staff: StaffPrincipal, q: string): Prisma.Sql {
  const terms = readSearch(q);
  // An entry that is none of them finds nothing.
  if (!isSearchable(terms)) return Prisma.sql`false`;
  const any: Prisma.Sql[] = [];
  if (terms.receiptNumber) {
    // Typed without its municipality's code, at the caller's own counter: the caller's completes it.
    const typed = receiptNumberHasMunicipality(terms.receiptNumber)
      ? Prisma.sql`${terms.receiptNumber}`
      : Prisma.sql`(SELECT m.code || '-' FROM municipalities m WHERE m.id = ${staff.municipalityId}::uuid) || ${terms.receiptNumber}`;
    any.push(Prisma.sql`c.receipt_number = ${typed}`);
  }
  if (terms.inquiryNumber) any.push(Prisma.sql`EXISTS (SELECT 1 FROM inquiry_letters l WHERE l.case_id = c.id AND l.inquiry_number = ${terms.inquiryNumber})`);
  if (terms.kana) {
    const kana = terms.kana;
    any.push(
      Prisma.sql`EXISTS (SELECT 1 FROM parties p WHERE p.case_id = c.id AND (${startsWith('p.family_name_kana', kana)} OR ${startsWith('p.given_name_kana', kana)}))`,
    );
  }
  if (terms.name) any.push(Prisma.sql`EXISTS (SELECT 1 FROM parties p WHERE p.case_id = c.id AND ${startsWith('p.search_name', terms.name)})`);
  return Prisma.sql`(${Prisma.join(any, ' OR ')})`;
}

const SORT_COLUMNS = { createdAt: 'created_at', updatedAt: 'updated_at', receiptNumber: 'receipt_number', state: 'state' } as const;

/** An ORDER BY of the list's sortable fields, the id breaking ties. */
export function caseListOrder(field: keyof typeof SORT_COLUMNS, direction: 'asc' | 'desc', idDirection: 'asc' | 'desc' = 'asc'): Prisma.Sql {
  return Prisma.raw(`c.${SORT_COLUMNS[field]} ${direction === 'asc' ? 'ASC' : 'DESC'}, c.id ${idDirection === 'asc' ? 'ASC' : 'DESC'}`);
}

interface CaseListRow {
  id: string;
  receipt_number: string;
  office_id: string;
  state: CaseState;
  route: SummarySource['route'];
  reason: string;
  pins: SummarySource['pins'];
  version: number;
  created_at: Date;
  updated_at: Date;
  family_name: string | null;
  given_name: string | null;
  family_name_kana: string | null;
  given_name_kana: string | null;
  letter_status: string | null;
  reply_deadline: string | null;
  returned_at: Date | null;
}

/** A case as a page of the list reads it: a list row's source, and its reason (the CSV export's). */
export type ListedCase = SummarySource & { reason: string };

/**
 * One page of cases, each with its holder and current letter, in one statement: the page is cut
 * first (by an index where the order allows), and only its rows are joined to their holder and letter.
 */
export async function caseListPage(db: Database, where: Prisma.Sql, order: Prisma.Sql, window: { skip: number; take: number }): Promise<ListedCase[]> {
  return (await readPage(db, where, order, window)).rows;
}

/**
 * A page and how many cases match (counted up to `cap + 1`, as countCases), in one statement and one
 * round trip: the count rides on each of the page's rows. A page with no rows carries no count:
 * `total` is then undefined (nothing matches, or the page starts past the last case).
 */
export async function caseListPageCounted(
  db: Database,
  where: Prisma.Sql,
  order: Prisma.Sql,
  window: { skip: number; take: number },
  cap: number,
): Promise<{ rows: ListedCase[]; total: number | undefined }> {
  return readPage(db, where, order, window, Prisma.sql`, (${countSql(where, cap)}) AS total`);
}

async function readPage(
  db: Database,
  where: Prisma.Sql,
  order: Prisma.Sql,
  window: { skip: number; take: number },
  total: Prisma.Sql = Prisma.empty,
): Promise<{ rows: ListedCase[]; total: number | undefined }> {
  const rows = await readRows<CaseListRow & { total?: number }>(
    db,
    Prisma.sql`
    SELECT c.id, c.receipt_number, c.office_id, c.state::text AS state, c.route::text AS route, c.reason::text AS reason,
           c.pins::text[] AS pins, c.version, c.created_at, c.updated_at,
           h.family_name, h.given_name, h.family_name_kana, h.given_name_kana,
           l.status::text AS letter_status, l.reply_deadline::text AS reply_deadline, l.returned_at${total}
    FROM (SELECT * FROM cases c WHERE ${where} ORDER BY ${order} LIMIT ${window.take} OFFSET ${window.skip}) c
    LEFT JOIN LATERAL (
      SELECT family_name, given_name, family_name_kana, given_name_kana FROM parties WHERE case_id = c.id AND role = 'holder' LIMIT 1
    ) h ON true
    LEFT JOIN LATERAL (
      SELECT status, reply_deadline, returned_at FROM inquiry_letters WHERE case_id = c.id AND status <> 'superseded' ORDER BY created_at DESC LIMIT 1
    ) l ON true
    ORDER BY ${order}`,
  );
  return {
    total: rows[0]?.total,
    rows: rows.map((r) => ({
      id: r.id,
      receiptNumber: r.receipt_number,
      officeId: r.office_id,
      state: r.state,
      route: r.route,
      reason: r.reason,
      pins: r.pins,
      version: r.version,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      holder:
        r.family_name === null
          ? undefined
          : { familyName: r.family_name, givenName: r.given_name!, familyNameKana: r.family_name_kana!, givenNameKana: r.given_name_kana! },
      letter: r.letter_status === null ? undefined : { status: r.letter_status, replyDeadline: r.reply_deadline, returnedAt: r.returned_at },
    })),
  };
}

/** Counts the cases that match, up to `cap + 1` (past the cap the total is a floor). */
function countSql(where: Prisma.Sql, cap: number): Prisma.Sql {
  return Prisma.sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM cases c WHERE ${where} LIMIT ${cap + 1}) matched`;
}

/** How many cases match, counted up to `cap + 1` (past the cap the total is a floor). */
export async function countCases(db: Database, where: Prisma.Sql, cap: number): Promise<number> {
  const [row] = await readRows<{ n: number }>(db, countSql(where, cap));
  return row!.n;
}
