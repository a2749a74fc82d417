import { type INestApplication, RequestMethod } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import type { Role } from '@madoguchi/domain';
import { ALLOWED_ROLES, PLATFORM_ROUTE, PUBLIC_ROUTE, ROUTE_CONTRACT, type RouteContract } from '../auth/decorators';

export interface RouteDescription {
  method: string;
  /** `/api/cases/:id` */
  path: string;
  /** Staff roles, anyone, or platform operators only. */
  access: Role[] | 'public' | 'platform' | undefined;
  /** The status of a successful answer: @HttpCode's, else Nest's default (201 for POST, 200 otherwise). */
  status: number;
  /** What the route takes and gives (its @Describe), if it says. */
  contract: RouteContract | undefined;
}

/** Every route of the running application, read from the decorators (the OpenAPI document and the authorization test use it). */
export function describeRoutes(app: INestApplication): RouteDescription[] {
  const routes: RouteDescription[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as unknown as { prototype: Record<string, unknown> } & object;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name];
        if (name === 'constructor' || typeof handler !== 'function' || Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const segments = [base, String(Reflect.getMetadata(PATH_METADATA, handler))].flatMap((p) => p.split('/')).filter(Boolean);
        const isPublic = Reflect.getMetadata(PUBLIC_ROUTE, handler) ?? Reflect.getMetadata(PUBLIC_ROUTE, controller);
        const isPlatform = Reflect.getMetadata(PLATFORM_ROUTE, handler) ?? Reflect.getMetadata(PLATFORM_ROUTE, controller);
        const roles = (Reflect.getMetadata(ALLOWED_ROLES, handler) ?? Reflect.getMetadata(ALLOWED_ROLES, controller)) as Role[] | undefined;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number]!;
        routes.push({
          method,
          path: `/${[...(base === 'health' ? [] : ['api']), ...segments].join('/')}`,
          access: isPlatform ? 'platform' : isPublic ? 'public' : roles ? [...roles] : undefined,
          status: (Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined) ?? (method === 'POST' ? 201 : 200),
          contract: Reflect.getMetadata(ROUTE_CONTRACT, handler) as RouteContract | undefined,
        });
      }
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}
