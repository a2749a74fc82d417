import { refusal, type ParamsOf, type Refusal, type RefusalCode } from '@madoguchi/domain';

/**
 * A refusal on its way out of a service: the one error services throw for a "no" (the rules', a
 * missing record's, a conflict's). The exception filter alone turns its kind into a status and
 * its messages into the caller's language. `details` are the refused fields, each with its path.
 */
export class Refused extends Error {
  constructor(
    readonly refusal: Refusal,
    readonly details: readonly Refusal[] = refusal.path === undefined ? [] : [refusal],
    /** For a throttled caller: when to try again (the answer's Retry-After). */
    readonly retryAfterSeconds?: number,
  ) {
    super(refusal.code);
    this.name = 'Refused';
  }
}

/** Throwable: `throw refused('case_not_found')`, `throw refused('proof_too_old', { months: 3 }, 'documents.2')`. */
export function refused<C extends RefusalCode>(
  code: C,
  ...args: ParamsOf<C> extends undefined ? [params?: undefined, path?: string] : [params: ParamsOf<C>, path?: string]
): Refused {
  return new Refused(refusal(code, ...args));
}

/** A refusal whose details are the given field refusals: `throw refusedWith('requirements_not_met', problems)`. */
export function refusedWith(code: RefusalCode, details: readonly Refusal[]): Refused {
  return new Refused(refusal(code as 'invalid_request'), details);
}
