import { type INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import type { Role } from '@madoguchi/domain';
import { ALLOWED_ROLES, PUBLIC_ROUTE, REQUEST_BODY, SUMMARY } from '../auth/decorators';

export interface RouteDescription {
  method: string;
  /** `/api/cases/:id` */
  path: string;
  access: Role[] | 'public' | undefined;
  summary: string | undefined;
  body: unknown;
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
        const roles = (Reflect.getMetadata(ALLOWED_ROLES, handler) ?? Reflect.getMetadata(ALLOWED_ROLES, controller)) as Role[] | undefined;
        routes.push({
          method: RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number]!,
          path: `/${[...(base === 'health' ? [] : ['api']), ...segments].join('/')}`,
          access: isPublic ? 'public' : roles ? [...roles] : undefined,
          summary: Reflect.getMetadata(SUMMARY, handler) as string | undefined,
          body: Reflect.getMetadata(REQUEST_BODY, handler),
        });
      }
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}
