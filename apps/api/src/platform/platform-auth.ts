import { applyDecorators, type CanActivate, createParamDecorator, type ExecutionContext, Inject, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { PlatformLoginAnswer } from '@madoguchi/contract';
import type { Database } from '@madoguchi/db';
import type { Asked } from '../http/answer';
import { Clock } from '../clock/clock';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { DATABASE } from '../database/database.module';
import { refused } from '../errors/refused';
import { verifyPassword } from '../auth/passwords';
import { isUuid } from '../validation/ids';
import { PLATFORM_ROUTE, Public } from '../auth/decorators';
import { bearerToken } from '../auth/auth.guard';
import type { TokenClaims } from '../auth/auth.service';

/** The platform operator a request acts for: no municipality, no office, no role of staff. */
export interface PlatformPrincipal {
  id: string;
  username: string;
  sessionId: string;
}

/** Platform tokens name their audience: a staff token (none) is never one, nor the other way round. */
const AUDIENCE = 'madoguchi-platform';

/**
 * The platform operators' logins: their own table, sessions and token audience. Staff routes look
 * their sessions up among staff sessions only, and these routes among the platform's only, so
 * neither kind of token opens the other's routes.
 */
@Injectable()
export class PlatformAuth {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly jwt: JwtService,
    private readonly clock: Clock,
  ) {}

  async login(username: string, password: string): Promise<PlatformLoginAnswer> {
    const operator = await this.db.platformOperator.findUnique({ where: { username } });
    const valid = await verifyPassword(operator?.active ? operator.passwordHash : undefined, password);
    if (!operator || !operator.active || !valid) throw refused('invalid_credentials');
    const expiresAt = new Date(this.clock.now().getTime() + this.config.SESSION_TTL_MINUTES * 60_000);
    const session = await this.db.platformSession.create({ data: { operatorId: operator.id, expiresAt } });
    const claims: TokenClaims = { sid: session.id, sub: operator.id };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.SESSION_TTL_MINUTES * 60, audience: AUDIENCE });
    return {
      accessToken,
      expiresAt: expiresAt.toISOString(),
      operator: { id: operator.id, username: operator.username, displayName: operator.displayName },
    };
  }

  async authenticate(token: string | undefined): Promise<PlatformPrincipal> {
    if (!token) throw refused('unauthenticated');
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, { audience: AUDIENCE });
    } catch {
      throw refused('unauthenticated');
    }
    const session = isUuid(claims.sid ?? '') ? await this.db.platformSession.findUnique({ where: { id: claims.sid }, include: { operator: true } }) : null;
    if (!session || session.operatorId !== claims.sub || session.revokedAt || session.expiresAt <= this.clock.now() || !session.operator.active) {
      throw refused('unauthenticated');
    }
    return { id: session.operatorId, username: session.operator.username, sessionId: session.id };
  }

  async logout(operator: PlatformPrincipal): Promise<void> {
    await this.db.platformSession.update({ where: { id: operator.sessionId }, data: { revokedAt: this.clock.now() } });
  }
}

/** On the platform's routes but its login: a platform operator's valid token, or 401. */
@Injectable()
export class PlatformGuard implements CanActivate {
  constructor(private readonly auth: PlatformAuth) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Asked & { operator?: PlatformPrincipal }>();
    request.operator = await this.auth.authenticate(bearerToken(request));
    return true;
  }
}

/** The operator the PlatformGuard attached to the request. */
export const CurrentOperator = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): PlatformPrincipal => ctx.switchToHttp().getRequest<{ operator: PlatformPrincipal }>().operator,
);

/** For platform operators only: the staff guard lets it by (operators are no municipality's staff), the PlatformGuard does not. */
export const PlatformOnly = () => applyDecorators(Public(), SetMetadata(PLATFORM_ROUTE, true), UseGuards(PlatformGuard));
