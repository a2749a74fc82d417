import { Inject, Injectable, Logger } from '@nestjs/common';
import { policyColumn, type Database } from '@madoguchi/db';
import type { PolicyView } from '@madoguchi/contract';
import { validatePolicy, type MunicipalityPolicy } from '@madoguchi/domain';
import type { StaffPrincipal } from '../auth/principal';
import { DATABASE } from '../database/database.module';
import { isUniqueViolation } from '../database/unique-violation';
import { ownMunicipality } from '../scope/scope';
import { refused, refusedWith } from '../errors/refused';

export interface CurrentPolicy {
  policyVersionId: string;
  version: number;
  policy: MunicipalityPolicy;
}

const OFFICES_REMEMBERED = 500;

/**
 * A municipality's policy (運用方針), versioned: the one in force for an office (the newest of its
 * municipality's), the one a case was decided under, and the versions an administrator keeps.
 */
@Injectable()
export class PolicyService {
  private readonly logger = new Logger(PolicyService.name);
  private readonly validated = new Map<string, MunicipalityPolicy>();
  /** The policy in force at each office as this process last read it (see `asLastReadForOffice`). */
  private readonly lastRead = new Map<string, CurrentPolicy>();

  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** The policy a case was decided under. */
  async byVersionId(policyVersionId: string): Promise<MunicipalityPolicy> {
    const stored = await this.db.policyVersion.findUniqueOrThrow({ where: { id: policyVersionId } });
    return this.checked(stored.id, stored.policy);
  }

  /** The policy in force at an office: its municipality's newest version (one statement, asked by every registration). */
  async currentForOffice(officeId: string): Promise<CurrentPolicy> {
    // One row per office found; its policy columns are null when the municipality has no policy yet.
    const [found] = await this.db.$queryRaw<{ id: string | null; version: number | null; policy: unknown }[]>`
      SELECT v.id, v.version, v.policy FROM offices o
      LEFT JOIN LATERAL (
        SELECT id, version, policy FROM policy_versions WHERE municipality_id = o.municipality_id ORDER BY version DESC LIMIT 1
      ) v ON true
      WHERE o.id = ${officeId}::uuid`;
    if (!found) throw refused('office_not_found', undefined, 'officeId');
    if (found.id === null) throw new Error(`no policy for the municipality of office ${officeId}`);
    const current = { policyVersionId: found.id, version: found.version!, policy: this.checked(found.id, found.policy) };
    this.remember(officeId, current);
    return current;
  }

  /**
   * The policy in force at an office as this process last read it, if it did, for a registration
   * only: its statement writes nothing unless that version is still the newest (registrationStatement),
   * and a refusal under it stands only if it still is — otherwise the registration reads the policy
   * again and decides anew. A statement less per registration; nothing that cannot check it
   * afterwards may use it.
   */
  asLastReadForOffice(officeId: string): CurrentPolicy | undefined {
    return this.lastRead.get(officeId);
  }

  private remember(officeId: string, current: CurrentPolicy): void {
    // The offices at work lately, a few hundred at most: a platform's thousands would hold their policies for nothing.
    this.lastRead.delete(officeId);
    this.lastRead.set(officeId, current);
    if (this.lastRead.size > OFFICES_REMEMBERED) this.lastRead.delete(this.lastRead.keys().next().value!);
  }

  /** Every version of the caller's municipality's policy, newest first. */
  async history(staff: StaffPrincipal): Promise<PolicyView[]> {
    const versions = await this.db.policyVersion.findMany({ where: ownMunicipality(staff), orderBy: { version: 'desc' } });
    return versions.map((v) => ({ version: v.version, createdAt: v.createdAt.toISOString(), policy: v.policy as unknown as MunicipalityPolicy }));
  }

  /**
   * A changed policy is a new version; the old ones stay, so cases decided under them keep
   * their rules. `editedVersion` (the request's If-Match) is the version the admin's screen
   * showed: if another admin saved since, the change is refused rather than silently undoing
   * theirs. Two saves at the same moment: the version number's uniqueness lets one win.
   */
  async change(staff: StaffPrincipal, input: unknown, editedVersion?: number): Promise<PolicyView> {
    const checked = validatePolicy(input, { complete: true });
    if (!checked.ok) throw refusedWith('policy_invalid', checked.problems);
    const latest = await this.latestVersion(staff);
    if (editedVersion !== undefined && editedVersion !== latest) throw refused('policy_changed', { version: latest });
    try {
      const created = await this.db.policyVersion.create({
        data: { municipalityId: staff.municipalityId, version: latest + 1, policy: policyColumn(checked.policy), createdById: staff.id },
      });
      return { version: created.version, createdAt: created.createdAt.toISOString(), policy: checked.policy };
    } catch (error) {
      if (isUniqueViolation(error)) throw refused('policy_changed', { version: await this.latestVersion(staff) });
      throw error;
    }
  }

  private async latestVersion(staff: StaffPrincipal): Promise<number> {
    const latest = await this.db.policyVersion.findFirst({ where: ownMunicipality(staff), orderBy: { version: 'desc' }, select: { version: true } });
    return latest?.version ?? 0;
  }

  private checked(policyVersionId: string, stored: unknown): MunicipalityPolicy {
    // A version never changes once written, so it is validated once per process.
    const known = this.validated.get(policyVersionId);
    if (known) return known;
    const result = validatePolicy(stored);
    if (!result.ok) {
      // A stored policy that no longer validates is an operator's error, not the clerk's.
      this.logger.error({ policyVersionId, problems: result.problems }, 'stored policy is invalid');
      throw new Error(`stored policy ${policyVersionId} is invalid`);
    }
    this.validated.set(policyVersionId, result.policy);
    return result.policy;
  }
}
