import { validatePolicy, type MunicipalityPolicy } from '@madoguchi/domain';
import { UnrecoverableJobError } from '../job';

const validated = new Map<string, MunicipalityPolicy>();

/**
 * A stored policy version as the jobs read it: validated once per process (a version never changes
 * once written), or an error no retry will mend — `refuse` says which, for the job's own words.
 */
export function storedPolicy(
  versionId: string,
  stored: unknown,
  refuse: (message: string) => Error = (message) => new UnrecoverableJobError(message),
): MunicipalityPolicy {
  const known = validated.get(versionId);
  if (known) return known;
  const checked = validatePolicy(stored);
  if (!checked.ok) throw refuse(`the stored policy ${versionId} is invalid`);
  validated.set(versionId, checked.policy);
  return checked.policy;
}
