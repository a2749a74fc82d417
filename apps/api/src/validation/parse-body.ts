import { isRefusalCode, refusal, type Refusal } from '@madoguchi/domain';
import type { z } from 'zod';
import { refusedWith } from '../errors/refused';

/**
 * One schema problem as a refusal of its field. A schema's own message is a catalogue code
 * (`z.string().regex(…, { error: 'kana_only' })`); zod's own kinds of problem map to the
 * catalogue's generic ones.
 */
function refusalOf(issue: z.core.$ZodIssue): Refusal {
  const path = issue.path.map(String).join('.');
  if (isRefusalCode(issue.message) && issue.message !== 'invalid_type') {
    const params = (issue as { params?: Record<string, string | number> }).params;
    return { ...refusal(issue.message as 'too_long', params as { max: number }), path };
  }
  switch (issue.code) {
    case 'invalid_type':
      return refusal(issue.input === undefined ? 'value_required' : 'invalid_type', undefined, path);
    case 'invalid_value':
      return refusal('invalid_value', undefined, path);
    case 'too_big':
      return issue.origin === 'array' ? refusal('too_many', { max: Number(issue.maximum) }, path) : refusal('too_long', { max: Number(issue.maximum) }, path);
    case 'too_small':
      return issue.origin === 'array' ? refusal('too_few', { min: Number(issue.minimum) }, path) : refusal('value_required', undefined, path);
    case 'unrecognized_keys':
      // The field names are not echoed: a name could itself be a secret someone typed as a key.
      return refusal('unknown_fields', undefined, path);
    default:
      return refusal('invalid_format', undefined, path);
  }
}

/**
 * Parse a request body against `schema`, or refuse it (400) with every offending field. Unknown
 * fields are refused by the schemas (strict objects), so nothing unexpected — a PIN, say — can
 * ride along.
 */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = readWith(schema, body);
  if (result.ok) return result.value;
  throw refusedWith('invalid_request', result.problems);
}

/** Read `value` with `schema`: the value, or every problem as a refusal of its field (nothing thrown). */
export function readWith<S extends z.ZodType>(schema: S, value: unknown): { ok: true; value: z.infer<S> } | { ok: false; problems: Refusal[] } {
  const result = schema.safeParse(value);
  return result.success ? { ok: true, value: result.data } : { ok: false, problems: result.error.issues.map(refusalOf) };
}
