import type { INestApplication } from '@nestjs/common';
import { createApp } from '../app';
import { loadApiConfig } from '../config/api-config';

/**
 * The real application on the run's own database and Redis prefix (set by the jest global
 * setup), with overrides for a test that needs a broken dependency.
 */
export async function startTestApp(overrides: Record<string, string> = {}): Promise<INestApplication> {
  const config = loadApiConfig({ ...process.env, LOG_LEVEL: 'silent', ...overrides });
  const app = await createApp(config);
  await app.init();
  return app;
}
