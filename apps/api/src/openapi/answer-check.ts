import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor, StreamableFile } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { map, type Observable } from 'rxjs';
import type { AskedOfRoute } from '../http/answer';
import { z } from 'zod';
import { ROUTE_CONTRACT, type RouteContract } from '../auth/decorators';

/**
 * What is wrong with an answer, measured against its route's contract: nothing for an answer that
 * fits. The answer is checked as it goes on the wire (dates as strings, undefined fields gone).
 */
export function answerProblems(contract: RouteContract | undefined, answer: unknown): string[] {
  if (answer === undefined) return [];
  const declared = contract?.answer;
  if (answer instanceof StreamableFile || typeof answer === 'string') {
    return declared && !(declared instanceof z.ZodType) ? [] : ['answers a file or text but declares no media type'];
  }
  if (!(declared instanceof z.ZodType)) return ['answers JSON but declares no answer schema'];
  const result = declared.safeParse(JSON.parse(JSON.stringify(answer)));
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.') || '(answer)'}: ${i.message}`);
}

/**
 * Checks every answer against its route's declared schema (CONTRACT_CHECK=strict, which the test
 * app sets): an answer that breaks the contract becomes a 500 and its problems go to stderr, so
 * every API test is also a test of the contract the console is typed against.
 */
@Injectable()
export class AnswerCheck implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const contract = this.reflector.get<RouteContract | undefined>(ROUTE_CONTRACT, context.getHandler());
    return next.handle().pipe(
      map((answer: unknown) => {
        const problems = answerProblems(contract, answer);
        if (problems.length === 0) return answer;
        const req = context.switchToHttp().getRequest<AskedOfRoute>();
        const message = `the answer to ${req.method} ${req.routeOptions?.url ?? req.url.split('?')[0]} breaks its contract:\n  ${problems.join('\n  ')}`;
        console.error(message);
        throw new Error(message);
      }),
    );
  }
}
