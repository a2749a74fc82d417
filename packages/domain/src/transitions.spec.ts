import fc from 'fast-check';
import { CANCEL_REASON, CASE_STATE, ROLE, ROUTE, type CancelReason, type CaseState, type Role, type Route } from './codes';
import { availableTransitions, decideTransition, isTerminal, statesOfRoute, type TransitionRule } from './transitions';

/** The brief's lifecycle, written out edge by edge: route, from, to, and who may make it. */
const LEGAL: Record<string, Role[]> = {};
const edge = (routes: Route[], from: CaseState, to: CaseState, roles: Role[]) => routes.forEach((r) => (LEGAL[`${r} ${from}>${to}`] = roles));
edge(['self', 'legal_representative'], 'received', 'completed', ['clerk', 'supervisor']);
edge(['voluntary_agent'], 'received', 'inquiry_mailed', ['print_staff', 'supervisor']);
edge(['voluntary_agent'], 'inquiry_mailed', 'reply_returned', ['clerk', 'supervisor']);
edge(['voluntary_agent'], 'reply_returned', 'completed', ['clerk', 'supervisor']);
edge(['self', 'legal_representative', 'voluntary_agent'], 'received', 'cancelled', ['clerk', 'supervisor']);
edge(['voluntary_agent'], 'inquiry_mailed', 'cancelled', ['clerk', 'supervisor']);
edge(['voluntary_agent'], 'reply_returned', 'cancelled', ['clerk', 'supervisor']);

describe('every transition × role', () => {
  it('allows exactly the legal moves to exactly the right roles', () => {
    let checked = 0;
    for (const route of ROUTE.values)
      for (const from of CASE_STATE.values)
        for (const to of CASE_STATE.values)
          for (const role of ROLE.values) {
            const cancelReason: CancelReason | undefined = to === 'cancelled' ? 'withdrawn' : undefined;
            const decision = decideTransition({ route, from, to, role, cancelReason });
            const roles = LEGAL[`${route} ${from}>${to}`];
            if (!roles)
              expect(decision).toMatchObject({ ok: false, problem: { kind: 'conflict', code: isTerminal(from) ? 'case_finished' : 'transition_not_allowed' } });
            else if (!roles.includes(role)) expect(decision).toMatchObject({ ok: false, problem: { kind: 'forbidden', code: 'transition_role_not_allowed' } });
            else expect(decision.ok).toBe(true);
            checked++;
          }
    expect(checked).toBe(3 * 5 * 5 * 4);
  });

  it('an admin manages the system, not cases', () => {
    for (const route of ROUTE.values) for (const from of CASE_STATE.values) expect(availableTransitions(route, from, 'admin')).toEqual([]);
  });

  it('a finished case says so', () => {
    const decision = decideTransition({ route: 'self', from: 'completed', to: 'cancelled', role: 'supervisor', cancelReason: 'withdrawn' });
    expect(decision).toMatchObject({ ok: false, problem: { message: 'この申請は既に終了しているため、状態を変更できません。' } });
  });

  it('the reply and the visit-2 documents are needs of reply_returned; the mailing, of inquiry_mailed', () => {
    expect(availableTransitions('voluntary_agent', 'inquiry_mailed', 'clerk').find((t) => t.to === 'reply_returned')!.needs).toEqual([
      'visit2_documents',
      'matched_reply',
      'same_agent',
    ]);
    expect(availableTransitions('voluntary_agent', 'received', 'print_staff').map((t) => [t.to, t.needs])).toEqual([['inquiry_mailed', ['letter_mailed']]]);
  });
});

describe('cancellation reasons', () => {
  it.each([
    ['received', 'reply_overdue', false],
    ['received', 'letter_undeliverable', false],
    ['received', 'withdrawn', true],
    ['received', 'documents_refused', true],
    ['inquiry_mailed', 'reply_overdue', true],
    ['inquiry_mailed', 'letter_undeliverable', true],
    ['reply_returned', 'reply_overdue', false],
    ['reply_returned', 'documents_refused', true],
  ] as const)('from %s, %s is allowed: %s', (from, reason, allowed) => {
    const decision = decideTransition({ route: 'voluntary_agent', from, to: 'cancelled', role: 'clerk', cancelReason: reason });
    expect(decision.ok ? true : decision.problem.code).toBe(allowed ? true : 'cancel_reason_not_allowed');
  });

  it('needs a reason to cancel, and takes none otherwise', () => {
    expect(decideTransition({ route: 'self', from: 'received', to: 'cancelled', role: 'clerk' })).toMatchObject({
      ok: false,
      problem: { kind: 'refused', code: 'cancel_reason_required', path: 'reason' },
    });
    expect(decideTransition({ route: 'self', from: 'received', to: 'completed', role: 'clerk', cancelReason: 'withdrawn' })).toMatchObject({
      ok: false,
      problem: { code: 'reason_only_for_cancel' },
    });
  });
});

describe('any sequence of attempted moves (property)', () => {
  const attempt = fc.record({
    to: fc.constantFrom(...CASE_STATE.values),
    role: fc.constantFrom(...ROLE.values),
    cancelReason: fc.option(fc.constantFrom(...CANCEL_REASON.values), { nil: undefined }),
  });

  it('keeps the case in a state of its route, frozen once finished, and completes only along the legal path', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ROUTE.values), fc.array(attempt, { maxLength: 30 }), (route, attempts) => {
        let state: CaseState = 'received';
        const path: CaseState[] = [state];
        for (const a of attempts) {
          const decision = decideTransition({ route, from: state, ...a });
          if (isTerminal(state)) expect(decision.ok).toBe(false);
          if (decision.ok) {
            state = decision.rule.to;
            path.push(state);
          }
          expect(statesOfRoute(route)).toContain(state);
        }
        if (state === 'completed') {
          expect(path).toEqual(route === 'voluntary_agent' ? ['received', 'inquiry_mailed', 'reply_returned', 'completed'] : ['received', 'completed']);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('can reach completed on every route', () => {
    for (const route of ROUTE.values) {
      let state: CaseState = 'received';
      const roleFor = (to: CaseState): Role => (to === 'inquiry_mailed' ? 'print_staff' : 'clerk');
      for (let i = 0; i < 5 && state !== 'completed'; i++) {
        const next: TransitionRule = availableTransitions(route, state, 'supervisor').find((t) => t.to !== 'cancelled')!;
        const decision = decideTransition({ route, from: state, to: next.to, role: roleFor(next.to) });
        expect(decision.ok).toBe(true);
        state = next.to;
      }
      expect(state).toBe('completed');
    }
  });
});
