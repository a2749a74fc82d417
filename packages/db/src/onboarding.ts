import { randomUUID } from 'node:crypto';
import { defaultPolicy, POLICY_PRESETS } from '@madoguchi/domain';
import argon2 from 'argon2';
import type { PrismaClient } from './generated/prisma/client';
import { inMunicipality } from './municipality-scope';
import { policyColumn } from './policy-column';

/** A municipality's first day on the platform: itself, its policy, its first office and administrator. */
export interface Onboarding {
  code: string;
  name: string;
  /** A policy preset's id (POLICY_PRESETS), or none for the default policy. */
  preset?: string;
  office: { code: string; name: string; postalCode: string; address: string; phone: string };
  admin: { username: string; displayName: string; password: string };
}

export interface Onboarded {
  municipalityId: string;
  officeId: string;
  adminId: string;
}

/**
 * Onboard a municipality in one transaction, and record it in the platform's audit log (by the
 * operator, or by the command line when `operatorId` is null). Works as the tables' owner (the
 * command) and as the application's role (the platform API): the municipality's id is chosen first
 * and named for the transaction, so row-level security lets its own rows in. A code already taken
 * is a unique violation (P2002) for the caller to report; nothing is then written.
 */
export async function onboardMunicipality(db: PrismaClient, input: Onboarding, operatorId: string | null): Promise<Onboarded> {
  const policy = POLICY_PRESETS.find((p) => p.id === input.preset)?.policy ?? defaultPolicy({ residentRegisterConnected: false });
  const passwordHash = await argon2.hash(input.admin.password);
  const municipalityId = randomUUID();
  return inMunicipality(municipalityId, () =>
    db.$transaction(async (tx) => {
      await tx.municipality.create({ data: { id: municipalityId, code: input.code, name: input.name } });
      await tx.policyVersion.create({ data: { municipalityId, version: 1, policy: policyColumn(policy) } });
      const office = await tx.office.create({ data: { ...input.office, municipalityId } });
      const admin = await tx.staffUser.create({
        data: { username: input.admin.username, displayName: input.admin.displayName, role: 'admin', officeId: office.id, passwordHash },
      });
      await tx.platformEvent.create({
        data: {
          operatorId,
          action: 'municipality_onboarded',
          subjectId: municipalityId,
          details: { code: input.code, name: input.name, preset: input.preset ?? null, office: input.office.code, admin: input.admin.username },
        },
      });
      return { municipalityId, officeId: office.id, adminId: admin.id };
    }),
  );
}
