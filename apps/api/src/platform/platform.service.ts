import { Inject, Injectable } from '@nestjs/common';
import type { MunicipalityCounts, NewOfficeRequest, OnboardingRequest } from '@madoguchi/contract';
import { inMunicipality, onboardMunicipality, type Database } from '@madoguchi/db';
import { Clock } from '../clock/clock';
import { DATABASE } from '../database/database.module';
import { isUniqueViolation } from '../database/unique-violation';
import { refused } from '../errors/refused';
import { isUuid } from '../validation/ids';
import type { PlatformPrincipal } from './platform-auth';

interface CountsRow {
  id: string;
  code: string;
  name: string;
  created_at: Date;
  suspended_at: Date | null;
  offices: bigint;
  staff: bigint;
  cases: bigint;
  open_cases: bigint;
  letters: bigint;
}

/**
 * What the platform's operators do: onboard a municipality, suspend or resume one, and see each
 * with its counts — through `platform_municipality_counts()`, the one way they see into
 * municipalities, which answers numbers only. Their connection names no municipality, so
 * row-level security shows them no case, name or letter even by mistake.
 */
@Injectable()
export class PlatformService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  async municipalities(): Promise<MunicipalityCounts[]> {
    const rows = await this.db.$queryRaw<CountsRow[]>`SELECT * FROM platform_municipality_counts()`;
    return rows.map(toCounts);
  }

  async municipality(id: string): Promise<MunicipalityCounts> {
    const found = isUuid(id) ? (await this.municipalities()).find((m) => m.id === id) : undefined;
    if (!found) throw refused('municipality_not_found');
    return found;
  }

  /** The municipality's own row (its code, name, suspension), or 404: what a change needs, without counting every table. */
  private async existing(id: string) {
    const row = isUuid(id) ? await this.db.municipality.findUnique({ where: { id }, select: { code: true, name: true, suspendedAt: true } }) : null;
    if (!row) throw refused('municipality_not_found');
    return row;
  }

  async onboard(operator: PlatformPrincipal, body: OnboardingRequest): Promise<MunicipalityCounts> {
    try {
      const { municipalityId } = await onboardMunicipality(this.db, body, operator.id);
      return await this.municipality(municipalityId);
    } catch (error) {
      if (isUniqueViolation(error)) throw refused('municipality_code_taken', undefined, 'code');
      throw error;
    }
  }

  /** Another office (支所・出張所) of a municipality, written in its scope as its own rows are. */
  async addOffice(operator: PlatformPrincipal, id: string, body: NewOfficeRequest): Promise<MunicipalityCounts> {
    const municipality = await this.existing(id);
    try {
      await inMunicipality(id, () =>
        this.db.$transaction(async (tx) => {
          await tx.office.create({ data: { ...body, municipalityId: id } });
          await tx.platformEvent.create({
            data: { operatorId: operator.id, action: 'office_added', subjectId: id, details: { code: municipality.code, office: body.code, name: body.name } },
          });
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw refused('office_code_taken', undefined, 'code');
      throw error;
    }
    return this.municipality(id);
  }

  /** Suspended, its staff cannot log in and their sessions end at once (the session lookup says so); nothing is deleted. */
  async setSuspended(operator: PlatformPrincipal, id: string, suspended: boolean): Promise<MunicipalityCounts> {
    const before = await this.existing(id);
    if (!!before.suspendedAt !== suspended) {
      await this.db.$transaction(async (tx) => {
        await tx.municipality.update({ where: { id }, data: { suspendedAt: suspended ? this.clock.now() : null } });
        await tx.platformEvent.create({
          data: {
            operatorId: operator.id,
            action: suspended ? 'municipality_suspended' : 'municipality_resumed',
            subjectId: id,
            details: { code: before.code, name: before.name },
          },
        });
      });
    }
    return this.municipality(id);
  }
}

function toCounts(row: CountsRow): MunicipalityCounts {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    createdAt: row.created_at.toISOString(),
    suspendedAt: row.suspended_at?.toISOString() ?? null,
    offices: Number(row.offices),
    staff: Number(row.staff),
    cases: Number(row.cases),
    openCases: Number(row.open_cases),
    letters: Number(row.letters),
  };
}
