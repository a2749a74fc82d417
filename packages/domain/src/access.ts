import type { Role } from './codes';

/**
 * Who may do what, by role group. "clerk+" in the HTTP contract is `counter`; "print_staff+" is
 * `printing`. The state machine (transitions) says who may move a case; this says who may see
 * and use each part of the system. The API's guards and the console's menus both read it.
 */
export const ROLE_GROUP = {
  /** Register and read cases, use the rules engine. */
  counter: ['clerk', 'supervisor', 'admin'],
  /** Print letters and print runs. */
  printing: ['print_staff', 'supervisor', 'admin'],
  /** Work on cases (move them on, reissue a letter): the counter roles of the transition table. */
  caseWork: ['clerk', 'supervisor'],
  /** Confirm print runs as mailed: the transition table's received → inquiry_mailed. */
  mailing: ['print_staff', 'supervisor'],
  /** Watch open cases, the queue and the dashboards. */
  supervision: ['supervisor', 'admin'],
  /** Users, offices, policy. */
  administration: ['admin'],
  /** Anyone logged in. */
  anyone: ['clerk', 'supervisor', 'print_staff', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type RoleGroup = keyof typeof ROLE_GROUP;
