import type { INestApplication } from '@nestjs/common';
import { ROLE, type Role } from '@madoguchi/domain';
import request from 'supertest';
import { DEMO_PASSWORD, loginEveryRole, startTestApp } from '../testing/test-app';
import { describeRoutes } from '../openapi/routes';

/**
 * Who may call what: every route of the API, with the roles the contract gives it. A route that
 * is added without a line here fails the first test; a line whose guard disagrees fails the second.
 */
const MATRIX: Record<string, Role[] | 'public' | 'platform'> = {
  'GET /health': 'public',
  'GET /health/live': 'public',
  'GET /health/ready': 'public',
  'GET /api/docs': 'public',
  'GET /api/docs/openapi.json': 'public',
  'POST /api/auth/login': 'public',
  // The platform operators' own (platform.int-spec.ts): no staff token opens them.
  'POST /api/platform/auth/login': 'public',
  'POST /api/platform/auth/logout': 'platform',
  'GET /api/platform/municipalities': 'platform',
  'POST /api/platform/municipalities': 'platform',
  'GET /api/platform/municipalities/:id': 'platform',
  'PATCH /api/platform/municipalities/:id': 'platform',
  'POST /api/platform/municipalities/:id/offices': 'platform',
  'POST /api/auth/logout': ['clerk', 'supervisor', 'print_staff', 'admin'],
  'GET /api/auth/me': ['clerk', 'supervisor', 'print_staff', 'admin'],
  'POST /api/requirements': ['clerk', 'supervisor', 'admin'],
  'POST /api/cases': ['clerk', 'supervisor', 'admin'],
  'GET /api/cases': ['clerk', 'supervisor', 'admin'],
  'GET /api/cases/:id': ['clerk', 'supervisor', 'admin'],
  'GET /api/cases/export': ['supervisor', 'admin'],
  'GET /api/reports/monthly': ['supervisor', 'admin'],
  'GET /api/cases/:id/audit': ['supervisor', 'admin'],
  // Corrections after mailing are a supervisor's (403 there, from the domain's rules).
  'PATCH /api/cases/:id': ['clerk', 'supervisor'],
  'GET /api/offices': ['clerk', 'supervisor', 'print_staff', 'admin'],
  'PUT /api/offices/:id/hours': ['admin'],
  'GET /api/policy': ['clerk', 'supervisor', 'print_staff', 'admin'],
  'GET /api/policy/presets': ['admin'],
  'GET /api/residents': ['clerk', 'supervisor', 'admin'],
  'PUT /api/policy': ['admin'],
  'GET /api/supervision/open-agent-cases': ['supervisor', 'admin'],
  'GET /api/supervision/queue': ['supervisor', 'admin'],
  'POST /api/cases/:id/letters': ['clerk', 'supervisor'],
  'GET /api/letters': ['print_staff', 'supervisor', 'admin'],
  'GET /api/letters/:id/pdf': ['print_staff', 'supervisor', 'admin'],
  'POST /api/letters/:id/retry': ['print_staff', 'supervisor', 'admin'],
  'POST /api/letters/returned': ['clerk', 'supervisor', 'print_staff'],
  'POST /api/print-runs': ['print_staff', 'supervisor', 'admin'],
  'GET /api/print-runs': ['print_staff', 'supervisor', 'admin'],
  'GET /api/print-runs/:id': ['print_staff', 'supervisor', 'admin'],
  'GET /api/print-runs/:id/pdf': ['print_staff', 'supervisor', 'admin'],
  'POST /api/print-runs/:id/mailed': ['print_staff', 'supervisor'],
  'POST /api/print-runs/:id/cancel': ['print_staff', 'supervisor', 'admin'],
  'GET /api/mail-ledgers': ['print_staff', 'supervisor', 'admin'],
  'GET /api/completion-notices': ['print_staff', 'supervisor', 'admin'],
  'GET /api/mail-ledgers/:id': ['print_staff', 'supervisor', 'admin'],
  'GET /api/mail-ledgers/:id/pdf': ['print_staff', 'supervisor', 'admin'],
  'GET /api/mail-ledgers/:id/csv': ['print_staff', 'supervisor', 'admin'],
  'POST /api/replies/lookup': ['clerk', 'supervisor', 'admin'],
  'GET /api/users': ['admin'],
  'GET /api/users/:id': ['admin'],
  'POST /api/users': ['admin'],
  'PUT /api/users/:id': ['admin'],
  'POST /api/users/:id/password': ['admin'],
  'GET /api/supervision/walk-ins-today': ['supervisor', 'admin'],
  // Reachable by anyone logged in; who may make each move is the transition table's (403 there).
  'POST /api/cases/:id/transitions': ['clerk', 'supervisor', 'print_staff', 'admin'],
};

let app: INestApplication;
let tokens: Record<Role, string>;
beforeAll(async () => {
  app = await startTestApp();
  tokens = await loginEveryRole(app);
});
afterAll(() => app.close());

describe('authorization matrix', () => {
  it('covers every route of the API, and each declares exactly the roles listed', () => {
    const routes = describeRoutes(app).map((r) => ({ key: `${r.method} ${r.path}`, access: r.access }));
    expect(routes.map((r) => r.key).sort()).toEqual(Object.keys(MATRIX).sort());
    for (const route of routes) expect([route.key, route.access]).toEqual([route.key, MATRIX[route.key]]);
  });

  const caller = (key: string) => {
    const [method, path] = key.split(' ') as [string, string];
    return (token?: string) => {
      const req = request(app.getHttpServer())[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch'](path);
      return token ? req.set('authorization', `Bearer ${token}`) : req;
    };
  };

  it.each(Object.keys(MATRIX).filter((key) => MATRIX[key] === 'platform'))('%s: 401 without login and for every role of staff', async (key) => {
    const call = caller(key);
    expect((await call()).status).toBe(401);
    for (const role of ROLE.values) expect([role, (await call(tokens[role]).send({})).status]).toEqual([role, 401]);
  });

  it.each(Object.entries(MATRIX).filter(([, roles]) => roles !== 'public' && roles !== 'platform'))(
    '%s: 401 without login, 403 for other roles',
    async (key, roles) => {
      const path = key.split(' ')[1]!;
      const call = caller(key);
      expect((await call()).status).toBe(401);
      for (const role of ROLE.values) {
        // Logging out ends the token, so that route gets a login of its own.
        const token =
          path === '/api/auth/logout'
            ? (await request(app.getHttpServer()).post('/api/auth/login').send({ username: role, password: DEMO_PASSWORD })).body.accessToken
            : tokens[role];
        const status = (await call(token).send({})).status;
        if ((roles as Role[]).includes(role)) expect([role, status]).not.toEqual([role, 403]);
        else expect([role, status]).toEqual([role, 403]);
      }
    },
  );
});
