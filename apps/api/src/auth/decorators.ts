import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { rolesFor, type Action } from '@madoguchi/domain';
import type { z } from 'zod';
import type { StaffPrincipal } from './principal';

export const PUBLIC_ROUTE = 'madoguchi:public';
export const ALLOWED_ROLES = 'madoguchi:roles';

/** Reachable without logging in (login itself, health). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** A platform operator's route (`/api/platform/…`): no staff route's, and its own guard's (platform-auth.ts). */
export const PLATFORM_ROUTE = 'madoguchi:platform';

/** The action the route takes, whose roles (the domain's ACTION_ACCESS) may call it. A route with neither this nor @Public() answers 403 to everyone. */
export const Allow = (action: Action) => SetMetadata(ALLOWED_ROLES, rolesFor(action));

/** The principal the guard attached to the request. */
export const CurrentStaff = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): StaffPrincipal => ctx.switchToHttp().getRequest<{ staff: StaffPrincipal }>().staff,
);

export const ROUTE_CONTRACT = 'madoguchi:contract';

/** A route's answer that is not JSON: named by its media type for the OpenAPI document, not checked. */
export interface RawAnswer {
  mediaType: 'application/pdf' | 'text/html' | 'text/csv';
}
export const PDF_ANSWER: RawAnswer = { mediaType: 'application/pdf' };
export const CSV_ANSWER: RawAnswer = { mediaType: 'text/csv' };
export const HTML_ANSWER: RawAnswer = { mediaType: 'text/html' };

/** What a route takes and gives, from `@madoguchi/contract/schemas`. A route without `answer` answers 204. */
export interface RouteContract {
  summary: string;
  /** The schema the body is parsed with. */
  body?: z.ZodType;
  /** The schema of a 2xx answer (checked against every answer when CONTRACT_CHECK=strict), or a non-JSON media type. */
  answer?: z.ZodType | RawAnswer;
}

/** Describes a route for the OpenAPI document and the answer check: a one-line summary, the body's schema and the answer's. */
export const Describe = (summary: string, contract: Omit<RouteContract, 'summary'> = {}) =>
  SetMetadata(ROUTE_CONTRACT, { summary, ...contract } satisfies RouteContract);
