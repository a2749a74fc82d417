import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../generated/prisma/client';

export interface CityWithACase {
  municipalityId: string;
  officeId: string;
  staffId: string;
  caseId: string;
  letterId: string;
}

/** A city with a row in each kind of table (as the owner, who sees and writes everything). */
export async function cityWithACase(owner: PrismaClient, code: string): Promise<CityWithACase> {
  const municipality = await owner.municipality.create({ data: { code, name: `分離市${code}` } });
  const policy = await owner.policyVersion.create({ data: { municipalityId: municipality.id, version: 1, policy: {} } });
  const office = await owner.office.create({
    data: { code: 'HQ', name: '本庁', municipalityId: municipality.id, postalCode: '100-0001', address: '見本町1', phone: '03-0000-0000' },
  });
  // Every city has a `clerk` and an office `HQ`: they are each municipality's own.
  const staff = await owner.staffUser.create({ data: { username: 'clerk', displayName: '窓口 一郎', role: 'clerk', officeId: office.id, passwordHash: 'x' } });
  await owner.staffSession.create({ data: { userId: staff.id, expiresAt: new Date(Date.now() + 3600_000) } });
  const letterId = randomUUID();
  const created = await owner.pinResetCase.create({
    data: {
      receiptNumber: `HQ-2026-${code}`,
      officeId: office.id,
      route: 'voluntary_agent',
      reason: 'forgotten',
      pins: ['user_auth'],
      createdById: staff.id,
      policyVersionId: policy.id,
      history: { create: { toState: 'received', actorId: staff.id } },
      parties: {
        create: { role: 'holder', familyName: '見本', givenName: '花子', familyNameKana: 'ミホン', givenNameKana: 'ハナコ', birthDate: new Date('1980-01-01') },
      },
      documents: { create: { visit: 1, presentedBy: 'representative', type: 'drivers_license' } },
      letters: { create: { id: letterId, inquiryNumber: `INQ-${code}` } },
    },
  });
  await owner.auditEvent.create({ data: { actorId: staff.id, municipalityId: municipality.id, action: 'report_viewed', details: {} } });
  return { municipalityId: municipality.id, officeId: office.id, staffId: staff.id, caseId: created.id, letterId };
}
