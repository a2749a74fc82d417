/** Helpers for PostgreSQL connection strings: a different database on the same server. */

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

export function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!name) throw new Error(`DATABASE_URL names no database: ${redactUrl(url)}`);
  return name;
}

/** The URL with any password replaced, safe to print. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/** Quote an identifier for SQL; database names here are generated or configured, never user input. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The role the API and the worker connect as (created by the migrations; see app-role.ts). */
export const APP_ROLE = 'madoguchi_app';
/** Its password on a development or test server (trust authentication ignores it); production sets its own. */
export const LOCAL_APP_ROLE_PASSWORD = 'madoguchi_app';

/**
 * The same database as the application's role, for a development or test server the owner's URL
 * names: the services must not connect as the owner, who bypasses row-level security.
 */
export function appRoleUrl(ownerUrl: string): string {
  const parsed = new URL(ownerUrl);
  parsed.username = APP_ROLE;
  parsed.password = LOCAL_APP_ROLE_PASSWORD;
  return parsed.toString();
}
