import { ConflictException, Inject, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { Prisma, type Database } from '@madoguchi/db';
import { hashPassword } from '../auth/passwords';
import type { StaffPrincipal } from '../auth/principal';
import { isUuid } from '../cases/case-query.service';
import { Clock } from '../clock/clock';
import { DATABASE } from '../database/database.module';
import { MAX_PAGE } from '../validation/simple-rest';
import type { CreateStaffBody, StaffListQuery, UpdateStaffBody } from './staff.schema';
import type { StaffView } from '@madoguchi/contract';

const STAFF_NOT_FOUND = { code: 'staff_not_found', message: '指定された職員が見つかりません。', details: [] };
const SELECT = { id: true, username: true, displayName: true, role: true, officeId: true, active: true, lockedUntil: true, createdAt: true } satisfies Prisma.StaffUserSelect;

function toView(row: Prisma.StaffUserGetPayload<{ select: typeof SELECT }>): StaffView {
  return { ...row, lockedUntil: row.lockedUntil?.toISOString() ?? null, createdAt: row.createdAt.toISOString() };
}

/** Staff of the caller's municipality, for the Prisma filter on staff_users. */
function sameMunicipality(staff: StaffPrincipal): Prisma.StaffUserWhereInput {
  return { officeId: { in: staff.municipalityOfficeIds } };
}

/**
 * 職員の管理 (admin): accounts of the municipality's staff. Passwords are argon2id hashes; a reset
 * or a deactivation ends every login of the account at once.
 */
@Injectable()
export class StaffService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  async list(admin: StaffPrincipal, query: StaffListQuery): Promise<{ rows: StaffView[]; from: number; total: number }> {
    const f = query.filter ?? {};
    const and: Prisma.StaffUserWhereInput[] = [sameMunicipality(admin)];
    if (f.id) and.push({ id: { in: f.id } });
    if (f.role) and.push({ role: f.role });
    if (f.officeId) and.push({ officeId: f.officeId });
    if (f.active !== undefined) and.push({ active: f.active });
    if (f.q) and.push({ OR: [{ username: { contains: f.q, mode: 'insensitive' } }, { displayName: { contains: f.q } }] });
    const where = { AND: and };
    const [field, order] = query.sort ?? ['username', 'ASC'];
    const [from, to] = query.range ?? [0, 24];
    const [rows, total] = await this.db.$transaction([
      this.db.staffUser.findMany({ where, orderBy: [{ [field]: order === 'ASC' ? 'asc' : 'desc' }, { id: 'asc' }], skip: from, take: Math.min(to - from + 1, MAX_PAGE), select: SELECT }),
      this.db.staffUser.count({ where }),
    ]);
    return { rows: rows.map(toView), from, total };
  }

  async findOne(admin: StaffPrincipal, id: string): Promise<StaffView> {
    return toView(await this.own(admin, id));
  }

  async create(admin: StaffPrincipal, body: CreateStaffBody): Promise<StaffView> {
    await this.ownOffice(admin, body.officeId);
    try {
      const row = await this.db.staffUser.create({
        data: { username: body.username, displayName: body.displayName, role: body.role, officeId: body.officeId, passwordHash: await hashPassword(body.password) },
        select: SELECT,
      });
      return toView(row);
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        throw new ConflictException({ code: 'username_taken', message: 'このユーザー名は既に使われています。', details: [{ path: 'username', code: 'username_taken', message: 'このユーザー名は既に使われています。' }] });
      }
      throw error;
    }
  }

  async update(admin: StaffPrincipal, id: string, body: UpdateStaffBody): Promise<StaffView> {
    await this.own(admin, id);
    if (body.officeId) await this.ownOffice(admin, body.officeId);
    if (id === admin.id && (body.active === false || (body.role && body.role !== 'admin'))) {
      // An administrator who locks themselves out leaves the municipality without one.
      throw new UnprocessableEntityException({ code: 'cannot_demote_self', message: '自分自身を無効にしたり、管理者以外の役割に変更したりすることはできません。', details: [] });
    }
    const row = await this.db.$transaction(async (tx) => {
      const updated = await tx.staffUser.update({ where: { id }, data: body, select: SELECT });
      if (body.active === false || body.role) await this.endLogins(tx, id);
      return updated;
    });
    return toView(row);
  }

  async resetPassword(admin: StaffPrincipal, id: string, password: string): Promise<StaffView> {
    await this.own(admin, id);
    const passwordHash = await hashPassword(password);
    const row = await this.db.$transaction(async (tx) => {
      const updated = await tx.staffUser.update({ where: { id }, data: { passwordHash, failedLogins: 0, lockedUntil: null }, select: SELECT });
      await this.endLogins(tx, id);
      return updated;
    });
    return toView(row);
  }

  private async endLogins(tx: Prisma.TransactionClient, userId: string): Promise<void> {
    await tx.staffSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: this.clock.now() } });
  }

  private async own(admin: StaffPrincipal, id: string) {
    const row = isUuid(id) ? await this.db.staffUser.findFirst({ where: { id, ...sameMunicipality(admin) }, select: SELECT }) : null;
    if (!row) throw new NotFoundException(STAFF_NOT_FOUND);
    return row;
  }

  private async ownOffice(admin: StaffPrincipal, officeId: string): Promise<void> {
    if (!admin.municipalityOfficeIds.includes(officeId)) {
      throw new UnprocessableEntityException({ code: 'office_not_found', message: '指定された窓口が見つかりません。', details: [{ path: 'officeId', code: 'office_not_found', message: '指定された窓口が見つかりません。' }] });
    }
  }
}

export type { StaffView };
