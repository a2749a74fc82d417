import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { NestFactory, Reflector } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
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
export function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', 'no-store');
  next();
}

/** The configured application, shared by main.ts and the tests so both run the same thing. */
export async function createApp(config: ApiConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  // The caller's address (the login back-off's and the throttles' key) from the proxies we are told of.
  app.set('trust proxy', config.TRUST_PROXY);
  app.use(securityHeaders);
  app.setGlobalPrefix('api', { exclude: ['health', 'health/live', 'health/ready'] });
  app.useGlobalFilters(new HttpExceptionFilter());
  if (config.CONTRACT_CHECK === 'strict') app.useGlobalInterceptors(new AnswerCheck(app.get(Reflector)));
  app.enableShutdownHooks();
  app.get(OpenApiDocument).attach(app);
  return app;
}
