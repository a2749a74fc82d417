import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { describeRoutes } from './routes';
import { startTestApp } from '../testing/test-app';

let app: INestApplication;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('/api/docs', () => {
  it('serves an OpenAPI 3.1 document with every route, its roles and the request schemas', async () => {
    const res = await request(app.getHttpServer()).get('/api/docs/openapi.json').expect(200);
    expect(res.body.openapi).toBe('3.1.0');
    const documented = Object.entries(res.body.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    expect(documented.sort()).toEqual(describeRoutes(app).map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`).sort());

    const register = res.body.paths['/api/cases'].post;
    expect(register['x-roles']).toEqual(['clerk', 'supervisor', 'admin']);
    const schema = register.requestBody.content['application/json'].schema;
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(expect.arrayContaining(['route', 'reason', 'pins', 'holder']));
    expect(schema.properties.route.enum).toEqual(['self', 'legal_representative', 'voluntary_agent']);
    expect(res.body.paths['/api/auth/login'].post.security).toEqual([]);
    expect(res.body.paths['/api/cases/{id}/transitions'].post.parameters).toEqual([{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }]);
  });

  it('lists the routes on a page, without logging in', async () => {
    const res = await request(app.getHttpServer()).get('/api/docs').expect(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('<code>/api/cases/{id}/transitions</code>');
    expect(res.text).toContain('受付（新規申請の登録）');
  });
});
