import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { inMunicipality } from '@madoguchi/db';
import type { Observable } from 'rxjs';
import type { StaffPrincipal } from '../auth/principal';

/**
 * After the AuthGuard has found the caller: the rest of the request runs in their municipality's
 * scope, so every statement the services make names it in its transaction and row-level security
 * shows them their own municipality's rows only — a query that forgot its `where` included.
 * Public routes (login, health) run in none and see no municipality's rows.
 */
@Injectable()
export class MunicipalityScopeInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const staff = context.switchToHttp().getRequest<{ staff?: StaffPrincipal }>().staff;
    if (!staff) return next.handle();
    // Nest binds the handler to the async context `handle()` is called in: this one.
    return inMunicipality(staff.municipalityId, () => next.handle());
  }
}
