import type { StaffPrincipal } from '../auth/principal';
import { refused } from '../errors/refused';

/**
 * The caller's scope: their own municipality. Every query of rows that belong to a municipality
 * goes through here, and a filter the caller sends narrows this scope (AND), never replaces it.
 */

/**
 * The Prisma filter for rows of the caller's municipality (cases, print runs, staff: anything with
 * an office). The office ids come with the login, so the filter is a plain `office_id IN (…)` the
 * indexes serve, not a join through the municipality.
 */
export function inScope(staff: StaffPrincipal): { officeId: { in: string[] } } {
  return { officeId: { in: staff.municipalityOfficeIds } };
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
