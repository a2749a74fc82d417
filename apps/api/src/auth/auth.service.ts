import { HttpException, HttpStatus, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Database } from '@madoguchi/db';
import type { Role } from '@madoguchi/domain';
import { Clock } from '../clock/clock';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { DATABASE } from '../database/database.module';
import { isUuid } from '../validation/ids';
import { verifyPassword } from './passwords';
import type { StaffPrincipal } from './principal';

export interface LoginResult {
  accessToken: string;
  expiresAt: string;
  user: { id: string; username: string; displayName: string; role: Role; officeId: string };
}

const INVALID_CREDENTIALS = { code: 'invalid_credentials', message: 'ユーザー名またはパスワードが正しくありません。', details: [] };
const UNAUTHENTICATED = { code: 'unauthenticated', message: 'ログインしてください。', details: [] };

interface SessionRow {
  session_id: string;
  user_id: string;
  expires_at: Date;
  revoked_at: Date | null;
  username: string;
  display_name: string;
  role: Role;
  office_id: string;
  active: boolean;
  office_ids: string[];
}

interface TokenClaims {
  sid: string;
  sub: string;
}

/**
 * Logins are server-side sessions named by a signed token: the signature makes a forged or
 * altered token worthless, and the session row lets logout (or deactivation) end it at once.
 */
@Injectable()
export class AuthService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly jwt: JwtService,
    private readonly clock: Clock,
  ) {}

  async login(username: string, password: string): Promise<LoginResult> {
    const now = this.clock.now();
    const user = await this.db.staffUser.findUnique({ where: { username } });
    if (user?.lockedUntil && user.lockedUntil > now) {
      throw new HttpException(
        { code: 'account_locked', message: 'パスワードを続けて間違えたため、一時的にログインできません。しばらくしてからやり直すか、管理者に連絡してください。', details: [] },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    const valid = await verifyPassword(user?.active ? user.passwordHash : undefined, password);
    if (!user || !user.active || !valid) {
      if (user?.active) await this.recordFailure(user.id, now);
      throw new UnauthorizedException(INVALID_CREDENTIALS);
    }

    const expiresAt = new Date(now.getTime() + this.config.SESSION_TTL_MINUTES * 60_000);
    const session = await this.db.$transaction(async (tx) => {
      await tx.staffUser.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null } });
      return tx.staffSession.create({ data: { userId: user.id, expiresAt } });
    });
    const claims: TokenClaims = { sid: session.id, sub: user.id };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.SESSION_TTL_MINUTES * 60 });
    return {
      accessToken,
      expiresAt: expiresAt.toISOString(),
      user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role, officeId: user.officeId },
    };
  }

  /** Count a wrong password; lock the account once there have been too many in a row. */
  private async recordFailure(userId: string, now: Date): Promise<void> {
    const updated = await this.db.staffUser.update({ where: { id: userId }, data: { failedLogins: { increment: 1 } } });
    if (updated.failedLogins >= this.config.LOGIN_MAX_FAILURES) {
      await this.db.staffUser.update({
        where: { id: userId },
        data: { failedLogins: 0, lockedUntil: new Date(now.getTime() + this.config.LOCKOUT_MINUTES * 60_000) },
      });
    }
  }

  /** The principal behind a bearer token, or 401: bad signature, expired, logged out or deactivated. */
  async authenticate(token: string | undefined): Promise<StaffPrincipal> {
    if (!token) throw new UnauthorizedException(UNAUTHENTICATED);
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw new UnauthorizedException(UNAUTHENTICATED);
    }
    // Asked on every request: one round trip for the session, its user and their municipality's offices.
    const [row] = isUuid(claims.sid ?? '')
      ? await this.db.$queryRaw<SessionRow[]>`
          SELECT s.id AS session_id, s.user_id, s.expires_at, s.revoked_at, u.username, u.display_name, u.role::text AS role, u.office_id, u.active,
                 ARRAY(SELECT m.id::text FROM offices m WHERE m.municipality_id = o.municipality_id) AS office_ids
          FROM staff_sessions s JOIN staff_users u ON u.id = s.user_id JOIN offices o ON o.id = u.office_id
          WHERE s.id = ${claims.sid}::uuid`
      : [];
    const now = this.clock.now();
    if (!row || row.user_id !== claims.sub || row.revoked_at || row.expires_at <= now || !row.active) {
      throw new UnauthorizedException(UNAUTHENTICATED);
    }
    return {
      id: row.user_id,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      officeId: row.office_id,
      municipalityOfficeIds: row.office_ids,
      sessionId: row.session_id,
    };
  }

  async logout(principal: StaffPrincipal): Promise<void> {
    await this.db.staffSession.update({ where: { id: principal.sessionId }, data: { revokedAt: this.clock.now() } });
  }
}
