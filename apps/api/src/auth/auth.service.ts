import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { LoginAnswer } from '@madoguchi/contract';
import { inMunicipality, Prisma, readRows, type Database, type UncheckedSession } from '@madoguchi/db';
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
  /** What the session was when this was read (staff_session_fingerprint). */
  fingerprint: string;
}

interface LoginCandidate {
  user_id: string;
  municipality_id: string;
  username: string;
  display_name: string;
  role: Role;
  office_id: string;
  password_hash: string;
  /** Active, in a municipality that is not suspended. */
  active: boolean;
}

/** What a login's token says: its session, and whose it is (staff's and platform operators' alike). */
export interface TokenClaims {
  sid: string;
  sub: string;
}

/** A request's caller: who, and — when their session was remembered rather than read — the check its statements owe. */
export interface Authenticated {
  staff: StaffPrincipal;
  /** Undefined when the session was read for this request. */
  session?: UncheckedSession;
}

/** The most sessions a process remembers (the oldest forgotten first): a principal is about a kilobyte. */
const REMEMBERED_SESSIONS = 10_000;

/**
 * Logins are server-side sessions named by a signed token: the signature makes a forged or
 * altered token worthless, and the session row lets logout (or deactivation) end it at once.
 *
 * A session's principal is read once and remembered by the process: a request with a remembered
 * one does not read it again in a round trip of its own (the dearest part of a light request:
 * bench/README.md), but has its first statement check, in that statement's own transaction, that
 * the session is still as it was read (MunicipalityScopeInterceptor; staff_session_holds) — so a
 * session logged out, deactivated or changed, by this process or another, does nothing more.
 */
@Injectable()
export class AuthService {
  private readonly remembered = new Map<string, SessionRow>();

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
  async login(username: string, password: string, address: string, municipalityCode?: string): Promise<LoginAnswer> {
    const now = this.clock.now();
    const key = createHash('sha256').update(`${username.toLowerCase()}\n${address}`).digest('hex');
    const throttle = await this.db.loginThrottle.findUnique({ where: { key } });
    if (throttle?.blockedUntil && throttle.blockedUntil > now) {
      const seconds = Math.ceil((throttle.blockedUntil.getTime() - now.getTime()) / 1000);
      throw new Refused(refusal('login_backoff', { seconds }), [], seconds);
    }
    // Before the municipality is known, through the one narrow function that may look across them.
    const candidates = await this.db.$queryRaw<LoginCandidate[]>`SELECT * FROM staff_login_candidates(${username}, ${municipalityCode ?? null})`;
    if (candidates.length > 1) throw refused('municipality_required', undefined, 'municipalityCode');
    const user = candidates[0];
    const valid = await verifyPassword(user?.active ? user.password_hash : undefined, password);
    if (!user || !user.active || !valid) {
      await this.recordFailure(key, now);
      throw refused('invalid_credentials');
    }

    const expiresAt = new Date(now.getTime() + this.config.SESSION_TTL_MINUTES * 60_000);
    const session = await inMunicipality(user.municipality_id, () =>
      this.db.$transaction(async (tx) => {
        await tx.loginThrottle.deleteMany({ where: { key } });
        return tx.staffSession.create({ data: { userId: user.user_id, expiresAt } });
      }),
    );
    const claims: TokenClaims = { sid: session.id, sub: user.user_id };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.SESSION_TTL_MINUTES * 60 });
    return {
      accessToken,
      expiresAt: expiresAt.toISOString(),
      user: { id: user.user_id, username: user.username, displayName: user.display_name, role: user.role, officeId: user.office_id },
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

  /**
   * The principal behind a bearer token, or 401: bad signature, expired, logged out or deactivated
   * (as far as this process knows: a remembered session's statements check the rest).
   */
  async authenticate(token: string | undefined): Promise<Authenticated> {
    if (!token) throw refused('unauthenticated');
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw refused('unauthenticated');
    }
    if (!isUuid(claims.sid ?? '')) throw refused('unauthenticated');
    const remembered = this.remembered.get(claims.sid);
    const row = remembered ?? (await this.read(claims.sid));
    const now = this.clock.now();
    if (!row || row.user_id !== claims.sub || row.revoked_at || row.expires_at <= now || !row.active) {
      this.forget(claims.sid);
      throw refused('unauthenticated');
    }
    if (!remembered) this.remember(row);
    return { staff: principalOf(row), ...(remembered ? { session: { id: row.session_id, fingerprint: row.fingerprint, checked: false } } : {}) };
  }

  /**
   * A session as it is now, before its municipality is known: one round trip, through the narrow
   * function that reads the session, its user (inactive when their municipality is suspended) and
   * their municipality's offices, and what it is in 32 characters (what a later statement checks).
   */
  private async read(sessionId: string): Promise<SessionRow | undefined> {
    const [row] = await readRows<SessionRow>(
      this.db,
      Prisma.sql`SELECT p.*, staff_session_fingerprint(p.session_id) AS fingerprint FROM staff_session_principal(${sessionId}::uuid) p`,
    );
    return row;
  }

  private remember(row: SessionRow): void {
    if (this.remembered.size >= REMEMBERED_SESSIONS) this.remembered.delete(this.remembered.keys().next().value!);
    this.remembered.set(row.session_id, row);
  }

  /** Read the session again at its next request: it changed, or ended. */
  forget(sessionId: string): void {
    this.remembered.delete(sessionId);
  }

  /**
   * For a request none of whose statements checked its remembered session: check it with a
   * statement of nothing (the check goes in front of it, as in front of any). Fails with
   * SESSION_CHANGED where the session is not as it was read.
   */
  async check(staff: StaffPrincipal, session: UncheckedSession): Promise<void> {
    await inMunicipality(staff.municipalityId, () => readRows(this.db, Prisma.sql`SELECT true AS checked`), session);
  }

  /** Runs in the request's municipality scope (the principal's). */
  async logout(principal: StaffPrincipal): Promise<void> {
    this.forget(principal.sessionId);
    await this.db.staffSession.update({ where: { id: principal.sessionId }, data: { revokedAt: this.clock.now() } });
  }
}

function principalOf(row: SessionRow): StaffPrincipal {
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
