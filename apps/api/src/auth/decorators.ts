import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ROLE_GROUP, type RoleGroup } from '@madoguchi/domain';
import type { StaffPrincipal } from './principal';

export const PUBLIC_ROUTE = 'madoguchi:public';
export const ALLOWED_ROLES = 'madoguchi:roles';

/** Reachable without logging in (login itself, health). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Which role group may call the route. A route with neither this nor @Public() answers 403 to everyone. */
export const Allow = (group: RoleGroup) => SetMetadata(ALLOWED_ROLES, ROLE_GROUP[group]);

/** The principal the guard attached to the request. */
export const CurrentStaff = createParamDecorator((_: unknown, ctx: ExecutionContext): StaffPrincipal => ctx.switchToHttp().getRequest<{ staff: StaffPrincipal }>().staff);

export const REQUEST_BODY = 'madoguchi:request-body';
export const SUMMARY = 'madoguchi:summary';

/** Describes a route for the OpenAPI document: a one-line summary and the schema its body is parsed with. */
export const Describe = (summary: string, body?: unknown) => (target: object, key: string | symbol, descriptor: PropertyDescriptor) => {
  SetMetadata(SUMMARY, summary)(target, key, descriptor);
  if (body) SetMetadata(REQUEST_BODY, body)(target, key, descriptor);
};
