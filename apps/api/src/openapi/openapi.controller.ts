import { Controller, Get, Header } from '@nestjs/common';
import { Describe, HTML_ANSWER, Public } from '../auth/decorators';
import { openApiDocumentSchema } from './openapi';
import { OpenApiDocument } from './openapi-document';

/** `/api/docs`: the OpenAPI document (JSON) and a plain page listing the routes. */
@Controller('docs')
export class OpenApiController {
  constructor(private readonly document: OpenApiDocument) {}

  @Describe('OpenAPI 3.1 文書', { answer: openApiDocumentSchema })
  @Get('openapi.json')
  @Public()
  json(): object {
    return this.document.get();
  }

  @Describe('API の一覧（HTML）', { answer: HTML_ANSWER })
  @Get()
  @Public()
  @Header('content-type', 'text/html; charset=utf-8')
  page(): string {
    const doc = this.document.get() as { paths: Record<string, Record<string, { summary?: string; 'x-roles'?: string[] }>> };
    const rows = Object.entries(doc.paths)
      .flatMap(([path, methods]) =>
        Object.entries(methods).map(
          ([method, op]) =>
            `<tr><td><code>${method.toUpperCase()}</code></td><td><code>${escape(path)}</code></td><td>${escape(op.summary ?? '')}</td><td>${escape(op['x-roles']?.join(', ') ?? 'public')}</td></tr>`,
        ),
      )
      .join('\n');
    return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>Madoguchi API</title></head><body>
<h1>Madoguchi API</h1><p>OpenAPI 3.1: <a href="/api/docs/openapi.json">/api/docs/openapi.json</a></p>
<table border="1" cellpadding="4"><thead><tr><th>method</th><th>path</th><th>summary</th><th>roles</th></tr></thead><tbody>
${rows}
</tbody></table></body></html>`;
  }
}

function escape(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
