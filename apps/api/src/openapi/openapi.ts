import { type INestApplication } from '@nestjs/common';
import { apiErrorSchema } from '@madoguchi/contract/schemas';
import { z } from 'zod';
import { describeRoutes, type RouteDescription } from './routes';

const ERRORS: Record<string, string> = {
  '400': 'malformed input (every offending field in details)',
  '401': 'not logged in',
  '403': 'the role may not',
  '404': 'unknown id',
  '409': 'state or version conflict',
  '422': 'well-formed but refused by the rules',
  '429': 'throttled',
};

/** The document itself, as the answer check sees it (its parts are built here, not typed by hand). */
export const openApiDocumentSchema = z.looseObject({
  openapi: z.literal('3.1.0'),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
});

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): object {
  // The policy and office hours are checked by the domain's own validators (z.custom): shown as any object.
  return z.toJSONSchema(schema, { io, unrepresentable: 'any' });
}

/** The successful answer: the route's status and its schema (or media type); none for 204. */
function success(route: RouteDescription): Record<string, object> {
  const answer = route.contract?.answer;
  if (route.status === 204 || !answer) return { [route.status]: { description: 'No Content' } };
  const content = answer instanceof z.ZodType ? { 'application/json': { schema: jsonSchema(answer, 'output') } } : { [answer.mediaType]: {} };
  return { [route.status]: { description: route.status === 201 ? 'Created' : 'OK', content } };
}

/** The OpenAPI 3.1 document of the running API, built from its routes and their contract schemas. */
export function buildOpenApiDocument(app: INestApplication): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const route of describeRoutes(app)) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const params = [...route.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const body = route.contract?.body;
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = {
      summary: route.contract?.summary,
      ...(route.access === 'public' ? { security: [] } : route.access === 'platform' ? { 'x-platform-operators': true } : { 'x-roles': route.access }),
      ...(params.length ? { parameters: params } : {}),
      ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(body, 'input') } } } } : {}),
      responses: {
        ...success(route),
        ...Object.fromEntries(
          Object.entries(ERRORS).map(([status, description]) => [
            status,
            { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
          ]),
        ),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Madoguchi API', version: '0.1.0', description: 'マイナンバーカード暗証番号再設定の窓口: the HTTP contract of shared/API.md.' },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } }, schemas: { Error: jsonSchema(apiErrorSchema, 'output') } },
    paths,
  };
}
