import { problem, type Problem } from './problems';

/**
 * 運用方針: the rules that differ between municipalities (shared/DOMAIN.md, "Policy"). One typed
 * object; the API stores it per municipality, versioned, and decides each case under the policy
 * in force when it was registered.
 */
export interface MunicipalityPolicy {
  /** A parent is the legal representative of a holder younger than this (15; Matsue: 18). */
  legalRepresentativeAgeLimit: number;
  /** The self route's second ID: one of category A or B, or a photo ID (category A) only. */
  selfSecondId: 'a_or_b' | 'a_only';
  /** What the voluntary agent shows on the first visit: one category A, or one A or two B (Ageo). */
  agentFirstVisitId: 'one_a' | 'one_a_or_two_b';
  /** The agent must also bring a power of attorney (委任状) on the second visit. */
  agentNeedsPowerOfAttorney: boolean;
  /** The agent must also bring proof that the holder cannot come (診断書, 施設入所証明書). */
  agentNeedsCannotAttendProof: boolean;
  /** Days the holder has to return the reply, counted from the mailing date. */
  replyDeadlineDays: number;
  /** Proofs of representation (戸籍謄本, 登記事項証明書) must be issued within this many months. */
  representationProofMaxAgeMonths: number;
  /** The national certificate system stops taking work at about this time (HH:MM). */
  nationalSystemCutoff: string;
  /** How long a reset takes at the counter, to warn a walk-in who arrives too late. */
  minutesPerReset: number;
}

export const DEFAULT_POLICY: Readonly<MunicipalityPolicy> = Object.freeze({
  legalRepresentativeAgeLimit: 15,
  selfSecondId: 'a_or_b',
  agentFirstVisitId: 'one_a',
  agentNeedsPowerOfAttorney: false,
  agentNeedsCannotAttendProof: false,
  replyDeadlineDays: 30,
  representationProofMaxAgeMonths: 3,
  nationalSystemCutoff: '19:00',
  minutesPerReset: 30,
});

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

type Check = (value: unknown) => boolean;
const integerIn = (min: number, max: number): Check => (v) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const oneOf = (...values: unknown[]): Check => (v) => values.includes(v);
const boolean: Check = (v) => typeof v === 'boolean';

const RULES: { [K in keyof MunicipalityPolicy]: [Check, string] } = {
  legalRepresentativeAgeLimit: [integerIn(15, 20), '15 から 20 までの整数で指定してください。'],
  selfSecondId: [oneOf('a_or_b', 'a_only'), '"a_or_b" または "a_only" を指定してください。'],
  agentFirstVisitId: [oneOf('one_a', 'one_a_or_two_b'), '"one_a" または "one_a_or_two_b" を指定してください。'],
  agentNeedsPowerOfAttorney: [boolean, 'true または false を指定してください。'],
  agentNeedsCannotAttendProof: [boolean, 'true または false を指定してください。'],
  replyDeadlineDays: [integerIn(7, 90), '7 から 90 までの日数で指定してください。'],
  representationProofMaxAgeMonths: [integerIn(1, 12), '1 から 12 までの月数で指定してください。'],
  nationalSystemCutoff: [(v) => typeof v === 'string' && TIME.test(v), 'HH:MM の形式（例 19:00）で指定してください。'],
  minutesPerReset: [integerIn(5, 180), '5 から 180 までの分数で指定してください。'],
};

export type PolicyValidation = { ok: true; policy: MunicipalityPolicy } | { ok: false; problems: Problem[] };

/**
 * Check a stored or edited policy: unknown fields and values out of range are refused, each with
 * its path. A stored policy may lack a field added since (it takes the default); a policy being
 * saved (`complete`) must give every field, so a partial body cannot quietly reset the others.
 */
export function validatePolicy(input: unknown, options: { complete?: boolean } = {}): PolicyValidation {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, problems: [problem('policy_not_object', '運用方針はオブジェクトで指定してください。')] };
  }
  const problems: Problem[] = [];
  const merged: Record<string, unknown> = { ...DEFAULT_POLICY };
  for (const [key, value] of Object.entries(input)) {
    const rule = (RULES as Record<string, [Check, string]>)[key];
    if (!rule) {
      problems.push(problem('policy_unknown_field', `運用方針に ${key} という項目はありません。`, key));
    } else if (!rule[0](value)) {
      problems.push(problem('policy_invalid_value', rule[1], key));
    } else {
      merged[key] = value;
    }
  }
  if (options.complete) {
    for (const key of Object.keys(RULES)) {
      if (!Object.hasOwn(input, key)) problems.push(problem('policy_field_missing', 'この項目を指定してください（運用方針は全項目をそろえて保存します）。', key));
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, policy: merged as unknown as MunicipalityPolicy };
}
