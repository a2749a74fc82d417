import { Inject, Injectable } from '@nestjs/common';
import { Prisma, type Database } from '@madoguchi/db';
import { hashPassword } from '../auth/passwords';
import type { StaffPrincipal } from '../auth/principal';
import { isUuid } from '../validation/ids';
import { inScope, ownOffice } from '../scope/scope';
import { freeTextRefusals, passwordRefusals } from '@madoguchi/domain';
import { refused, refusedWith } from '../errors/refused';
import { Clock } from '../clock/clock';
import { DATABASE } from '../database/database.module';
import { likeLiteral } from '../database/like';
import { page, type ListPage } from '../validation/simple-rest';
import type { CreateStaffRequest, UpdateStaffRequest } from '@madoguchi/contract/schemas';
import type { StaffListQuery } from './user-list';
import type { StaffView } from '@madoguchi/contract';

const SELECT = {
  id: true,
  username: true,
  displayName: true,
  role: true,
  officeId: true,
  active: true,
  createdAt: true,
} satisfies Prisma.StaffUserSelect;

function toView(row: Prisma.StaffUserGetPayload<{ select: typeof SELECT }>): StaffView {
  return { ...row, createdAt: row.createdAt.toISOString() };
}

/**
 * 職員の管理 (admin): accounts of the municipality's staff. Passwords are argon2id hashes; a reset
 * or a deactivation ends every login of the account at once.
 */
/** A username or display name is shown on every screen and in every history line: no individual number, no PIN, there either. */
function refuseSecrets(fields: Record<string, string | undefined>): void {
  const problems = Object.entries(fields).flatMap(([path, text]) => (text ? freeTextRefusals(text, path, 'label') : []));
  if (problems.length) throw refusedWith('text_refused', problems);
}

/** A password an attacker would try first: too common, one character, or the username in it. */
function refuseWeakPassword(password: string, username: string): void {
  const problems = passwordRefusals(password, username);
  if (problems.length) throw refusedWith('invalid_request', problems);
}

@Injectable()
export class UsersService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  async list(admin: StaffPrincipal, query: StaffListQuery): Promise<ListPage<StaffView>> {
    const f = query.filter ?? {};
    const and: Prisma.StaffUserWhereInput[] = [inScope(admin)];
    if (f.id) and.push({ id: { in: f.id } });
    if (f.role) and.push({ role: f.role });
    if (f.officeId) and.push({ officeId: ownOffice(admin, f.officeId, 'filter.officeId') });
    if (f.active !== undefined) and.push({ active: f.active });
    if (f.q) and.push({ OR: [{ username: { contains: likeLiteral(f.q), mode: 'insensitive' } }, { displayName: { contains: likeLiteral(f.q) } }] });
    const where = { AND: and };
    return page(query, ['username', 'ASC'], {
      rows: async (window) => (await this.db.staffUser.findMany({ where, ...window, select: SELECT })).map(toView),
      count: () => this.db.staffUser.count({ where }),
    });
  }

  async findOne(admin: StaffPrincipal, id: string): Promise<StaffView> {
    return toView(await this.own(admin, id));
  }

  async create(admin: StaffPrincipal, body: CreateStaffRequest): Promise<StaffView> {
    ownOffice(admin, body.officeId);
    refuseSecrets({ username: body.username, displayName: body.displayName });
    refuseWeakPassword(body.password, body.username);
    try {
      const row = await this.db.staffUser.create({
        data: {
          username: body.username,
          displayName: body.displayName,
          role: body.role,
          officeId: body.officeId,
          passwordHash: await hashPassword(body.password),
        },
        select: SELECT,
      });
      return toView(row);
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        throw refused('username_taken', undefined, 'username');
      }
      throw error;
    }
  }

  async update(admin: StaffPrincipal, id: string, body: UpdateStaffRequest): Promise<StaffView> {
    await this.own(admin, id);
    if (body.officeId) ownOffice(admin, body.officeId);
    refuseSecrets({ displayName: body.displayName });
    if (id === admin.id && (body.active === false || (body.role && body.role !== 'admin'))) {
      // An administrator who locks themselves out leaves the municipality without one.
      throw refused('cannot_demote_self');
    }
    const row = await this.db.$transaction(async (tx) => {
      const updated = await tx.staffUser.update({ where: { id }, data: body, select: SELECT });
      if (body.active === false || body.role) await this.endLogins(tx, id);
      return updated;
    });
    return toView(row);
  }

  async resetPassword(admin: StaffPrincipal, id: string, password: string): Promise<StaffView> {
    refuseWeakPassword(password, (await this.own(admin, id)).username);
    const passwordHash = await hashPassword(password);
    const row = await this.db.$transaction(async (tx) => {
      const updated = await tx.staffUser.update({ where: { id }, data: { passwordHash }, select: SELECT });
      await this.endLogins(tx, id);
      return updated;
    });
    return toView(row);
  }

  private async endLogins(tx: Prisma.TransactionClient, userId: string): Promise<void> {
    await tx.staffSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: this.clock.now() } });
  }

  private async own(admin: StaffPrincipal, id: string) {
    const row = isUuid(id) ? await this.db.staffUser.findFirst({ where: { id, ...inScope(admin) }, select: SELECT }) : null;
    if (!row) throw refused('staff_not_found');
    return row;
  }
}

export type { StaffView };
