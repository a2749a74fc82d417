/**
 * `@db.Date` columns hold a calendar day; Prisma hands them over as a Date at UTC midnight. These
 * two are the only conversions between such a column and the domain's YYYY-MM-DD.
 */
export function dateColumn(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

export function dayOf(column: Date): string;
/** A nullable date column stays null. */
export function dayOf(column: Date | null): string | null;
export function dayOf(column: Date | null): string | null {
  return column ? column.toISOString().slice(0, 10) : null;
}
