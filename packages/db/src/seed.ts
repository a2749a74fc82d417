import { defaultPolicy } from '@madoguchi/domain';
import argon2 from 'argon2';
import type { PrismaClient } from './generated/prisma/client';
import type { Role } from './generated/prisma/enums';
import { policyColumn } from './policy-column';

/** The demo staff, one per role; all share DEMO_PASSWORD. */
export const DEMO_USERNAMES = ['clerk', 'supervisor', 'print_staff', 'admin'] as const satisfies readonly Role[];

/** A fictional city; its code is outside the range real municipalities use. */
export const DEMO_MUNICIPALITY = { code: '999999', name: '見本市' } as const;

const DEMO_OFFICES = [
  {
    code: 'HQ',
    name: '見本市役所 市民課',
    postalCode: '100-0001',
    address: '見本県見本市中央1-1-1',
    phone: '0120-000-001',
  },
  {
    code: 'EAST',
    name: '見本市 東支所',
    postalCode: '100-0101',
    address: '見本県見本市東町2-2-2',
    phone: '0120-000-002',
  },
] as const;

const DISPLAY_NAMES: Record<Role, string> = {
  clerk: '窓口 一郎',
  supervisor: '監督 花子',
  print_staff: '印刷 次郎',
  admin: '管理 三郎',
};

/**
 * A municipality with its default policy, its offices and one user per role. Safe to run on every
 * start: rows are matched by their natural keys, and an account that exists is never touched (a
 * real administrator named `admin` keeps their password). The first policy has the resident
 * register decide the agent route's holder when one is connected (RESIDENT_REGISTER_URL).
 */
export async function seedDemoData(
  db: PrismaClient,
  password: string,
  options = { residentRegisterConnected: !!process.env.RESIDENT_REGISTER_URL },
): Promise<void> {
  const municipality = await db.municipality.upsert({ where: { code: DEMO_MUNICIPALITY.code }, create: DEMO_MUNICIPALITY, update: {} });
  await db.policyVersion.upsert({
    where: { municipalityId_version: { municipalityId: municipality.id, version: 1 } },
    create: { municipalityId: municipality.id, version: 1, policy: policyColumn(defaultPolicy(options)) },
    update: {},
  });
  const offices = [];
  for (const office of DEMO_OFFICES) {
    offices.push(
      await db.office.upsert({
        where: { municipalityId_code: { municipalityId: municipality.id, code: office.code } },
        create: { ...office, municipalityId: municipality.id },
        update: {},
      }),
    );
  }
  const hq = offices[0]!;
  for (const username of DEMO_USERNAMES) {
    if (await db.staffUser.findUnique({ where: { municipalityId_username: { municipalityId: municipality.id, username } }, select: { id: true } })) continue;
    await db.staffUser.create({
      data: { username, displayName: DISPLAY_NAMES[username], role: username, officeId: hq.id, passwordHash: await argon2.hash(password) },
    });
  }
}
