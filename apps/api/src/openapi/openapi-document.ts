import { type INestApplication, Injectable } from '@nestjs/common';
import { buildOpenApiDocument } from './openapi';

/** Holds the document, built on first request from the assembled application (attached in app.ts). */
@Injectable()
export class OpenApiDocument {
  private document: object | undefined;
  private app: INestApplication | undefined;

  attach(app: INestApplication): void {
    this.app = app;
  }

  get(): object {
    this.document ??= buildOpenApiDocument(this.app!);
    return this.document;
  }
}
