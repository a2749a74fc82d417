import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { UncheckedSession } from '@madoguchi/db';
import type { Role } from '@madoguchi/domain';
import type { Asked } from '../http/answer';
import { AuthService } from './auth.service';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from './decorators';
import type { StaffPrincipal } from './principal';
import { refused } from '../errors/refused';

/** The token of an `Authorization: Bearer …` header, if the request has one (staff's and platform operators' alike). */
export function bearerToken(request: Asked): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return undefined;
  return header.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
}

/** The caller of a route once the guard has found them (and the check their remembered session owes, if it does). */
export interface CallerRequest extends Asked {
  staff?: StaffPrincipal;
  session?: UncheckedSession;
}

/** Whether the route allows a role: a route that declares none allows none. */
export function routeAllows(reflector: Reflector, context: ExecutionContext, role: Role): boolean {
  const roles = reflector.getAllAndOverride<readonly Role[] | undefined>(ALLOWED_ROLES, [context.getHandler(), context.getClass()]);
  return roles?.includes(role) === true;
}

/**
 * On every route: public, or a valid login (401) whose role the route allows (403). A route that
 * declares no roles is refused to everyone, so forgetting to declare them fails closed.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<CallerRequest>();
    const token = bearerToken(request);
    let { staff, session } = await this.auth.authenticate(token);
    if (session && !routeAllows(this.reflector, context, staff.role)) {
      // Remembered with a role the route does not allow: they may have been given another since.
      this.auth.forget(staff.sessionId);
      ({ staff, session } = await this.auth.authenticate(token));
    }
    [request.staff, request.session] = [staff, session];
    if (!routeAllows(this.reflector, context, staff.role)) throw refused('forbidden');
    return true;
  }
}
