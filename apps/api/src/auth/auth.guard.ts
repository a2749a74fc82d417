import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
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
    const request = context.switchToHttp().getRequest<Asked & { staff?: StaffPrincipal }>();
    request.staff = await this.auth.authenticate(bearerToken(request));
    const roles = this.reflector.getAllAndOverride<readonly Role[] | undefined>(ALLOWED_ROLES, targets);
    if (!roles?.includes(request.staff.role)) throw refused('forbidden');
    return true;
  }
}
