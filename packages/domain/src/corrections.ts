import type { CaseState, LetterStatus, Role, Route } from './codes';
import type { AttestationId } from './documents';
import { mayTake } from './access';
import { isTerminal } from './transitions';
import { refusal, type Refusal } from './refusals';

/**
 * 訂正: a detail typed wrong at the counter, put right later, with an audit trail. What may be
 * corrected, by whom and when, and what a correction does to the case's letter, as pure rules;
 * the API applies them (PATCH /api/cases/:id).
 */

/** The details of a person that can be corrected. */
export const CORRECTABLE_PARTY_FIELDS = ['familyName', 'givenName', 'familyNameKana', 'givenNameKana', 'birthDate', 'postalCode', 'address'] as const;
export type CorrectablePartyField = (typeof CORRECTABLE_PARTY_FIELDS)[number];

/** A corrected field, named as the request names it: `holder.address`, `representative.familyName`, `note`. */
export type CorrectedField = `holder.${CorrectablePartyField}` | `representative.${CorrectablePartyField}` | 'note';

/** One field's old and new value, as the history keeps it. */
export interface FieldChange {
  field: CorrectedField;
  from: string | null;
  to: string | null;
}

/** What the inquiry letter prints (packages/jobs letter-data): a change to one of these makes the letter wrong. */
export const PRINTED_FIELDS: readonly CorrectedField[] = [
  'holder.familyName',
  'holder.givenName',
  'holder.postalCode',
  'holder.address',
  'representative.familyName',
  'representative.givenName',
];

/** Where the letter goes. */
export const ADDRESS_FIELDS: readonly CorrectedField[] = ['holder.postalCode', 'holder.address'];

const HOLDER_FIELDS = new Set<string>(CORRECTABLE_PARTY_FIELDS.map((f) => `holder.${f}`));

export interface CorrectionRequestFacts {
  route: Route;
  state: CaseState;
  role: Role;
  /** The policy the case was decided under: on `required`, the agent route's holder comes from the register. */
  residentRegister: 'required' | 'manual';
  /** Whether the case has a representative (a self case has none to correct). */
  hasRepresentative: boolean;
  changes: readonly FieldChange[];
  /** The new holder details come from a new resident-register lookup (`holder.residentId`). */
  holderFromRegister: boolean;
  attested: readonly AttestationId[];
}

/** Before the letter goes out the counter corrects; after, a supervisor (the letter is in the holder's hands). */
function afterMailing(state: CaseState): boolean {
  return state === 'inquiry_mailed' || state === 'reply_returned';
}

/**
 * Why this correction may not be made (empty when it may). The guards on the new values themselves
 * (secrets, the route's age rules) are the caller's, as at registration.
 */
export function correctionRefusals(facts: CorrectionRequestFacts): Refusal[] {
  if (isTerminal(facts.state)) return [refusal('case_finished_no_correction')];
  if (!mayTake(facts.role, 'correctCase')) return [refusal('transition_role_not_allowed')];
  if (afterMailing(facts.state) && !mayTake(facts.role, 'correctMailedCase')) return [refusal('correction_after_mailing_supervisor')];
  if (!facts.changes.length) return [refusal('correction_nothing_changed')];

  const problems: Refusal[] = [];
  const holderChanges = facts.changes.filter((c) => HOLDER_FIELDS.has(c.field));
  const agentRoute = facts.route === 'voluntary_agent';
  if (agentRoute && facts.residentRegister === 'required' && !facts.holderFromRegister) {
    // The letter goes to the address on record: the holder is corrected by looking them up again.
    for (const c of holderChanges) problems.push(refusal('holder_correction_from_register', undefined, c.field));
  }
  if (!facts.hasRepresentative) {
    for (const c of facts.changes) if (c.field.startsWith('representative.')) problems.push(refusal('correction_no_representative', undefined, c.field));
  }
  const addressTyped = !facts.holderFromRegister && holderChanges.some((c) => ADDRESS_FIELDS.includes(c.field));
  if (agentRoute && facts.residentRegister === 'manual' && addressTyped && !facts.attested.includes('holder_address_checked')) {
    // As at registration: a typed address the letter goes to is checked against the 住民票.
    problems.push(refusal('holder_address_recheck_required', undefined, 'attested'));
  }
  return problems;
}

/**
 * What the correction does to the case's current letter: nothing; `replace` a letter not yet
 * mailed (pending, ready or printed: it carries the old details) with a new one; or `reissue` a
 * mailed letter to the holder's new address, while the reply is still awaited.
 */
export function correctionLetterEffect(state: CaseState, letter: LetterStatus | undefined, changes: readonly FieldChange[]): 'none' | 'replace' | 'reissue' {
  if (letter === undefined || letter === 'superseded') return 'none';
  const touches = (fields: readonly CorrectedField[]) => changes.some((c) => fields.includes(c.field));
  if (letter === 'mailed') return state === 'inquiry_mailed' && touches(ADDRESS_FIELDS) ? 'reissue' : 'none';
  return touches(PRINTED_FIELDS) ? 'replace' : 'none';
}

/** The changes between what is recorded and what is asked (a field given with its recorded value is no change). */
export function fieldChanges(recorded: Partial<Record<CorrectedField, string | null>>, asked: Partial<Record<CorrectedField, string | null>>): FieldChange[] {
  return (Object.keys(asked) as CorrectedField[])
    .filter((field) => asked[field] !== undefined && (recorded[field] ?? null) !== asked[field])
    .map((field) => ({ field, from: recorded[field] ?? null, to: asked[field] ?? null }));
}
