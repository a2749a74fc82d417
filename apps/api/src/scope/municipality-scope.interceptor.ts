import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { inMunicipality } from '@madoguchi/db';
import { catchError, concatMap, from, type Observable, throwError } from 'rxjs';
import { bearerToken, routeAllows, type CallerRequest } from '../auth/auth.guard';
import { AuthService } from '../auth/auth.service';
import { isSessionChanged } from '../database/session-changed';
import { refused } from '../errors/refused';

/**
 * After the AuthGuard has found the caller: the rest of the request runs in their municipality's
 * scope, so every statement the services make names it in its transaction and row-level security
 * shows them their own municipality's rows only — a query that forgot its `where` included.
 * Public routes (login, health) run in none and see no municipality's rows.
 *
 * A caller whose session the process remembered (AuthService) is answered only once the session is
 * known to hold: checked in front of the request's first statement — or, where it made none, by a
 * statement of its own before the answer. Where it no longer holds, the request's statements did
 * nothing; the session is read again, and the request runs again under what it is now (a new
 * office, another role: 403 where the route no longer allows it) or is refused (logged out,
 * deactivated: 401).
 */
@Injectable()
export class MunicipalityScopeInterceptor implements NestInterceptor {
  constructor(
    private readonly auth: AuthService,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<CallerRequest>();
    if (!request.staff) return next.handle();
    return this.answer(context, next, request, true);
  }

  private answer(context: ExecutionContext, next: CallHandler, request: CallerRequest, mayRunAgain: boolean): Observable<unknown> {
    const { staff, session } = request;
    /** Nothing of the request was done (no statement passed the check): as the caller is now, once. */
    const runAgain = () => {
      if (!mayRunAgain) throw refused('unauthenticated');
      return from(this.readAgain(context, request)).pipe(concatMap(() => this.answer(context, next, request, false)));
    };
    // Nest binds the handler to the async context `handle()` is called in: this one.
    const handled = inMunicipality(staff!.municipalityId, () => next.handle(), session);
    return handled.pipe(
      concatMap(async (answer: unknown) => {
        await this.checked(request);
        return answer;
      }),
      catchError((error: unknown) => {
        if (isSessionChanged(error)) return runAgain();
        // A refusal goes out as it is once the session holds (one made before any statement may have been made of what changed).
        return from(this.checked(request)).pipe(
          concatMap(() => throwError(() => error)),
          catchError((thrown: unknown) => (thrown !== error && isSessionChanged(thrown) ? runAgain() : throwError(() => thrown))),
        );
      }),
    );
  }

  /** A remembered session none of the request's statements checked, checked now (SESSION_CHANGED if it does not hold). */
  private async checked({ staff, session }: CallerRequest): Promise<void> {
    if (session && !session.checked) await this.auth.check(staff!, session);
  }

  /** The caller as their session is now: 401 if it ended, 403 if the route does not allow their role now. */
  private async readAgain(context: ExecutionContext, request: CallerRequest): Promise<void> {
    this.auth.forget(request.staff!.sessionId);
    const { staff, session } = await this.auth.authenticate(bearerToken(request));
    if (!routeAllows(this.reflector, context, staff.role)) throw refused('forbidden');
    [request.staff, request.session] = [staff, session];
  }
}
