import { Inject, Injectable } from '@nestjs/common';
import { dateColumn, dayOf, type Database } from '@madoguchi/db';
import type { ResidentQuery, ResidentView } from '@madoguchi/contract';
import { DATABASE } from '../database/database.module';
import { MAX_RESIDENT_MATCHES, type ResidentRegister } from './resident-register';

const RESIDENT_SELECT = {
  residentKey: true,
  familyName: true,
  givenName: true,
  familyNameKana: true,
  givenNameKana: true,
  birthDate: true,
  postalCode: true,
  address: true,
} as const;

type ResidentRow = { residentKey: string; birthDate: Date } & Omit<ResidentView, 'residentId' | 'birthDate'>;

function toResidentView({ residentKey, birthDate, ...rest }: ResidentRow): ResidentView {
  return { residentId: residentKey, ...rest, birthDate: dayOf(birthDate) };
}

/** The embedded register: the `residents` table a municipality fills with `npm run residents:import`. */
@Injectable()
export class EmbeddedResidentRegister implements ResidentRegister {
  readonly source = 'embedded' as const;

  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async find(municipalityId: string, query: ResidentQuery): Promise<ResidentView[]> {
    const rows = await this.db.resident.findMany({
      where: { municipalityId, familyNameKana: query.familyNameKana, givenNameKana: query.givenNameKana, birthDate: dateColumn(query.birthDate) },
      orderBy: { residentKey: 'asc' },
      take: MAX_RESIDENT_MATCHES,
      select: RESIDENT_SELECT,
    });
    return rows.map(toResidentView);
  }

  async get(municipalityId: string, residentId: string): Promise<ResidentView | undefined> {
    const row = await this.db.resident.findUnique({
      where: { municipalityId_residentKey: { municipalityId, residentKey: residentId } },
      select: RESIDENT_SELECT,
    });
    return row ? toResidentView(row) : undefined;
  }
}
