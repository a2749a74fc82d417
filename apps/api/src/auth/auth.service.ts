import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { LoginAnswer } from '@madoguchi/contract';
import type { Database } from '@madoguchi/db';
import { Clock } from '../clock/clock';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { DATABASE } from '../database/database.module';
import { isUuid } from '../validation/ids';
import { createHash } from 'node:crypto';
import { refusal, type Role } from '@madoguchi/domain';
import { Refused, refused } from '../errors/refused';
import { verifyPassword } from './passwords';
import type { StaffPrincipal } from './principal';

interface SessionRow {
  session_id: string;
  user_id: string;
  expires_at: Date;
  revoked_at: Date | null;
  username: string;
  display_name: string;
  role: Role;
  office_id: string;
  office_code: string;
  municipality_id: string;
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

  /**
   * Log in from `address` (the counter PC's, through the proxies we trust). Failures are counted
   * per username and address, unknown usernames exactly like known ones; past LOGIN_MAX_FAILURES
   * every attempt from that pair waits (1 minute, doubling, at most LOGIN_BACKOFF_MAX_MINUTES),
   * the right password included, while the same user logs in from any other PC.
   */
  async login(username: string, password: string, address: string): Promise<LoginAnswer> {
    const now = this.clock.now();
    const key = createHash('sha256').update(`${username.toLowerCase()}\n${address}`).digest('hex');
    const throttle = await this.db.loginThrottle.findUnique({ where: { key } });
    if (throttle?.blockedUntil && throttle.blockedUntil > now) {
      const seconds = Math.ceil((throttle.blockedUntil.getTime() - now.getTime()) / 1000);
      throw new Refused(refusal('login_backoff', { seconds }), [], seconds);
    }
    const user = await this.db.staffUser.findUnique({ where: { username } });
    const valid = await verifyPassword(user?.active ? user.passwordHash : undefined, password);
    if (!user || !user.active || !valid) {
      await this.recordFailure(key, now);
      throw refused('invalid_credentials');
    }

    const expiresAt = new Date(now.getTime() + this.config.SESSION_TTL_MINUTES * 60_000);
    const session = await this.db.$transaction(async (tx) => {
      await tx.loginThrottle.deleteMany({ where: { key } });
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

  /** Count a failed login for the pair (a day's quiet starts the count again); past the limit, set its wait. */
  private async recordFailure(key: string, now: Date): Promise<void> {
    const [row] = await this.db.$queryRaw<{ failures: number }[]>`
      INSERT INTO login_throttles (key, failures, updated_at) VALUES (${key}, 1, ${now})
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN login_throttles.updated_at < ${now}::timestamptz - interval '1 day' THEN 1 ELSE login_throttles.failures + 1 END,
        updated_at = ${now}
      RETURNING failures`;
    const over = row!.failures - this.config.LOGIN_MAX_FAILURES;
    if (over < 0) return;
    const minutes = Math.min(2 ** over, this.config.LOGIN_BACKOFF_MAX_MINUTES);
    await this.db.loginThrottle.update({ where: { key }, data: { blockedUntil: new Date(now.getTime() + minutes * 60_000) } });
  }

  /** The principal behind a bearer token, or 401: bad signature, expired, logged out or deactivated. */
  async authenticate(token: string | undefined): Promise<StaffPrincipal> {
    if (!token) throw refused('unauthenticated');
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw refused('unauthenticated');
    }
    // Asked on every request: one round trip for the session, its user and their municipality's offices.
    const [row] = isUuid(claims.sid ?? '')
      ? await this.db.$queryRaw<SessionRow[]>`
          SELECT s.id AS session_id, s.user_id, s.expires_at, s.revoked_at, u.username, u.display_name, u.role::text AS role, u.office_id, o.code AS office_code, o.municipality_id, u.active,
                 ARRAY(SELECT m.id::text FROM offices m WHERE m.municipality_id = o.municipality_id) AS office_ids
          FROM staff_sessions s JOIN staff_users u ON u.id = s.user_id JOIN offices o ON o.id = u.office_id
          WHERE s.id = ${claims.sid}::uuid`
      : [];
    const now = this.clock.now();
    if (!row || row.user_id !== claims.sub || row.revoked_at || row.expires_at <= now || !row.active) {
      throw refused('unauthenticated');
    }
    return {
      id: row.user_id,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      officeId: row.office_id,
      officeCode: row.office_code,
      municipalityId: row.municipality_id,
      municipalityOfficeIds: row.office_ids,
      sessionId: row.session_id,
    };
  }

  async logout(principal: StaffPrincipal): Promise<void> {
    await this.db.staffSession.update({ where: { id: principal.sessionId }, data: { revokedAt: this.clock.now() } });
  }
}
