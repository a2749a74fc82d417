import type { INestApplication } from '@nestjs/common';
import { z } from 'zod';
import { describeRoutes } from './routes';

const ERROR_SCHEMA = {
  type: 'object',
  required: ['code', 'message', 'details'],
  properties: {
    code: { type: 'string', description: 'stable snake_case code' },
    message: { type: 'string', description: 'Japanese message for people' },
    details: {
      type: 'array',
      items: { type: 'object', required: ['path', 'code', 'message'], properties: { path: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } } },
    },
  },
};

const ERRORS: Record<string, string> = {
  '400': 'malformed input (every offending field in details)',
  '401': 'not logged in',
  '403': 'the role may not',
  '404': 'unknown id',
  '409': 'state or version conflict',
  '422': 'well-formed but refused by the rules',
  '429': 'throttled',
};

/** The OpenAPI 3.1 document of the running API, built from its routes and their zod schemas. */
export function buildOpenApiDocument(app: INestApplication): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const route of describeRoutes(app)) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const params = [...route.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = {
      summary: route.summary,
      ...(route.access === 'public' ? { security: [] } : { 'x-roles': route.access }),
      ...(params.length ? { parameters: params } : {}),
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(route.body as z.ZodType, { io: 'input', unrepresentable: 'any' }) } } } } : {}),
      responses: {
        '200': { description: 'OK' },
        ...Object.fromEntries(Object.entries(ERRORS).map(([status, description]) => [status, { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }])),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Madoguchi API', version: '0.1.0', description: 'マイナンバーカード暗証番号再設定の窓口: the HTTP contract of shared/API.md.' },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } }, schemas: { Error: ERROR_SCHEMA } },
    paths,
  };
}
