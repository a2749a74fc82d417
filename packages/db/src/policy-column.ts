import type { MunicipalityPolicy } from '@madoguchi/domain';
import type { Prisma } from './generated/prisma/client';

/**
 * A policy as the `policy_versions.policy` column stores it: plain JSON (an optional field left
 * out, not written as undefined). The one conversion from the domain's type to the column's.
 */
export function policyColumn(policy: MunicipalityPolicy): Prisma.InputJsonObject {
  return JSON.parse(JSON.stringify(policy)) as Prisma.InputJsonObject;
}
