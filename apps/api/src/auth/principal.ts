import type { Role } from '@madoguchi/domain';

/** The logged-in member of staff a request acts for. */
export interface StaffPrincipal {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  officeId: string;
  sessionId: string;
}
