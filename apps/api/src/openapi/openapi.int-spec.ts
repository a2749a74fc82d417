import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { describeRoutes } from './routes';
import { CaseQueryService } from '../cases/case-query.service';
import { EXAMPLE_AGENT_CASE } from '../testing/fixtures';
import { loginEveryRole, startTestApp } from '../testing/test-app';

let app: INestApplication;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('/api/docs', () => {
  it('serves an OpenAPI 3.1 document with every route, its roles and the request schemas', async () => {
    const res = await request(app.getHttpServer()).get('/api/docs/openapi.json').expect(200);
    expect(res.body.openapi).toBe('3.1.0');
    const documented = Object.entries(res.body.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(documented.sort()).toEqual(
      describeRoutes(app)
        .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`)
        .sort(),
    );

    const register = res.body.paths['/api/cases'].post;
    expect(register['x-roles']).toEqual(['clerk', 'supervisor', 'admin']);
    const schema = register.requestBody.content['application/json'].schema;
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(expect.arrayContaining(['route', 'reason', 'pins', 'holder']));
    expect(schema.properties.route.enum).toEqual(['self', 'legal_representative', 'voluntary_agent']);
    expect(res.body.paths['/api/auth/login'].post.security).toEqual([]);
    expect(res.body.paths['/api/cases/{id}/transitions'].post.parameters).toEqual([{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }]);
  });

  it('gives every route that answers a schema of its answer, and the errors one shape', async () => {
    const undeclared = describeRoutes(app).filter((r) => r.status !== 204 && !r.contract?.answer);
    expect(undeclared.map((r) => `${r.method} ${r.path}`)).toEqual([]);

    const doc = (await request(app.getHttpServer()).get('/api/docs/openapi.json').expect(200)).body;
    const caseView = doc.paths['/api/cases/{id}'].get.responses['200'].content['application/json'].schema;
    expect(caseView.additionalProperties).toBe(false);
    expect(caseView.required).toEqual(expect.arrayContaining(['id', 'receiptNumber', 'state', 'letters', 'history']));
    expect(Object.keys(doc.paths['/api/cases'].post.responses)).toContain('201');
    expect(doc.paths['/api/auth/logout'].post.responses['204']).toEqual({ description: 'No Content' });
    expect(Object.keys(doc.paths['/api/letters/{id}/pdf'].get.responses['200'].content)).toEqual(['application/pdf']);
    expect(doc.components.schemas.Error.required).toEqual(['code', 'message', 'details']);
  });

  it('checks every answer of the test app against its contract: a field the contract lacks is a 500', async () => {
    const tokens = await loginEveryRole(app);
    const created = (await request(app.getHttpServer()).post('/api/cases').set('authorization', `Bearer ${tokens.clerk}`).send(EXAMPLE_AGENT_CASE).expect(201))
      .body;
    const cases = app.get(CaseQueryService);
    const findOne = cases.findOne.bind(cases);
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    cases.findOne = async (...args) => ({ ...(await findOne(...args)), sessionId: 'leaked' });
    try {
      const res = await request(app.getHttpServer()).get(`/api/cases/${created.id}`).set('authorization', `Bearer ${tokens.clerk}`);
      expect(res.status).toBe(500);
      expect(res.body).toMatchObject({ code: 'internal_error' });
      expect(JSON.stringify(res.body)).not.toContain('leaked');
      expect(errors).toHaveBeenCalledWith(expect.stringContaining('GET /api/cases/:id breaks its contract'));
    } finally {
      cases.findOne = findOne;
      errors.mockRestore();
    }
    await request(app.getHttpServer()).get(`/api/cases/${created.id}`).set('authorization', `Bearer ${tokens.clerk}`).expect(200);
  });

  it('lists the routes on a page, without logging in', async () => {
    const res = await request(app.getHttpServer()).get('/api/docs').expect(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('<code>/api/cases/{id}/transitions</code>');
    expect(res.text).toContain('受付（新規申請の登録）');
  });
});
