import { SESSION_CHANGED } from '@madoguchi/db';
import { sqlStateOf } from './sql-state';

/**
 * A statement refused because its request's remembered session is not as it was read
 * (staff_session_holds): logged out, deactivated or changed since — by its SQLSTATE, however the
 * error came (sqlStateOf), or that of an error it wraps.
 */
export function isSessionChanged(error: unknown): boolean {
  if (sqlStateOf(error) === SESSION_CHANGED) return true;
  return error instanceof Error && error.cause !== undefined && isSessionChanged(error.cause);
}
