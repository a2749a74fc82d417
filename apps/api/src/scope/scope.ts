import { Prisma } from '@madoguchi/db';
import type { StaffPrincipal } from '../auth/principal';
import { refused } from '../errors/refused';

/**
 * The caller's scope: their own municipality. Every query of rows that belong to a municipality
 * goes through here, and a filter the caller sends narrows this scope (AND), never replaces it.
 */

/**
 * The Prisma filter for rows of the caller's municipality (cases, print runs, staff: anything with
 * an office). The office ids come with the login, so the filter is a plain `office_id IN (…)` the
 * indexes serve, not a join through the municipality. The municipality itself is named too: row-level
 * security filters by it already, but only as the transaction's setting, whose value the planner
 * cannot see — it would guess the largest city to be an average one (1 in 1,741) and plan for a
 * town. Named as a value, the planner counts the city's rows and the policy becomes a one-time check.
 */
export function inScope(staff: StaffPrincipal): { municipalityId: string; officeId: { in: string[] } } {
  return { municipalityId: staff.municipalityId, officeId: { in: staff.municipalityOfficeIds } };
}

/** The same for SQL written by hand over `cases c` (see inScope for why the municipality is named). */
export function casesInScopeSql(staff: Pick<StaffPrincipal, 'municipalityId' | 'municipalityOfficeIds'>): Prisma.Sql {
  return Prisma.sql`c.municipality_id = ${staff.municipalityId}::uuid AND c.office_id = ANY(${staff.municipalityOfficeIds}::uuid[])`;
}

/** The Prisma filter for rows the municipality owns directly: its offices, its policy versions, its outbox rows. */
export function ownMunicipality(staff: StaffPrincipal): { municipalityId: string } {
  return { municipalityId: staff.municipalityId };
}

/** The office ids a query may read (for SQL written by hand): the caller's municipality's, or the one office they asked for. */
export function officeIdsInScope(staff: StaffPrincipal, officeId?: string, path = 'officeId'): string[] {
  return officeId ? [ownOffice(staff, officeId, path)] : staff.municipalityOfficeIds;
}

/** An office id the caller sent, checked against their scope: another municipality's office is 404, as if it did not exist. */
export function ownOffice(staff: StaffPrincipal, officeId: string, path = 'officeId'): string {
  if (!staff.municipalityOfficeIds.includes(officeId)) {
    throw refused('office_not_found', undefined, path);
  }
  return officeId;
}
