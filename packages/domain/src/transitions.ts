import type { CancelReason, CaseState, Role, Route } from './codes';
import { refusal, type Refusal } from './refusals';

/** What a transition needs besides the role (checked by the API against the request). */
export type TransitionNeed =
  /** 照会書 mailed: comes only from confirming a print run as mailed. */
  | 'letter_mailed'
  /** The visit-2 documents, checked against requiredDocuments(visit 2). */
  | 'visit2_documents'
  /** The reply form's inquiry number and check code, matching the current letter. */
  | 'matched_reply'
  /** The clerk confirms the person is the agent who applied, at the counter where they applied. */
  | 'same_agent'
  /** A cancel reason allowed from the state. */
  | 'cancel_reason';

export interface TransitionRule {
  from: CaseState;
  to: CaseState;
  routes: readonly Route[];
  roles: readonly Role[];
  needs: readonly TransitionNeed[];
  /** For `cancelled`: the reasons that make sense from this state. */
  cancelReasons?: readonly CancelReason[];
}

const ALL_ROUTES: readonly Route[] = ['self', 'legal_representative', 'voluntary_agent'];
const COUNTER: readonly Role[] = ['clerk', 'supervisor'];

/**
 * The case lifecycle as one table (state × target → routes, roles, needs). Self and legal
 * representative cases finish the same day; the agent route goes through the mailed inquiry
 * and the returned reply. Any open case can be cancelled with a reason that fits its state.
 */
export const TRANSITIONS: readonly TransitionRule[] = [
  { from: 'received', to: 'completed', routes: ['self', 'legal_representative'], roles: COUNTER, needs: [] },
  { from: 'received', to: 'inquiry_mailed', routes: ['voluntary_agent'], roles: ['print_staff', 'supervisor'], needs: ['letter_mailed'] },
  { from: 'inquiry_mailed', to: 'reply_returned', routes: ['voluntary_agent'], roles: COUNTER, needs: ['visit2_documents', 'matched_reply', 'same_agent'] },
  { from: 'reply_returned', to: 'completed', routes: ['voluntary_agent'], roles: COUNTER, needs: [] },
  { from: 'received', to: 'cancelled', routes: ALL_ROUTES, roles: COUNTER, needs: ['cancel_reason'], cancelReasons: ['withdrawn', 'documents_refused'] },
  {
    from: 'inquiry_mailed',
    to: 'cancelled',
    routes: ['voluntary_agent'],
    roles: COUNTER,
    needs: ['cancel_reason'],
    cancelReasons: ['withdrawn', 'reply_overdue', 'letter_undeliverable', 'documents_refused'],
  },
  {
    from: 'reply_returned',
    to: 'cancelled',
    routes: ['voluntary_agent'],
    roles: COUNTER,
    needs: ['cancel_reason'],
    cancelReasons: ['withdrawn', 'documents_refused'],
  },
];

export const TERMINAL_STATES: readonly CaseState[] = ['completed', 'cancelled'];

export function isTerminal(state: CaseState): boolean {
  return TERMINAL_STATES.includes(state);
}

/** The states a case of this route can ever be in. */
export function statesOfRoute(route: Route): CaseState[] {
  return route === 'voluntary_agent' ? ['received', 'inquiry_mailed', 'reply_returned', 'completed', 'cancelled'] : ['received', 'completed', 'cancelled'];
}

/** The moves a person in `role` may offer on a case (the console shows only these). */
export function availableTransitions(route: Route, from: CaseState, role: Role): TransitionRule[] {
  return TRANSITIONS.filter((t) => t.from === from && t.routes.includes(route) && t.roles.includes(role));
}

export type TransitionDecision = { ok: true; rule: TransitionRule } | { ok: false; problem: Refusal };

/**
 * Decide whether `role` may move a `route` case from `from` to `to` (with `cancelReason` for a
 * cancellation). Needs other than the cancel reason are for the caller to check and are listed
 * in the rule. An illegal move is a conflict with the case's state; a wrong role is forbidden.
 */
export function decideTransition(input: { route: Route; from: CaseState; to: CaseState; role: Role; cancelReason?: CancelReason | null }): TransitionDecision {
  const { route, from, to, role } = input;
  const rule = TRANSITIONS.find((t) => t.from === from && t.to === to && t.routes.includes(route));
  if (!rule) {
    return { ok: false, problem: isTerminal(from) ? refusal('case_finished', undefined, 'to') : refusal('transition_not_allowed', undefined, 'to') };
  }
  if (!rule.roles.includes(role)) {
    return { ok: false, problem: refusal('transition_role_not_allowed') };
  }
  if (rule.needs.includes('cancel_reason')) {
    if (!input.cancelReason) return { ok: false, problem: refusal('cancel_reason_required', undefined, 'reason') };
    if (!rule.cancelReasons!.includes(input.cancelReason)) {
      return { ok: false, problem: refusal('cancel_reason_not_allowed', undefined, 'reason') };
    }
  } else if (input.cancelReason) {
    return { ok: false, problem: refusal('reason_only_for_cancel', undefined, 'reason') };
  }
  return { ok: true, rule };
}
