/**
 * Search text as a literal for Prisma's `contains` and `startsWith`, which hand it to LIKE as it
 * is: `%` and `_` would match anything (and a lone `%` every row). Escaped with LIKE's default
 * escape character.
 */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
