import 'reflect-metadata';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { NestFactory, Reflector } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyBodyParser } from 'fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { ApiConfig } from './config/api-config';
import { HttpExceptionFilter } from './errors/http-exception.filter';
import { AnswerCheck } from './openapi/answer-check';
import { OpenApiDocument } from './openapi/openapi-document';

/**
 * Headers on every answer: nothing is sniffed, framed or referred, and nothing is kept by a
 * browser or a proxy (answers carry residents' names; a shared counter PC must not keep them).
 */
export function securityHeaders(_req: IncomingMessage, res: ServerResponse, next: () => void): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', 'no-store');
  next();
}

/** The most a request's body may hold: a registration is a few kilobytes (Express's default, kept). */
export const BODY_LIMIT = 100 * 1024;

/**
 * The configured application, shared by main.ts and the tests so both run the same thing: NestJS
 * on Fastify, whose request handling costs a third of Express's (bench/README.md), and the API's
 * time goes to the counter's work instead.
 */
export async function createApp(config: ApiConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    // The caller's address (the login back-off's and the throttles' key) from the proxies we are told of.
    trustProxy: config.TRUST_PROXY,
    bodyLimit: BODY_LIMIT,
    // `/api/cases/` is `/api/cases`, as it was under Express.
    routerOptions: { ignoreTrailingSlash: true },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.use(securityHeaders);
  app.useBodyParser('application/json', { bodyLimit: BODY_LIMIT }, jsonOrNothing(adapter));
  app.setGlobalPrefix('api', { exclude: ['health', 'health/live', 'health/ready'] });
  app.useGlobalFilters(new HttpExceptionFilter());
  if (config.CONTRACT_CHECK === 'strict') app.useGlobalInterceptors(new AnswerCheck(app.get(Reflector)));
  app.enableShutdownHooks();
  app.get(OpenApiDocument).attach(app);
  return app;
}

/**
 * Fastify's JSON parser (which refuses `__proto__` and `constructor` keys), but an empty body is no
 * body rather than a 400: the console's fetchJson names JSON on every POST, those that carry
 * nothing too (a run cancelled, a letter retried).
 */
function jsonOrNothing(adapter: FastifyAdapter): FastifyBodyParser<Buffer> {
  const json = adapter.getInstance().getDefaultJsonParser('error', 'error');
  return (request, body, done) => (body.length === 0 ? done(null, undefined) : json(request, body.toString('utf8'), done));
}
